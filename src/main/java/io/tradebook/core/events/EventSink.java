package io.tradebook.core.events;

import java.util.Map;

/**
 * Where the core sends what people must hear about (notifications) and what the audit trail must
 * keep (system log entries: level, component, message, details). The store adapter writes them to
 * the database; tests and backtests collect them in memory.
 */
public interface EventSink {
    void notify(Notification notification);

    void log(LogLevel level, String component, String message, Map<String, String> details);

    /** Keeps a risk rule's refusal of an order; a sink without a place for them drops it. */
    default void riskEvent(RiskEvent event) {
    }

    /** A sink that drops everything, for benchmarks and backtests that do not need it. */
    EventSink NONE = new EventSink() {
        @Override
        public void notify(Notification notification) {
        }

        @Override
        public void log(LogLevel level, String component, String message, Map<String, String> details) {
        }
    };
}
