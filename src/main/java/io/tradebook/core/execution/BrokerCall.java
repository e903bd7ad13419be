package io.tradebook.core.execution;

/** One call to a broker, as a value that {@link BrokerRetry} can make again. */
@FunctionalInterface
public interface BrokerCall<T> {
    T call() throws BrokerException;
}
