package io.tradebook.core.events;

/** The kinds of notification (seed 004); names match {@code notifications.notification_type}. */
public enum NotificationType {
    ORDER_FILLED, ORDER_REJECTED, SERVICE_DOWN, SERVICE_RESTORED, SYSTEM_ERROR, STRATEGY_SIGNAL, RISK_ALERT
}
