package io.tradebook.core.execution.paper;

import static io.tradebook.core.execution.paper.PaperFixtures.AAPL;
import static io.tradebook.core.execution.paper.PaperFixtures.minute;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.TimeInForce;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * What a bar costs the broker when no order works on its symbol: nothing allocated (measured with
 * the JVM's per-thread allocation counter), while an order on another symbol keeps working and
 * bars of its own symbol still fill it.
 */
class PaperBrokerBarCostTest {

    @Test
    void aBarOfASymbolWithoutWorkingOrdersAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        RecordingBrokerListener listener = new RecordingBrokerListener();
        PaperBroker broker = PaperFixtures.broker(new NoSlippage(), new NoCommission(), listener);
        Bar[] bars = new Bar[1000];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = new Bar(AAPL.symbol(), minute(i), px("100"), px("101"), px("99"), px("100.5"), Quantity.of(1000));
        }
        // a working order on another symbol: AAPL's bars must not touch it
        broker.submit(PaperFixtures.order("btc-1", "BTCUSD", Side.BUY, io.tradebook.core.orders.OrderType.LIMIT, TimeInForce.GTC,
                Quantity.of(1), px("1"), null));
        feed(broker, bars, 0, 200);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        feed(broker, bars, 200, 800);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 800 bars: one list per bar, as before, would be tens of kilobytes
        assertThat(allocated).isLessThan(4 * 1024);
        assertThat(broker.openOrders(PaperFixtures.ACCOUNT)).hasSize(1);

        broker.submit(PaperFixtures.market("aapl-1", Side.BUY, 5, TimeInForce.DAY));
        broker.onBar(new Bar(AAPL.symbol(), minute(2000), px("102"), px("103"), px("101"), px("102.5"), Quantity.of(1000)));
        assertThat(listener.fillPrices()).containsExactly(px("102"));
    }

    private static void feed(PaperBroker broker, Bar[] bars, int from, int count) {
        for (int i = from; i < from + count; i++) {
            broker.onBar(bars[i]);
        }
    }
}
