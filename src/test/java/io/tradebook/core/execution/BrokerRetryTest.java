package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tradebook.core.execution.FakeBroker.Call;
import io.tradebook.core.orders.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokerRetryTest {
    private static final RetryPolicy FOUR_TRIES = new RetryPolicy(4, Duration.ofMillis(100), 2, Duration.ofSeconds(1));

    private final FakeBroker broker = new FakeBroker();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> heard = new ArrayList<>();
    private final RetryListener listener = (attempt, failure, willRetry) ->
            heard.add(attempt + ":" + failure.getMessage() + ":" + (willRetry ? "retry" : "give up"));
    private final Order order = TestOrders.marketBuy("o1", "A", "AAPL", 10);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void transientFailuresAreRetriedAfterTheBackoffUntilTheCallSucceeds() throws BrokerException {
        broker.failNextSubmits(2, "gateway timeout", true);

        String brokerId = BrokerRetry.call(() -> broker.submit(order), FOUR_TRIES, sleeper, listener);

        assertThat(brokerId).isEqualTo("B1");
        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(3);
        assertThat(broker.submitted()).containsExactly(order);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(heard).containsExactly("1:gateway timeout:retry", "2:gateway timeout:retry");
    }

    @Test
    void theListenerLetsTheCallerKeepTheRetryCountOnTheOrder() throws BrokerException {
        broker.failNextSubmits(1, "503 busy", true).failNextSubmits(1, "connection reset", true);
        Order[] kept = {order};

        BrokerRetry.call(() -> broker.submit(kept[0]), FOUR_TRIES, sleeper,
                (attempt, failure, willRetry) -> kept[0] = kept[0].retried(failure.getMessage(), TestOrders.T0));

        assertThat(kept[0].retryCount()).isEqualTo(2);
        assertThat(kept[0].message()).isEqualTo("connection reset");
    }

    @Test
    void whenEveryAttemptFailsTransientlyTheLastFailureIsThrownAfterMaxAttempts() {
        for (int i = 1; i <= 5; i++) {
            broker.failNextSubmits(1, "timeout " + i, true);
        }
        RetryPolicy threeTries = new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1));

        BrokerException thrown = catchThrowableOfType(BrokerException.class,
                () -> BrokerRetry.call(() -> broker.submit(order), threeTries, sleeper, listener));

        assertThat(thrown.getMessage()).isEqualTo("timeout 3");
        assertThat(thrown.isTransient()).isTrue();
        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(3);
        assertThat(broker.submitted()).isEmpty();
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(heard).containsExactly("1:timeout 1:retry", "2:timeout 2:retry", "3:timeout 3:give up");
    }

    @Test
    void aPermanentFailureIsThrownAtOnceWithoutRetrying() {
        broker.failNextSubmits(1, "insufficient buying power", false);

        assertThatThrownBy(() -> BrokerRetry.call(() -> broker.submit(order), FOUR_TRIES, sleeper, listener))
                .isInstanceOf(BrokerException.class).hasMessage("insufficient buying power");

        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(heard).containsExactly("1:insufficient buying power:give up");
    }

    @Test
    void aPermanentFailureAfterTransientOnesStopsTheRetries() {
        broker.failNextSubmits(1, "timeout", true).failNextSubmits(1, "symbol halted", false);

        assertThatThrownBy(() -> BrokerRetry.call(() -> broker.submit(order), FOUR_TRIES, sleeper, listener))
                .hasMessage("symbol halted");

        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
        assertThat(heard).containsExactly("1:timeout:retry", "2:symbol halted:give up");
    }

    @Test
    void theWaitsStopGrowingAtTheCap() throws BrokerException {
        broker.failNextSubmits(5, "timeout", true);
        RetryPolicy capped = new RetryPolicy(6, Duration.ofMillis(100), 3, Duration.ofMillis(500));

        BrokerRetry.call(() -> broker.submit(order), capped, sleeper, RetryListener.NONE);

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(6);
    }

    @Test
    void noRetryPolicyMakesExactlyOneAttempt() {
        broker.failNextSubmits(1, "timeout", true);

        assertThatThrownBy(() -> BrokerRetry.call(() -> broker.submit(order), RetryPolicy.none(), sleeper, listener))
                .hasMessage("timeout");

        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(1);
        assertThat(heard).containsExactly("1:timeout:give up");
    }

    @Test
    void anInterruptedWaitGivesUpWithTheBrokersFailureAndKeepsTheInterrupt() {
        broker.failNextSubmits(3, "timeout", true);
        Sleeper interrupted = d -> {
            throw new InterruptedException("shutting down");
        };

        BrokerException thrown = catchThrowableOfType(BrokerException.class,
                () -> BrokerRetry.call(() -> broker.submit(order), FOUR_TRIES, interrupted, listener));

        assertThat(thrown).hasMessage("timeout");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(broker.attempts(Call.SUBMIT)).isEqualTo(1);
    }

    @Test
    void aRuntimeFaultIsNotRetried() {
        int[] calls = {0};
        BrokerCall<String> faulty = () -> {
            calls[0]++;
            throw new IllegalStateException("adapter bug");
        };

        assertThatThrownBy(() -> BrokerRetry.call(faulty, FOUR_TRIES, sleeper, listener)).hasMessage("adapter bug");

        assertThat(calls[0]).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
        assertThat(heard).isEmpty();
    }
}
