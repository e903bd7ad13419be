package io.tradebook.core.strategies;

import java.util.Objects;

/**
 * Why activating a strategy on an account (or changing an activation) was refused: a named reason
 * and a message for the person who asked, naming what was wrong (the parameter, both amounts, the
 * name). An expected outcome, carried as a value, never thrown. Immutable.
 */
public record ActivationRefusal(Reason reason, String message) {

    /** The reasons an activation is refused. */
    public enum Reason {
        /** No such account. */
        UNKNOWN_ACCOUNT,
        /** No strategy with that code in the catalog table. */
        UNKNOWN_STRATEGY,
        /** The strategy is in the table but its code is not loaded here (a plugin jar missing). */
        STRATEGY_NOT_LOADED,
        /** The strategy is switched off in the catalog table ({@code is_active} false). */
        STRATEGY_INACTIVE,
        /** The activation's name is blank or too long. */
        BAD_NAME,
        /** The account already has an activation of that name. */
        NAME_TAKEN,
        /** No activation of that name on the account. */
        UNKNOWN_ACTIVATION,
        /** A custom parameter that is not the strategy's, or a value it refuses. */
        BAD_PARAMETER,
        /** An allocation that is not a positive amount. */
        BAD_ALLOCATION,
        /** An allocation above the cash the account's shared pool has free. */
        INSUFFICIENT_CASH,
        /** The capital the strategy would get is below its minimum capital. */
        BELOW_MIN_CAPITAL,
        /** A status change the activation's status does not allow (a STOPPED one stays stopped). */
        ILLEGAL_TRANSITION
    }

    public ActivationRefusal {
        Objects.requireNonNull(reason, "reason");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a message");
        }
    }
}
