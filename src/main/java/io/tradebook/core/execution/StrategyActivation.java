package io.tradebook.core.execution;

import java.util.Objects;

/**
 * A strategy's activation on an account as the order path needs it: its status, and whether it
 * trades from a segregated budget ({@code allocated}) or from the account's shared pool. Immutable.
 */
public record StrategyActivation(ActivationStatus status, boolean allocated) {
    public StrategyActivation {
        Objects.requireNonNull(status, "status");
    }
}
