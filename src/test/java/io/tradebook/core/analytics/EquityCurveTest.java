package io.tradebook.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Curves keep compact points (unscaled and scale) and exact ones side by side, in time order, and compact appends allocate nothing. */
class EquityCurveTest {
    static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void compactAndExactPointsReadBackExactly() {
        EquityCurve curve = EquityCurve.builder(Currency.USD, 2)
                .append(T.getEpochSecond(), 0, 10_000_000L, 2)
                .append(T.plusSeconds(60), new BigDecimal("100001.123456789012345678901"))
                .append(T.plusSeconds(120).getEpochSecond(), 500, -42L, 0)
                .append(T.plusSeconds(180), Money.of("7", Currency.USD))
                .build();
        assertThat(curve.size()).isEqualTo(4);
        assertThat(curve.equity(0)).isEqualTo(new BigDecimal("100000.00"));
        assertThat(curve.equity(1)).isEqualTo(new BigDecimal("100001.123456789012345678901"));
        assertThat(curve.time(2)).isEqualTo(T.plusSeconds(120).plusNanos(500));
        assertThat(curve.equity(2)).isEqualTo(new BigDecimal("-42"));
        assertThat(curve.last()).isEqualTo(Money.of("7", Currency.USD));
        assertThat(curve.first()).isEqualTo(Money.of("100000", Currency.USD));
    }

    @Test
    void refusesPointsOutOfOrderAndBadScales() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD).append(T.getEpochSecond(), 0, 1, 0);
        assertThatThrownBy(() -> b.append(T, BigDecimal.ONE)).hasMessageContaining("is not after the previous point");
        assertThatThrownBy(() -> b.append(T.getEpochSecond() + 1, 0, 1, -1)).hasMessageContaining("scale from 0 to 127");
        assertThatThrownBy(() -> b.append(T.plusSeconds(5), Money.of("1", Currency.of("EUR")))).hasMessageContaining("equity in EUR");
        assertThatThrownBy(() -> b.build().equity(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void fractionsOfASecondAreKeptOnceTheyAppearAndOrderPointsWithinASecond() {
        long s = T.getEpochSecond();
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 1).append(s, 0, 1, 0).append(s + 1, 0, 2, 0)
                .append(s + 1, 700, 3, 0);
        assertThatThrownBy(() -> b.append(s + 1, 300, 4, 0)).hasMessageContaining("is not after the previous point at "
                + T.plusSeconds(1).plusNanos(700));
        EquityCurve curve = b.append(s + 1, 701, 5, 0).append(s + 2, 0, 6, 0).build();
        assertThat(curve.time(0)).isEqualTo(T);
        assertThat(curve.time(2)).isEqualTo(T.plusSeconds(1).plusNanos(700));
        assertThat(curve.time(3)).isEqualTo(T.plusSeconds(1).plusNanos(701));
        assertThat(curve.time(4)).isEqualTo(T.plusSeconds(2));
    }

    @Test
    void compactAppendsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 200_000);
        long t0 = T.getEpochSecond();
        for (int i = 0; i < 1000; i++) {
            b.append(t0 + i, 0, i, 2);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 1000; i < 200_000; i++) {
            b.append(t0 + i, 0, i, 2);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(allocated).isLessThan(16 * 1024);
        assertThat(b.build().equity(199_999)).isEqualTo(new BigDecimal("1999.99"));
    }
}
