package io.tradebook.live;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a server process runs its live side: whether live events fan out over Redis (and on which
 * channel), how event streams behave, how webhooks are delivered, and how often the retention job
 * runs. Immutable. {@link #toString()} hides a password in the Redis URL.
 *
 * @param redisUrl     Redis to fan events out over (e.g. {@code redis://127.0.0.1:6379}); null keeps them in this process
 * @param redisChannel the pub/sub channel; processes of one installation share it
 * @param streams      event stream settings
 * @param webhooks     webhook delivery settings
 * @param retention    how often the retention job runs and how many rows it deletes per statement
 * @param backupDir    where {@code POST /api/admin/backup} writes online backups of the embedded database; null: none
 */
public record LiveSettings(URI redisUrl, String redisChannel, EventStreams.Settings streams, WebhookSettings webhooks,
                           RetentionSchedule retention, java.nio.file.Path backupDir) {
    public static final String REDIS_URL = "TRADEBOOK_REDIS_URL";
    public static final String REDIS_CHANNEL = "TRADEBOOK_REDIS_CHANNEL";
    public static final String STREAM_MAX_CLIENTS = "TRADEBOOK_STREAM_MAX_CLIENTS";
    public static final String STREAM_QUEUE = "TRADEBOOK_STREAM_QUEUE";
    public static final String STREAM_HEARTBEAT_SECONDS = "TRADEBOOK_STREAM_HEARTBEAT_SECONDS";
    public static final String WEBHOOK_ATTEMPTS = "TRADEBOOK_WEBHOOK_ATTEMPTS";
    public static final String WEBHOOK_ALLOW_PRIVATE = "TRADEBOOK_WEBHOOK_ALLOW_PRIVATE";
    public static final String RETENTION_INTERVAL_MINUTES = "TRADEBOOK_RETENTION_INTERVAL_MINUTES";
    public static final String RETENTION_BATCH = "TRADEBOOK_RETENTION_BATCH";
    public static final String RETENTION_ARCHIVE_DIR = "TRADEBOOK_RETENTION_ARCHIVE_DIR";
    public static final String BACKUP_DIR = "TRADEBOOK_BACKUP_DIR";
    /** The longest heartbeat interval: under the 30 s after which the HTTP server closes a silent connection. */
    public static final int MAX_HEARTBEAT_SECONDS = 25;
    /** The default pub/sub channel. */
    public static final String DEFAULT_CHANNEL = "tradebook:events";

    /** No Redis, default streams, webhooks and retention. */
    public static final LiveSettings DEFAULT = new LiveSettings(null, DEFAULT_CHANNEL, EventStreams.Settings.DEFAULT, WebhookSettings.DEFAULT,
            RetentionSchedule.DEFAULT, null);

    public LiveSettings {
        if (redisUrl != null && !"redis".equals(redisUrl.getScheme()) && !"rediss".equals(redisUrl.getScheme())) {
            throw new IllegalArgumentException(REDIS_URL + " must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379");
        }
        if (redisChannel == null || redisChannel.isBlank()) {
            throw new IllegalArgumentException(REDIS_CHANNEL + " must not be blank");
        }
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(retention, "retention");
    }

    /** The settings the environment gives; refuses malformed values, naming the variable. */
    public static LiveSettings fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(REDIS_URL));
        URI redis;
        try {
            redis = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REDIS_URL + " is not a URL: " + e.getMessage(), e);
        }
        String channel = blankToNull(env.get(REDIS_CHANNEL));
        EventStreams.Settings d = EventStreams.Settings.DEFAULT;
        int heartbeat = number(env, STREAM_HEARTBEAT_SECONDS, (int) d.heartbeat().toSeconds(), 1);
        if (heartbeat > MAX_HEARTBEAT_SECONDS) {
            // The server closes a connection silent for 30 s; a heartbeat must come before that.
            throw new IllegalArgumentException(STREAM_HEARTBEAT_SECONDS + " must be at most " + MAX_HEARTBEAT_SECONDS + ": " + heartbeat);
        }
        EventStreams.Settings streams = new EventStreams.Settings(number(env, STREAM_QUEUE, d.queueCapacity(), 1), d.userBuffer(),
                d.publicBuffer(), Duration.ofSeconds(heartbeat),
                d.keepBuffers(), number(env, STREAM_MAX_CLIENTS, d.maxClients(), 1));
        WebhookSettings w = WebhookSettings.DEFAULT;
        String allowPrivate = blankToNull(env.get(WEBHOOK_ALLOW_PRIVATE));
        if (allowPrivate != null && !allowPrivate.equalsIgnoreCase("true") && !allowPrivate.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(WEBHOOK_ALLOW_PRIVATE + " must be true or false: " + allowPrivate);
        }
        WebhookSettings webhooks = new WebhookSettings(number(env, WEBHOOK_ATTEMPTS, w.attempts(), 1), w.firstRetry(), w.timeout(),
                w.queueCapacity(), allowPrivate == null ? w.allowPrivateAddresses() : Boolean.parseBoolean(allowPrivate));
        RetentionSchedule r = RetentionSchedule.DEFAULT;
        RetentionSchedule retention = new RetentionSchedule(Duration.ofMinutes(number(env, RETENTION_INTERVAL_MINUTES,
                (int) r.interval().toMinutes(), 0)), number(env, RETENTION_BATCH, r.batchSize(), 1),
                blankToNull(env.get(RETENTION_ARCHIVE_DIR)) == null ? null : java.nio.file.Path.of(env.get(RETENTION_ARCHIVE_DIR).strip()));
        String backups = blankToNull(env.get(BACKUP_DIR));
        return new LiveSettings(redis, channel == null ? DEFAULT_CHANNEL : channel, streams, webhooks, retention,
                backups == null ? null : java.nio.file.Path.of(backups.strip()));
    }

    /** These settings with another Redis (null for none) and channel. */
    public LiveSettings withRedis(URI url, String channel) {
        return new LiveSettings(url, channel, streams, webhooks, retention, backupDir);
    }

    /** These settings with other stream settings. */
    public LiveSettings withStreams(EventStreams.Settings other) {
        return new LiveSettings(redisUrl, redisChannel, other, webhooks, retention, backupDir);
    }

    /** These settings with other webhook settings. */
    public LiveSettings withWebhooks(WebhookSettings other) {
        return new LiveSettings(redisUrl, redisChannel, streams, other, retention, backupDir);
    }

    /** These settings with another retention schedule. */
    public LiveSettings withRetention(RetentionSchedule other) {
        return new LiveSettings(redisUrl, redisChannel, streams, webhooks, other, backupDir);
    }

    /** These settings with another directory for online backups (null for none). */
    public LiveSettings withBackupDir(java.nio.file.Path dir) {
        return new LiveSettings(redisUrl, redisChannel, streams, webhooks, retention, dir);
    }

    /** The Redis URL without a password, for logs and messages. */
    public String redisForDisplay() {
        if (redisUrl == null) {
            return "<none>";
        }
        String info = redisUrl.getUserInfo();
        return info == null ? redisUrl.toString() : redisUrl.toString().replace(info + "@", "***@");
    }

    private static int number(Map<String, String> env, String name, int fallback, int least) {
        String text = blankToNull(env.get(name));
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < least) {
                throw new IllegalArgumentException(name + " must be at least " + least + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + text, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "LiveSettings[redis=" + redisForDisplay() + ", channel=" + redisChannel + ", " + streams + ", " + webhooks + ", " + retention + ", backups=" + backupDir + "]";
    }
}
