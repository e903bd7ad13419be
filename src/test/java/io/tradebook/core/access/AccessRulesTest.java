package io.tradebook.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plain rules of access: subscriptions, lockout, passwords, contacts, principals. */
class AccessRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T14:30:00Z");

    @Test
    void anExpiredSubscriptionMayNotTrade() {
        assertThat(Subscription.NONE.allowsTrading(NOW)).isTrue();
        assertThat(new Subscription(SubscriptionStatus.ACTIVE, NOW.plusSeconds(1)).allowsTrading(NOW)).isTrue();
        assertThat(new Subscription(SubscriptionStatus.ACTIVE, NOW).allowsTrading(NOW)).isFalse();
        assertThat(new Subscription(SubscriptionStatus.ACTIVE, NOW).statusAt(NOW)).isEqualTo(SubscriptionStatus.EXPIRED);
        assertThat(new Subscription(SubscriptionStatus.TRIAL, null).allowsTrading(NOW)).isTrue();
        assertThat(new Subscription(SubscriptionStatus.PAST_DUE, null).allowsTrading(NOW)).isFalse();
        assertThat(new Subscription(SubscriptionStatus.EXPIRED, null).allowsTrading(NOW)).isFalse();
        assertThat(new Subscription(SubscriptionStatus.CANCELLED, null).allowsTrading(NOW)).isFalse();
        assertThat(new Subscription(SubscriptionStatus.CANCELLED, NOW.plusSeconds(60)).allowsTrading(NOW)).isTrue();
    }

    @Test
    void theFifthFailureLocksAndStartsTheCountAgain() {
        LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));
        assertThat(policy.afterFailure(3, NOW)).isEqualTo(new LockoutPolicy.Failure(4, null));
        LockoutPolicy.Failure fifth = policy.afterFailure(4, NOW);
        assertThat(fifth.locked()).isTrue();
        assertThat(fifth.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(fifth.failures()).isZero();
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsFollowTheStatedRule() {
        assertThat(PasswordPolicy.problems("Correct-horse-9", "ada@example.com")).isEmpty();
        assertThat(PasswordPolicy.problems("short-1", null)).containsExactly("must have at least 10 characters");
        assertThat(PasswordPolicy.problems("onlyletterslong", null)).containsExactly("must contain a letter and a digit or symbol");
        assertThat(PasswordPolicy.problems("1234567890", null)).containsExactly("must contain a letter and a digit or symbol");
        assertThat(PasswordPolicy.problems("x1" + "é".repeat(40), null)).containsExactly("must have at most 72 bytes in UTF-8");
        assertThat(PasswordPolicy.problems("my-Ada-password-1", "ada@example.com")).containsExactly("must not contain the email address");
    }

    @Test
    void contactsAreNormalisedOrRefused() {
        assertThat(EmailAddress.parse("  Ada@Example.COM ")).contains(new EmailAddress("ada@example.com"));
        assertThat(EmailAddress.parse("ada@localhost")).isEmpty();
        assertThat(EmailAddress.parse("a b@example.com")).isEmpty();
        assertThat(PhoneNumber.parse("+41 (79) 123-45.67")).contains(new PhoneNumber("+41791234567"));
        assertThat(PhoneNumber.parse("0791234567")).isEmpty();
        assertThat(PhoneNumber.parse("+0123456789")).isEmpty();
        assertThat(new PhoneNumber("+41791234567").masked()).isEqualTo("+41*******67");
    }

    @Test
    void aPrincipalIsASessionOrAKeyAndOnlyKeysAreBoundToStrategies() {
        UUID user = UUID.randomUUID();
        Principal admin = Principal.session(user, Role.ADMIN, Subscription.NONE, UUID.randomUUID());
        assertThat(admin.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.TRADE, Scope.MARKET_DATA);
        assertThat(Principal.session(user, Role.USER, Subscription.NONE, UUID.randomUUID()).has(Scope.MARKET_DATA)).isFalse();
        Principal key = Principal.apiKey(user, Role.USER, new Subscription(SubscriptionStatus.EXPIRED, null), UUID.randomUUID(),
                Set.of(Scope.TRADE), UUID.randomUUID());
        assertThat(key.mayTrade(NOW)).isFalse();
        assertThatThrownBy(() -> new Principal(user, Role.USER, Set.of(), Subscription.NONE, UUID.randomUUID(), null, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Scope.parse(" Market-Data ")).contains(Scope.MARKET_DATA);
        assertThat(Scope.parse("admin")).isEmpty();
    }

    @Test
    void aTokenBucketRefillsEvenlyAndSaysHowLongToWait() {
        MovingClock clock = new MovingClock();
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), clock);
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(20));
        clock.millis += 19_999;
        assertThat(bucket.take()).isEqualTo(Duration.ofMillis(1));
        clock.millis += 1;
        assertThat(bucket.take()).isZero();
        clock.millis += 3_600_000;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take()).as("never more than its capacity").isZero();
        }
        assertThat(bucket.take()).isPositive();
    }

    private static final class MovingClock extends Clock {
        long millis = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
