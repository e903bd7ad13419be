package io.tradebook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A verified token is remembered, so its signature is not computed again, but its expiry is still checked on every use. */
class AccessTokensTest {
    /** A clock a test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-03-02T14:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aRememberedTokenStillExpires() {
        Moving clock = new Moving();
        AccessTokens tokens = new AccessTokens(key, Duration.ofMinutes(15), clock);
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String token = tokens.issue(user, session);
        assertThat(tokens.verify(token)).hasValueSatisfying(c -> {
            assertThat(c.userId()).isEqualTo(user);
            assertThat(c.sessionId()).isEqualTo(session);
        });
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(tokens.verify(token)).as("current up to and including its exp").isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTamperedOrForeignTokenIsRefusedEvenNextToARememberedOne() {
        Moving clock = new Moving();
        AccessTokens tokens = new AccessTokens(key, Duration.ofMinutes(15), clock);
        String token = tokens.issue(UUID.randomUUID(), UUID.randomUUID());
        assertThat(tokens.verify(token)).isPresent();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(tokens.verify(tampered)).isEmpty();
        AccessTokens other = new AccessTokens("another-key-another-key-another-key!".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Duration.ofMinutes(15), clock);
        assertThat(other.verify(token)).isEmpty();
    }
}
