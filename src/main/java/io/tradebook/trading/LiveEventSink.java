package io.tradebook.trading;

import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.RiskEvent;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.RiskRuleRepository;
import java.util.Map;
import java.util.UUID;

/**
 * Where the order path's announcements go in the server: notifications to their account's owner
 * through the {@link NotificationWriter} (stored off the request thread, then published live);
 * log entries and risk events straight into the database ({@link JdbiEventSink}), a risk rule's
 * refusal also on the rule's row (its current value, violated, and why), so the rule shows it
 * after a restart. Thread-safe.
 */
final class LiveEventSink implements EventSink {
    private final JdbiEventSink stored;
    private final RiskRuleRepository rules;
    private final NotificationWriter notifications;
    private final AccountCache accounts;

    LiveEventSink(JdbiEventSink stored, RiskRuleRepository rules, NotificationWriter notifications, AccountCache accounts) {
        this.stored = stored;
        this.rules = rules;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    /** Queues the notification for the account's owner; one about an account nobody owns is dropped, a system-wide one kept. */
    @Override
    public void notify(Notification notification) {
        if (notification.account() == null) {
            notifications.submit(notification, null);
            return;
        }
        UUID owner = accounts.ownerOf(notification.account());
        if (owner != null) {
            notifications.submit(notification, owner);
        }
    }

    @Override
    public void log(LogLevel level, String component, String message, Map<String, String> details) {
        stored.log(level, component, message, details);
    }

    @Override
    public void riskEvent(RiskEvent event) {
        stored.riskEvent(event);
        UUID rule = ruleId(event.ruleId());
        if (rule != null && event.observed() != null && rules.find(rule).isPresent()) {
            rules.updateState(rule, event.observed(), true, event.message());
        }
    }

    private static UUID ruleId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notStored) {
            return null;
        }
    }
}
