package io.tradebook.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live settings from the environment: defaults, every variable, and a clear refusal of each bad value. */
class LiveSettingsTest {
    @Test
    void defaultsKeepEventsInTheProcess() {
        LiveSettings s = LiveSettings.fromEnvironment(Map.of());
        assertThat(s.redisUrl()).isNull();
        assertThat(s.redisChannel()).isEqualTo("tradebook:events");
        assertThat(s.streams()).isEqualTo(EventStreams.Settings.DEFAULT);
        assertThat(s.retention().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(s.backupDir()).isNull();
    }

    @Test
    void everyVariableIsRead() {
        LiveSettings s = LiveSettings.fromEnvironment(Map.of("TRADEBOOK_REDIS_URL", "redis://:pw@redis1:6380",
                "TRADEBOOK_REDIS_CHANNEL", "tb:prod", "TRADEBOOK_STREAM_MAX_CLIENTS", "50", "TRADEBOOK_STREAM_QUEUE", "64",
                "TRADEBOOK_STREAM_HEARTBEAT_SECONDS", "5", "TRADEBOOK_WEBHOOK_ATTEMPTS", "2", "TRADEBOOK_WEBHOOK_ALLOW_PRIVATE", "TRUE",
                "TRADEBOOK_RETENTION_INTERVAL_MINUTES", "0", "TRADEBOOK_RETENTION_BATCH", "10", "TRADEBOOK_BACKUP_DIR", "/srv/backups"));
        assertThat(s.redisUrl().getPort()).isEqualTo(6380);
        assertThat(s.redisForDisplay()).isEqualTo("redis://***@redis1:6380").doesNotContain("pw");
        assertThat(s.toString()).doesNotContain(":pw@");
        assertThat(s.redisChannel()).isEqualTo("tb:prod");
        assertThat(s.streams().maxClients()).isEqualTo(50);
        assertThat(s.streams().queueCapacity()).isEqualTo(64);
        assertThat(s.streams().heartbeat()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.webhooks().attempts()).isEqualTo(2);
        assertThat(s.webhooks().allowPrivateAddresses()).isTrue();
        assertThat(s.retention().enabled()).isFalse();
        assertThat(s.retention().batchSize()).isEqualTo(10);
        assertThat(s.backupDir()).isEqualTo(Path.of("/srv/backups"));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        for (Map.Entry<String, String> bad : Map.of("TRADEBOOK_REDIS_URL", "http://redis1", "TRADEBOOK_STREAM_QUEUE", "many",
                "TRADEBOOK_STREAM_HEARTBEAT_SECONDS", "45", "TRADEBOOK_WEBHOOK_ATTEMPTS", "0", "TRADEBOOK_WEBHOOK_ALLOW_PRIVATE", "yes",
                "TRADEBOOK_RETENTION_BATCH", "-1").entrySet()) {
            assertThatThrownBy(() -> LiveSettings.fromEnvironment(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.toString()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.getKey());
        }
    }
}
