package io.tradebook.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Slow password hashes: bcrypt (version 2a) at a configured cost. Thread-safe. Refuses a cost
 * outside bcrypt's 4…31; the server refuses below 10 unless told it runs tests.
 */
public final class PasswordHasher {
    private final int cost;
    private final String decoy;

    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be within " + BCrypt.MIN_COST + "…" + BCrypt.MAX_COST + ": " + cost);
        }
        this.cost = cost;
        this.decoy = hash("decoy password for unknown users");
    }

    /** The hash of {@code password} with a fresh salt. */
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** True when {@code password} matches {@code hash}; false also for a malformed hash. */
    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /**
     * Spends the time of one verification against a decoy hash, so that a sign-in for an unknown
     * email takes as long as one for a known email with a wrong password.
     */
    public void spendVerificationTime(String password) {
        matches(password, decoy);
    }

    public int cost() {
        return cost;
    }
}
