package io.tradebook.core.access;

/**
 * The port through which one-time codes reach a phone. The server's default writes the message to
 * its log (there is no SMS gateway in a self-hosted install); a real gateway adapter implements
 * this. An implementation must not keep the text after sending it.
 */
public interface SmsSender {
    /** Sends {@code text} to {@code to}; throws if it could not be handed over. */
    void send(PhoneNumber to, String text);
}
