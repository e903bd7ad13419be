package io.tradebook.core.execution;

/**
 * Hears about every failed attempt of a broker call made by {@link BrokerRetry}, so that the
 * caller can keep count on the order ({@code Order.retried(message, time)}) and log the broker's
 * message. Called on the calling thread, before the wait that precedes the next attempt.
 */
@FunctionalInterface
public interface RetryListener {

    /**
     * Attempt {@code attempt} (1-based) failed with {@code failure}. {@code willRetry} is true when
     * another attempt follows; false when the failure was permanent or this was the last attempt,
     * in which case {@code failure} is what {@link BrokerRetry#call} is about to throw.
     */
    void onFailedAttempt(int attempt, BrokerException failure, boolean willRetry);

    /** A listener that ignores every failure. */
    RetryListener NONE = (attempt, failure, willRetry) -> {
    };
}
