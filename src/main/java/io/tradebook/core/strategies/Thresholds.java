package io.tradebook.core.strategies;

import java.util.Optional;

/** The check that a strategy's lower threshold parameter is below its upper one. Stateless. */
final class Thresholds {
    private Thresholds() {
    }

    /** Empty when parameter {@code lower} is below parameter {@code upper}; else why not, naming both. */
    static Optional<String> ordered(Parameters parameters, String lower, String upper) {
        var low = parameters.decimal(lower);
        var high = parameters.decimal(upper);
        return low.compareTo(high) < 0 ? Optional.empty()
                : Optional.of(lower + " (" + ParameterSpec.plain(low) + ") must be below " + upper + " (" + ParameterSpec.plain(high) + ")");
    }
}
