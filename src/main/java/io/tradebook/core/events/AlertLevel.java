package io.tradebook.core.events;

/** How urgent a notification is (seed 004); names match {@code notifications.alert_level}. */
public enum AlertLevel {
    INFO, WARNING, ERROR, CRITICAL
}
