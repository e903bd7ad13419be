package io.tradebook.core.strategies;

/**
 * The arithmetic the built-ins use to turn indicator values into a signal's confidence, always in
 * [0, 1] (seed 003's {@code ai_confidence}; {@link StrategyOrder#withConfidence(double)} keeps it
 * to 4 decimals). Stateless; refuses a NaN, which would mean a signal on an undefined indicator.
 */
final class Confidence {
    private Confidence() {
    }

    /** {@code value} limited to [0, 1]. */
    static double clamp(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a confidence computed from an undefined value");
        }
        return Math.max(0, Math.min(1, value));
    }

    /**
     * How far {@code distance} reaches into {@code span}, limited to [0, 1]: {@code distance / span}.
     * With no span to measure against (zero or less), 1 for a positive distance and 0 otherwise.
     */
    static double ratio(double distance, double span) {
        if (span > 0) {
            return clamp(distance / span);
        }
        return clamp(distance) > 0 ? 1 : 0;
    }
}
