package io.tradebook.core.execution;

import java.time.Instant;

/** Receives what a broker reports about orders. Implementations must tolerate a report given twice. */
public interface BrokerListener {
    void onFill(BrokerFill fill);

    void onCancelled(String orderId, String reason, Instant time);

    /** A DAY order at the session close, or the unfilled rest of an IOC or FOK order. */
    void onExpired(String orderId, String reason, Instant time);

    /** The broker refused a placed order after accepting it for processing. */
    void onRejected(String orderId, String reason, Instant time);
}
