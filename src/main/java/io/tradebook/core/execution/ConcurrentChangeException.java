package io.tradebook.core.execution;

/**
 * Another writer (another server process, or a tool) changed the account since this process read
 * it, so a change computed from what this process knew was not written: nothing of it is stored.
 * The store has dropped what it knew of the account and reads it again on next use; the order
 * path reloads the account's open orders and tries again, and a caller that still gets this may
 * simply retry.
 */
public final class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
