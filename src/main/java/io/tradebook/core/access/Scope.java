package io.tradebook.core.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do (seed 004). A signed-in user (access token) has {@link #READ} and
 * {@link #TRADE}; {@link #MARKET_DATA} (pushing the prices paper accounts fill at) only ever comes
 * from an administrator: their own sign-in, or a grant on a key.
 */
public enum Scope implements Labelled {
    /** Read the user's own resources. */
    READ("read"),
    /** Place, change and cancel orders, and change what trades (still subject to the subscription). */
    TRADE("trade"),
    /** Push market prices; granted by an administrator only. */
    MARKET_DATA("market-data");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The scope named {@code text} (its label, any case), if there is one. */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Scope scope : values()) {
            if (scope.label.equals(wanted)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
