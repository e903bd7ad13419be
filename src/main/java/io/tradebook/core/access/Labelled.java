package io.tradebook.core.access;

/**
 * A listed value whose outside name differs from its Java name (e.g. {@code market-data} for
 * {@code MARKET_DATA}). Adapters that read or write listed values use {@link #label()} when a
 * value implements this, and the constant's name otherwise.
 */
public interface Labelled {
    /** The name this value has outside the program; stable, never blank. */
    String label();
}
