package io.tradebook.core.strategies;

import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The two rules an activation of a strategy on an account must pass, whoever stores it: its custom
 * parameter values are the strategy's and acceptable to it, and the capital it would get is at
 * least the strategy's minimum capital (seed 004's {@code min_capital}). The capital is its
 * allocation when it has one, else the account's shared pool. Stateless; the problems come back as
 * {@link ActivationRefusal}s, never thrown.
 */
public final class ActivationCheck {
    private ActivationCheck() {
    }

    /** Where an activation's capital comes from, as messages say it. */
    public enum CapitalSource {
        ALLOCATION("its allocation"),
        SHARED_POOL("the account's shared pool");

        private final String words;

        CapitalSource(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * Why {@code custom} (parameter name → value as text; the others keep their defaults) does not
     * suit {@code definition}, naming the parameter; empty when it does.
     */
    public static Optional<ActivationRefusal> parameters(StrategyDefinition definition, Map<String, String> custom) {
        Parameters values;
        try {
            values = definition.metadata().parameters(custom);
        } catch (IllegalArgumentException e) {
            return Optional.of(new ActivationRefusal(ActivationRefusal.Reason.BAD_PARAMETER, e.getMessage()));
        }
        return definition.check(values).map(problem -> new ActivationRefusal(ActivationRefusal.Reason.BAD_PARAMETER,
                definition.metadata().code() + ": " + problem));
    }

    /**
     * Why {@code capital} is too little for a strategy needing {@code minCapital} (null: no
     * minimum), naming both amounts and where the capital comes from; empty when it is enough.
     */
    public static Optional<ActivationRefusal> capital(String code, BigDecimal minCapital, Money capital, CapitalSource source) {
        if (minCapital == null || capital.amount().compareTo(minCapital) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ActivationRefusal(ActivationRefusal.Reason.BELOW_MIN_CAPITAL, "strategy " + code
                + " needs a capital of at least " + plain(minCapital) + " " + capital.currency() + " but would get "
                + plain(capital.amount()) + " " + capital.currency() + " (" + source.words() + ")"));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
