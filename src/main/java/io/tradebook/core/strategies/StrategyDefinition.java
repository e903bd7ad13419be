package io.tradebook.core.strategies;

import java.util.Optional;

/**
 * A strategy as the catalog knows it: its metadata (with the parameters it declares), a check of
 * a whole set of parameter values, and a factory of running instances. This is the service a
 * plugin jar provides: a public class with a public no-argument constructor, named in the jar's
 * {@code META-INF/services/io.tradebook.core.strategies.StrategyDefinition} (see
 * {@code docs/strategies.md}). Implementations are immutable and thread-safe: a grid search
 * creates instances from several threads at once.
 */
public interface StrategyDefinition {

    /** The code, name, category, risk level, minimum capital, timeframe, symbols and parameters. */
    StrategyMetadata metadata();

    /**
     * Why these values, each already valid on its own, do not make a strategy together (for
     * example {@code fast} not below {@code slow}); empty when they do. The message names the
     * parameters. A grid search skips (and counts) the combinations refused here.
     */
    default Optional<String> check(Parameters parameters) {
        return Optional.empty();
    }

    /**
     * The yearly return and maximum drawdown the catalog shows for this strategy, with their basis;
     * empty (the default) when it states none. A plugin may override it.
     */
    default Optional<StrategyExpectations> expectations() {
        return Optional.empty();
    }

    /**
     * A new, independent instance running with {@code parameters} (values of this definition's
     * parameters that {@link #check} accepts). Each run, and each symbol set, gets its own.
     */
    Strategy create(Parameters parameters);
}
