package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Updating allocates nothing: measured with the JVM's per-thread allocation counter. */
class IndicatorAllocationTest {

    @Test
    void updatingEveryIndicatorAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        List<Indicator> indicators = List.of(new Sma(20), new Ema(20), new Rsi(14), new Atr(14), new Dmi(14),
                new BollingerBands(20, 2), new DonchianChannel(20), new Macd(12, 26, 9));
        Indicator[] array = indicators.toArray(new Indicator[0]);
        feed(array, 0, 20_000);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        feed(array, 20_000, 200_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 200,000 bars × 8 indicators: even one 16-byte object per update would be 25 MB.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private static void feed(Indicator[] indicators, int from, int count) {
        for (int i = from; i < from + count; i++) {
            double close = 100 + 10 * Math.sin(i * 0.01) + (i % 7) * 0.1;
            for (Indicator indicator : indicators) {
                indicator.update(close + 0.5, close - 0.5, close);
            }
        }
    }
}
