package io.tradebook.core.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The hand-driven feed: fan-out to subscribers, reference prices, and one order of events under concurrent pushes. */
class ManualPriceFeedTest {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");

    private static Price px(String value) {
        return Price.of(value, Currency.USD);
    }

    /** Records every event as one line. */
    private static final class Recorder implements MarketDataListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onQuote(Quote quote) {
            events.add("quote " + quote.symbol() + " " + quote.bid().toPlainString() + "/" + quote.ask().toPlainString());
        }

        @Override
        public void onLastPrice(LastPrice lastPrice) {
            events.add("last " + lastPrice.symbol() + " " + lastPrice.price().toPlainString());
        }

        @Override
        public void onBar(Bar bar) {
            events.add("bar " + bar.symbol() + " " + bar.close().toPlainString());
        }
    }

    @Test
    void fansEveryEventOutToEverySubscriberInOrder() {
        ManualPriceFeed feed = new ManualPriceFeed();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        feed.subscribe(a);
        feed.subscribe(b);

        feed.push("AAPL", px("100.50"), T0);
        feed.pushQuote("AAPL", px("100.48"), px("100.52"), T0.plusSeconds(1));
        feed.pushBar(new Bar("AAPL", T0, px("100"), px("101"), px("99"), px("100.75"), Quantity.of(1000)));

        assertThat(a.events).containsExactly("last AAPL 100.5", "quote AAPL 100.48/100.52", "bar AAPL 100.75");
        assertThat(b.events).isEqualTo(a.events);
    }

    @Test
    void latestIsTheLastPriceTheMidOfTheLastQuoteOrTheCloseOfTheLastBar() {
        ManualPriceFeed feed = new ManualPriceFeed();
        assertThat(feed.latest("AAPL")).isEmpty();

        feed.push("AAPL", px("100.50"), T0);
        assertThat(feed.latest("AAPL")).contains(px("100.50"));

        feed.pushQuote("AAPL", px("100.01"), px("100.02"), T0.plusSeconds(1)); // (100.01 + 100.02) / 2 = 100.015, exact
        assertThat(feed.latest("AAPL")).contains(px("100.015"));

        feed.pushBar(new Bar("AAPL", T0, px("100"), px("101"), px("99"), px("100.75"), Quantity.of(1000)));
        assertThat(feed.latest("AAPL")).contains(px("100.75"));
        assertThat(feed.latest("MSFT")).isEmpty();
    }

    @Test
    void theMidOfAQuoteAtTwelveDecimalsIsRoundedHalfEven() {
        // (0.000000000001 + 0.000000000002) / 2 = 0.0000000000015 → 0.000000000002 (half-even)
        assertThat(ManualPriceFeed.mid(px("0.000000000001"), px("0.000000000002"))).isEqualTo(px("0.000000000002"));
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() {
        ManualPriceFeed feed = new ManualPriceFeed();
        Recorder a = new Recorder();
        feed.subscribe(a);
        feed.push("AAPL", px("1"), T0);

        feed.unsubscribe(a);
        feed.push("AAPL", px("2"), T0);

        assertThat(a.events).containsExactly("last AAPL 1");
        assertThat(feed.latest("AAPL")).contains(px("2"));
    }

    @Test
    void aCrossedQuoteIsRefusedAndChangesNothing() {
        ManualPriceFeed feed = new ManualPriceFeed();
        Recorder a = new Recorder();
        feed.subscribe(a);

        assertThatThrownBy(() -> feed.pushQuote("AAPL", px("101"), px("100"), T0)).isInstanceOf(IllegalArgumentException.class);

        assertThat(a.events).isEmpty();
        assertThat(feed.latest("AAPL")).isEmpty();
    }

    @Test
    void concurrentPushesReachEverySubscriberInOneOrderAndLatestAgreesWithTheLastOne() throws InterruptedException {
        ManualPriceFeed feed = new ManualPriceFeed();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        feed.subscribe(a);
        feed.subscribe(b);
        int threads = 8;
        int pushes = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> pushers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread pusher = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 1; i <= pushes; i++) {
                    feed.push("AAPL", px(id + "." + String.format("%03d", i)), T0);
                }
            });
            pusher.start();
            pushers.add(pusher);
        }
        start.countDown();
        for (Thread pusher : pushers) {
            pusher.join();
        }

        assertThat(a.events).hasSize(threads * pushes);
        assertThat(b.events).isEqualTo(a.events);
        String lastDelivered = a.events.get(a.events.size() - 1);
        assertThat(lastDelivered).isEqualTo("last AAPL " + feed.latest("AAPL").orElseThrow().toPlainString());
    }
}
