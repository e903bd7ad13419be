package io.tradebook.core.execution;

import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An {@link EventSink} that keeps everything it is given, in order, for tests to inspect. */
public final class RecordingEventSink implements EventSink {

    /** One system log entry as given. */
    public record LogEntry(LogLevel level, String component, String message, Map<String, String> details) {
        public LogEntry {
            details = Map.copyOf(details);
        }
    }

    private final List<Notification> notifications = new ArrayList<>();
    private final List<LogEntry> logs = new ArrayList<>();

    @Override
    public synchronized void notify(Notification notification) {
        notifications.add(notification);
    }

    @Override
    public synchronized void log(LogLevel level, String component, String message, Map<String, String> details) {
        logs.add(new LogEntry(level, component, message, details));
    }

    public synchronized List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    public synchronized List<LogEntry> logs() {
        return List.copyOf(logs);
    }
}
