package io.tradebook.core.events;

/** Severity of a system log entry; names match {@code system_logs.level}. */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR, CRITICAL
}
