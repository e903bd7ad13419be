package io.tradebook.store;

import io.tradebook.core.instruments.SecurityType;

/**
 * Which securities {@link SecurityRepository#list} returns: optionally only one type, exchange or
 * sector (matched exactly), and active ones unless {@code includeInactive}. Null means any.
 * Immutable; the {@code with} methods return copies.
 */
public record SecurityFilter(SecurityType type, String exchange, String sector, boolean includeInactive) {
    /** Every active security. */
    public static final SecurityFilter ACTIVE = new SecurityFilter(null, null, null, false);

    public SecurityFilter withType(SecurityType type) {
        return new SecurityFilter(type, exchange, sector, includeInactive);
    }

    public SecurityFilter withExchange(String exchange) {
        return new SecurityFilter(type, exchange, sector, includeInactive);
    }

    public SecurityFilter withSector(String sector) {
        return new SecurityFilter(type, exchange, sector, includeInactive);
    }

    public SecurityFilter includingInactive() {
        return new SecurityFilter(type, exchange, sector, true);
    }
}
