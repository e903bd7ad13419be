package io.tradebook.core.execution;

/**
 * A broker call that failed. {@link #isTransient()} says whether trying again may succeed (a
 * time-out, a 503) or not (the broker refused the request); the message is the broker's.
 */
public final class BrokerException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean transientFailure;

    public BrokerException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    public BrokerException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
