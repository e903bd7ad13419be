package io.tradebook.core.execution;

import java.time.Duration;
import java.util.Objects;

/**
 * Makes a broker call under a {@link RetryPolicy}: a transient {@link BrokerException} (a
 * time-out, a 503) is tried again after the policy's backoff, up to its maximum attempts; a
 * permanent one (the broker refused the request) is thrown at once. Every failed attempt is
 * reported to the {@link RetryListener}. Stateless.
 *
 * <p>Only {@link BrokerException}s are retried: a runtime exception is a fault in the adapter and
 * propagates at once. Retrying is safe only for calls the broker treats as idempotent; a submit
 * that timed out may have reached the broker, so an adapter should send the order's id as the
 * broker's client order id, letting the broker refuse the repeat, before its submit is retried.
 */
public final class BrokerRetry {

    private BrokerRetry() {
    }

    /**
     * The result of the first successful attempt of {@code call}. Throws the last failure when
     * every attempt failed transiently, the first permanent failure at once, and the last failure
     * (with the interrupt restored and attached as suppressed) when a wait is interrupted.
     */
    public static <T> T call(BrokerCall<T> call, RetryPolicy policy, Sleeper sleeper, RetryListener onRetry)
            throws BrokerException {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(onRetry, "onRetry");
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (BrokerException failure) {
                boolean willRetry = failure.isTransient() && attempt < policy.maxAttempts();
                onRetry.onFailedAttempt(attempt, failure, willRetry);
                if (!willRetry) {
                    throw failure;
                }
                waitBefore(attempt + 1, policy, sleeper, failure);
            }
        }
    }

    private static void waitBefore(int attempt, RetryPolicy policy, Sleeper sleeper, BrokerException last)
            throws BrokerException {
        Duration wait = policy.backoffBefore(attempt);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            // Being asked to stop is not a reason to invent a new failure: give up with the broker's own.
            Thread.currentThread().interrupt();
            last.addSuppressed(interrupted);
            throw last;
        }
    }
}
