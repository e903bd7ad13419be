package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void theFirstAttemptWaitsNothingAndLaterOnesGrowByTheMultiplier() {
        RetryPolicy p = new RetryPolicy(5, ms(100), 3, ms(10_000));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(p::backoffBefore))
                .containsExactly(Duration.ZERO, ms(100), ms(300), ms(900), ms(2700));
    }

    @Test
    void everyWaitIsCappedAtTheMaximum() {
        RetryPolicy p = new RetryPolicy(6, ms(100), 2, ms(350));

        assertThat(IntStream.rangeClosed(2, 6).mapToObj(p::backoffBefore))
                .containsExactly(ms(100), ms(200), ms(350), ms(350), ms(350));
    }

    @Test
    void aVeryLateAttemptReachesTheCapWithoutOverflowing() {
        RetryPolicy p = new RetryPolicy(Integer.MAX_VALUE, Duration.ofNanos(1), 10, Duration.ofDays(1));

        assertThat(p.backoffBefore(1_000)).isEqualTo(Duration.ofDays(1));
        assertThat(p.backoffBefore(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aMultiplierOfOneWaitsTheSameEachTime() {
        RetryPolicy p = new RetryPolicy(4, ms(50), 1, ms(50));

        assertThat(IntStream.rangeClosed(2, 4).mapToObj(p::backoffBefore)).containsOnly(ms(50));
    }

    @Test
    void noneMakesOneAttemptAndStandardBacksOffFrom250Milliseconds() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        RetryPolicy standard = RetryPolicy.standard();
        assertThat(standard.maxAttempts()).isEqualTo(4);
        assertThat(IntStream.rangeClosed(2, 4).mapToObj(standard::backoffBefore)).containsExactly(ms(250), ms(500), ms(1000));
    }

    @Test
    void refusesPoliciesThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(0, ms(1), 2, ms(1))).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, ms(-1), 2, ms(1))).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, ms(1), 0, ms(1))).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(3, ms(10), 2, ms(5))).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, null, 2, ms(5))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RetryPolicy.standard().backoffBefore(0)).hasMessageContaining("from 1");
    }
}
