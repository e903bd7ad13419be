package io.tradebook.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.AuditTrail;
import io.tradebook.core.events.EventSink;
import io.tradebook.core.events.InProcessLiveEvents;
import io.tradebook.core.events.LiveEvent;
import io.tradebook.core.events.LiveEvents;
import io.tradebook.core.events.LogLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.security.WebhookSecrets;
import io.tradebook.store.JdbiEventSink;
import io.tradebook.store.Retention;
import io.tradebook.store.WebhookRepository;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live side of one server process, built from {@link LiveSettings}: the {@link LiveEvents}
 * publishers use (in this process, or fanned out over Redis), the event streams clients connect
 * to, webhook delivery of notifications, and the retention job's schedule. When Redis becomes unreachable or comes back, it keeps
 * a system-wide SERVICE_DOWN / SERVICE_RESTORED notification and a system-log entry, and streams
 * the notification to this process's clients. Thread-safe; close it before the database.
 */
public final class LiveRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRuntime.class);
    private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(5);

    private final String process;
    private final LiveEvents base;
    private final LiveEvents events;
    private final EventStreams streams;
    private final WebhookDelivery webhooks;
    private final Retention retention;
    private final RetentionSchedule schedule;
    private final AuditTrail audit;
    private final ScheduledExecutorService timer;
    private volatile Retention.Report lastRetention;
    private final java.nio.file.Path backupDirectory;

    private LiveRuntime(String process, LiveEvents base, LiveEvents events, EventStreams streams, WebhookDelivery webhooks,
                        Retention retention, RetentionSchedule schedule, AuditTrail audit, java.nio.file.Path backupDirectory) {
        this.backupDirectory = backupDirectory;
        this.process = process;
        this.base = base;
        this.events = events;
        this.streams = streams;
        this.webhooks = webhooks;
        this.retention = retention;
        this.schedule = schedule;
        this.audit = audit;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradebook-retention");
            t.setDaemon(true);
            return t;
        });
        if (schedule.enabled()) {
            long every = schedule.interval().toMillis();
            timer.scheduleWithFixedDelay(this::scheduledRetention, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts the live side; with a Redis URL it connects (or, when Redis does not answer, reports it down and keeps trying). */
    public static LiveRuntime start(LiveSettings settings, Jdbi jdbi, AuditTrail audit, WebhookSecrets secrets, MeterRegistry metrics,
                                    Clock clock) {
        EventSink sink = new JdbiEventSink(jdbi, clock);
        WebhookRepository webhookRows = new WebhookRepository(jdbi);
        Objects.requireNonNull(settings, "settings");
        String process = newProcessId();
        LiveEvents[] published = new LiveEvents[1];
        EventStreams[] streamsOf = new EventStreams[1];
        LiveEvents base;
        if (settings.redisUrl() == null) {
            base = new InProcessLiveEvents();
        } else {
            RedisLiveEvents.Status status = new RedisStatusReport(settings, process, sink, audit, () -> published[0],
                    () -> streamsOf[0], clock);
            base = new RedisLiveEvents(settings.redisUrl(), settings.redisChannel(), process, RECONNECT_AT_MOST, status, metrics);
        }
        WebhookDelivery webhooks = new WebhookDelivery(secrets, webhookRows, audit, settings.webhooks(), metrics, clock);
        LiveEvents events = new TappedLiveEvents(base, List.of(webhooks));
        published[0] = events;
        EventStreams streams = new EventStreams(events, process, settings.streams(), metrics, clock);
        streamsOf[0] = streams;
        LOG.info("live events: {} (process {})", settings.redisUrl() == null ? "in this process" : "Redis " + settings.redisForDisplay(),
                process);
        return new LiveRuntime(process, base, events, streams, webhooks, new Retention(jdbi, audit, clock), settings.retention(), audit,
                settings.backupDir());
    }

    /** Runs the retention job now (also what the schedule runs): deletes what is past each policy, and old live events from the buffers. */
    public Retention.Report runRetention() throws IOException {
        Retention.Report report = retention.run(schedule.batchSize(), streams::evictBefore, schedule.archiveDir());
        lastRetention = report;
        return report;
    }

    /** The last retention run of this process, or null before the first. */
    public Retention.Report lastRetention() {
        return lastRetention;
    }

    /** Where online backups of the embedded database go, or null for nowhere. */
    public java.nio.file.Path backupDirectory() {
        return backupDirectory;
    }

    /** How the retention job is scheduled here. */
    public RetentionSchedule retentionSchedule() {
        return schedule;
    }

    private void scheduledRetention() {
        try {
            runRetention();
        } catch (IOException | RuntimeException e) {
            LOG.error("the retention job failed", e);
            try {
                audit.record(LogLevel.ERROR, "retention", "retention run failed", null, Map.of("error", String.valueOf(e.getMessage())));
            } catch (RuntimeException logFailed) {
                LOG.error("could not log the failed retention run", logFailed);
            }
        }
    }

    /** The live events to publish to and subscribe on. */
    public LiveEvents events() {
        return events;
    }

    public EventStreams streams() {
        return streams;
    }

    public WebhookDelivery webhooks() {
        return webhooks;
    }

    /** This process's id: the origin tag on Redis and the first part of its event ids. */
    public String process() {
        return process;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        streams.close();
        webhooks.close();
        if (base instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the live events failed", e);
            }
        }
    }

    private static String newProcessId() {
        byte[] bytes = new byte[5];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Tells people when Redis goes and comes back: a notification for everyone, a system-log entry and a live event. */
    private record RedisStatusReport(LiveSettings settings, String process, EventSink sink, AuditTrail audit,
                                     java.util.function.Supplier<LiveEvents> events, java.util.function.Supplier<EventStreams> streams,
                                     Clock clock) implements RedisLiveEvents.Status {
        @Override
        public void down(String reason) {
            tell(NotificationType.SERVICE_DOWN, AlertLevel.ERROR, LogLevel.ERROR, "Live events: Redis is unreachable",
                    reason + ". Live events now reach only the clients of the server that published them, until Redis is back.");
        }

        @Override
        public void restored() {
            tell(NotificationType.SERVICE_RESTORED, AlertLevel.INFO, LogLevel.INFO, "Live events: Redis is back",
                    "Live events reach the clients of every server again. Events other servers published while Redis was away "
                            + "did not reach this server's clients, so each of them gets a resync.");
            EventStreams open = streams.get();
            if (open != null) {
                open.resyncAll("redis-restored", "events of other servers may have been missed while Redis was away; read the state again");
            }
        }

        private void tell(NotificationType type, AlertLevel level, LogLevel logLevel, String title, String message) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("service", "redis");
            details.put("redis", settings.redisForDisplay());
            details.put("process", process);
            var now = clock.instant();
            try {
                sink.notify(new Notification(null, type, level, title, message, details, now));
                audit.record(logLevel, "live", title, null, details);
            } catch (RuntimeException e) {
                LOG.error("could not keep '{}' in the database", title, e);
            }
            Map<String, Object> data = new LinkedHashMap<>(details);
            data.put("notificationType", type.name());
            data.put("alertLevel", level.name());
            data.put("title", title);
            data.put("message", message);
            LiveEvents target = events.get();
            if (target != null) {
                target.publish(new LiveEvent(null, "notification", data, now));
            }
        }
    }
}
