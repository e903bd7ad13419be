package io.tradebook.core.execution;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconciliation of an account's books against its broker found. Immutable.
 *
 * <p>{@link Outcome#MATCHED}: every net position and the cash agree. {@link Outcome#DIFFERENCES}:
 * at least one position or the cash differs, each listed. {@link Outcome#UNKNOWN}: the broker
 * could not be asked, so nothing is known about the account: no differences are listed (a failed
 * query is not an empty account) and {@code brokerMessage} says why. Refuses a report whose
 * outcome contradicts its contents.
 */
public record ReconciliationReport(String account, Outcome outcome, List<PositionDifference> positionDifferences,
                                   Optional<CashDifference> cashDifference, String brokerMessage, Instant time) {

    /** What a reconciliation concluded. */
    public enum Outcome {
        MATCHED, DIFFERENCES, UNKNOWN
    }

    /**
     * A symbol whose net quantity (long minus short, over all strategies) differs: zero on a side
     * that does not hold it. {@link #difference()} is broker minus books.
     */
    public record PositionDifference(String symbol, Quantity books, Quantity broker) {
        public PositionDifference {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(books, "books");
            Objects.requireNonNull(broker, "broker");
        }

        public Quantity difference() {
            return broker.minus(books);
        }
    }

    /** Cash that differs by more than the tolerance, or is in another currency at the broker. */
    public record CashDifference(Money books, Money broker) {
        public CashDifference {
            Objects.requireNonNull(books, "books");
            Objects.requireNonNull(broker, "broker");
        }

        /** Broker minus books; empty when the two are in different currencies. */
        public Optional<Money> difference() {
            return books.currency() == broker.currency() ? Optional.of(broker.minus(books)) : Optional.empty();
        }
    }

    public ReconciliationReport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cashDifference, "cashDifference");
        Objects.requireNonNull(time, "time");
        positionDifferences = List.copyOf(positionDifferences);
        boolean differs = !positionDifferences.isEmpty() || cashDifference.isPresent();
        switch (outcome) {
            case MATCHED -> require(!differs && brokerMessage == null, "a MATCHED report lists no differences");
            case DIFFERENCES -> require(differs && brokerMessage == null, "a DIFFERENCES report lists at least one difference");
            case UNKNOWN -> require(!differs && brokerMessage != null,
                    "an UNKNOWN report lists no differences and carries the broker's message");
        }
    }

    /** The report for books and broker compared: MATCHED when both lists are empty, else DIFFERENCES. */
    public static ReconciliationReport compared(String account, List<PositionDifference> positions, Optional<CashDifference> cash,
                                                Instant time) {
        Outcome outcome = positions.isEmpty() && cash.isEmpty() ? Outcome.MATCHED : Outcome.DIFFERENCES;
        return new ReconciliationReport(account, outcome, positions, cash, null, time);
    }

    /** The report when the broker could not be asked, with its message. */
    public static ReconciliationReport unknown(String account, String brokerMessage, Instant time) {
        return new ReconciliationReport(account, Outcome.UNKNOWN, List.of(), Optional.empty(),
                brokerMessage == null ? "no message from the broker" : brokerMessage, time);
    }

    public boolean hasDifferences() {
        return outcome == Outcome.DIFFERENCES;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
