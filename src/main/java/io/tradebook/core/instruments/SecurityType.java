package io.tradebook.core.instruments;

/** The kinds of security the security master knows (seed 001); names match {@code securities.security_type} in lower case. */
public enum SecurityType {
    EQUITY, ETF, BOND, OPTION, FUTURE, INDEX, CRYPTO
}
