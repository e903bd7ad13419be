package io.tradebook.core.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    private static final Instant H10 = Instant.parse("2024-01-02T10:00:00Z");

    private static Price p(String v) {
        return Price.of(v, Currency.USD);
    }

    private static Bar bar(Instant t, String o, String h, String l, String c, String v) {
        return new Bar("X", t, p(o), p(h), p(l), p(c), Quantity.of(v));
    }

    @Test
    void aBucketTakesFirstOpenHighestHighLowestLowLastCloseAndSummedVolume() {
        List<Bar> bars = List.of(
                bar(H10, "10", "11", "9.5", "10.5", "1.5"),
                bar(H10.plusSeconds(300), "10.5", "12", "10", "11", "0.00000001"),
                bar(H10.plusSeconds(600), "11", "11.5", "9", "9.25", "2"));
        List<AggregatedBar> built = BarAggregator.aggregate(bars, Timeframe.M5, Timeframe.M15);
        assertThat(built).singleElement().satisfies(a -> {
            assertThat(a.bar()).isEqualTo(bar(H10, "10", "12", "9", "9.25", "3.50000001"));
            assertThat(a.barCount()).isEqualTo(3);
            assertThat(a.expectedBars()).isEqualTo(3);
            assertThat(a.isComplete()).isTrue();
        });
    }

    @Test
    void bucketsAreUtcAlignedAndAGapLeavesAnIncompleteBucket() {
        List<Bar> bars = List.of(
                bar(H10.plusSeconds(45 * 60), "1", "1", "1", "1", "1"),   // 10:45, bucket 10:00
                bar(H10.plusSeconds(55 * 60), "2", "2", "2", "2", "1"),   // 10:55
                bar(H10.plusSeconds(60 * 60), "3", "3", "3", "3", "1"),   // 11:00, bucket 11:00
                bar(H10.plusSeconds(180 * 60), "4", "4", "4", "4", "1")); // 13:00, 12:00 has no bars at all
        List<AggregatedBar> built = BarAggregator.aggregate(bars, Timeframe.M5, Timeframe.H1);
        assertThat(built).extracting(a -> a.bar().time())
                .containsExactly(H10, H10.plusSeconds(3600), H10.plusSeconds(3 * 3600));
        assertThat(built).extracting(AggregatedBar::barCount).containsExactly(2, 1, 1);
        assertThat(built).allMatch(a -> a.expectedBars() == 12 && !a.isComplete());
        assertThat(built.get(0).bar().open()).isEqualTo(p("1"));
        assertThat(built.get(0).bar().close()).isEqualTo(p("2"));
    }

    @Test
    void closeOnlyBarsGiveCloseOnlyBars() {
        Instant d1 = Instant.parse("2024-01-02T00:00:00Z");
        List<AggregatedBar> built = BarAggregator.aggregate(List.of(Bar.closeOnly("X", H10, p("5")),
                Bar.closeOnly("X", H10.plusSeconds(3600), p("6"))), Timeframe.H1, Timeframe.D1);
        assertThat(built).singleElement().satisfies(a -> {
            assertThat(a.bar()).isEqualTo(Bar.closeOnly("X", d1, p("6")));
            assertThat(a.barCount()).isEqualTo(2);
            assertThat(a.expectedBars()).isEqualTo(24);
        });
    }

    @Test
    void streamingGivesEachBucketWhenTheNextBegins() {
        BarAggregator aggregator = new BarAggregator(Timeframe.M1, Timeframe.M5);
        assertThat(aggregator.finish()).isEmpty();
        assertThat(aggregator.add(bar(H10, "1", "1", "1", "1", "1"))).isEmpty();
        assertThat(aggregator.add(bar(H10.plusSeconds(240), "2", "2", "2", "2", "1"))).isEmpty();
        assertThat(aggregator.add(bar(H10.plusSeconds(300), "3", "3", "3", "3", "1"))).hasValueSatisfying(a -> {
            assertThat(a.bar().time()).isEqualTo(H10);
            assertThat(a.barCount()).isEqualTo(2);
        });
        assertThat(aggregator.finish()).hasValueSatisfying(a -> assertThat(a.bar().time()).isEqualTo(H10.plusSeconds(300)));
        assertThat(aggregator.finish()).isEmpty();
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> new BarAggregator(Timeframe.H1, Timeframe.M5)).hasMessageContaining("5m is not longer than 1h");
        assertThatThrownBy(() -> new BarAggregator(Timeframe.H1, Timeframe.H1)).hasMessageContaining("1h is not longer than 1h");
        BarAggregator aggregator = new BarAggregator(Timeframe.M5, Timeframe.H1);
        aggregator.add(bar(H10, "1", "1", "1", "1", "1"));
        assertThatThrownBy(() -> aggregator.add(bar(H10, "1", "1", "1", "1", "1"))).hasMessageContaining("out of order");
        assertThatThrownBy(() -> aggregator.add(bar(H10.plusSeconds(60), "1", "1", "1", "1", "1")))
                .hasMessageContaining("does not start a 5m bar");
        assertThatThrownBy(() -> aggregator.add(new Bar("Y", H10.plusSeconds(300), p("1"), p("1"), p("1"), p("1"), Quantity.ZERO)))
                .hasMessage("cannot aggregate bars of Y into bars of X");
        assertThatThrownBy(() -> aggregator.add(Bar.closeOnly("X", H10.plusSeconds(300), p("1"))))
                .hasMessageContaining("cannot aggregate close-only bars together with full bars");
    }

    @Test
    void aggregatingInStepsEqualsAggregatingAtOnce() {
        Random random = new Random(42);
        List<Bar> minutes = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        long price = 10_000;
        for (int i = 0; i < 3 * 1440; i++, t = t.plusSeconds(60)) {
            if (random.nextInt(10) == 0) {
                continue; // a missing minute
            }
            long open = price;
            price = Math.max(100, price + random.nextInt(41) - 20);
            long high = Math.max(open, price) + random.nextInt(5);
            long low = Math.min(open, price) - random.nextInt(5);
            minutes.add(new Bar("X", t, cents(open), cents(high), cents(low), cents(price), Quantity.of(random.nextInt(1000))));
        }
        List<Bar> fiveMinutes = BarAggregator.aggregate(minutes, Timeframe.M1, Timeframe.M5).stream().map(AggregatedBar::bar).toList();
        List<Bar> hoursViaFive = BarAggregator.aggregate(fiveMinutes, Timeframe.M5, Timeframe.H1).stream().map(AggregatedBar::bar).toList();
        List<AggregatedBar> hours = BarAggregator.aggregate(minutes, Timeframe.M1, Timeframe.H1);
        assertThat(hours).extracting(AggregatedBar::bar).isEqualTo(hoursViaFive);
        assertThat(hours).hasSize(72);
        assertThat(hours.stream().mapToInt(AggregatedBar::barCount).sum()).isEqualTo(minutes.size());
    }

    private static Price cents(long cents) {
        return Price.of(java.math.BigDecimal.valueOf(cents, 2), Currency.USD);
    }
}
