package io.tradebook.core.analytics;

import static io.tradebook.core.analytics.AnalyticsFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run of three days through real books: one strategy with a budget, one on the shared pool.
 * Worked by hand:
 * <pre>
 * deposit 10000; allocate 4000 to alpha; beta draws on the pool (capital 6000)
 * day 1  alpha buys 10 AAPL @100 fee 1              marks AAPL 100
 *        account 8999 cash + 1000 = 9999;  alpha 4000 − 1 + 0 = 3999;  beta 6000
 * day 2  beta buys 5 MSFT @200 fee 0.5              marks AAPL 110, MSFT 210
 *        account 7998.5 + 1100 + 1050 = 10148.5;  alpha 4000 − 1 + 100 = 4099;  beta 6000 − 0.5 + 50 = 6049.5
 * day 3  alpha sells 10 AAPL @120 fee 1 (round trip +198)   marks AAPL 120, MSFT 190
 *        account 9197.5 + 950 = 10147.5;  alpha 4198;  beta 6000 − 0.5 − 50 = 5949.5
 * P&L: account +147.5 = alpha +198 + beta −50.5
 * </pre>
 */
class PerformanceRecorderTest {
    private static final Currency USD = Currency.USD;

    private static Fill fill(String id, String strategy, String symbol, Side side, long qty, String price, String fee, Instant t) {
        return Fill.of(id, "A", strategy, symbol, side, Quantity.of(qty), Price.of(price, USD), Money.of(fee, USD), t);
    }

    private static Map<String, Price> marks(String... symbolAndPrice) {
        Map<String, Price> m = new java.util.HashMap<>();
        for (int i = 0; i < symbolAndPrice.length; i += 2) {
            m.put(symbolAndPrice[i], Price.of(symbolAndPrice[i + 1], USD));
        }
        return m;
    }

    private static String[] equities(EquityCurve c) {
        String[] out = new String[c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[i] = c.money(i).toPlainString();
        }
        return out;
    }

    @Test
    void theAccountAndEachStrategyGetTheirCurveTradesAndExposure() {
        AccountBook book = AccountBook.open("A", USD);
        book.deposit(Money.of("10000", USD), day("2024-01-01"), "cash");
        book.allocate("alpha", Money.of("4000", USD), day("2024-01-01"));
        PerformanceRecorder recorder = new PerformanceRecorder(USD, Map.of("alpha", Money.of("4000", USD), "beta", Money.of("6000", USD)));

        book.apply(fill("t1", "alpha", "AAPL", Side.BUY, 10, "100", "1", day("2024-01-02")));
        recorder.record(day("2024-01-02"), book, marks("AAPL", "100"));
        book.apply(fill("t2", "beta", "MSFT", Side.BUY, 5, "200", "0.5", day("2024-01-03")));
        recorder.record(day("2024-01-03"), book, marks("AAPL", "110", "MSFT", "210"));
        book.apply(fill("t3", "alpha", "AAPL", Side.SELL, 10, "120", "1", day("2024-01-04")));
        recorder.record(day("2024-01-04"), book, marks("AAPL", "120", "MSFT", "190"));
        RunPerformance perf = recorder.finish(book, MetricSettings.daily());

        assertThat(perf.run().name()).isEqualTo("run");
        assertThat(equities(perf.run().curve())).containsExactly("9999", "10148.5", "10147.5");
        assertThat(perf.run().exposure()).isEqualTo(new Exposure(3, 3));
        assertThat(perf.run().metrics().trades()).isEqualTo(1);

        assertThat(perf.strategies()).extracting(PerformanceSummary::name).containsExactly("alpha", "beta");
        PerformanceSummary alpha = perf.strategies().get(0);
        assertThat(equities(alpha.curve())).containsExactly("3999", "4099", "4198");
        assertThat(alpha.exposure()).isEqualTo(new Exposure(2, 3));
        assertThat(alpha.roundTrips()).singleElement().satisfies(t -> assertThat(t.pnl()).isEqualTo(Money.of("198", USD)));
        assertThat(alpha.metrics().winRate().plain()).isEqualTo("1");
        // a budgeted strategy's equity is its budget's cash plus its holdings: flat at the end, 4000 − 1001 + 1199
        assertThat(book.cashAvailableTo("alpha")).isEqualTo(alpha.finalEquity());

        PerformanceSummary beta = perf.strategies().get(1);
        assertThat(equities(beta.curve())).containsExactly("6000", "6049.5", "5949.5");
        assertThat(beta.exposure()).isEqualTo(new Exposure(2, 3));
        assertThat(beta.metrics().trades()).isZero();

        Money strategiesPnl = alpha.finalEquity().minus(Money.of("4000", USD)).plus(beta.finalEquity().minus(Money.of("6000", USD)));
        assertThat(strategiesPnl).isEqualTo(perf.run().finalEquity().minus(Money.of("10000", USD)));
    }

    @Test
    void refusesAStrategyWithoutCapitalAMissingMarkAndAnEmptyRun() {
        AccountBook book = AccountBook.open("A", USD);
        book.deposit(Money.of("1000", USD), day("2024-01-01"), "cash");
        PerformanceRecorder recorder = new PerformanceRecorder(USD, Map.of("alpha", Money.of("1000", USD)));
        assertThatThrownBy(() -> recorder.finish(book, MetricSettings.daily())).isInstanceOf(IllegalStateException.class);
        book.apply(fill("t1", "alpha", "AAPL", Side.BUY, 1, "100", "0", day("2024-01-02")));
        assertThatThrownBy(() -> recorder.record(day("2024-01-02"), book, marks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no mark price for AAPL");
        book.apply(fill("t2", "gamma", "AAPL", Side.BUY, 1, "100", "0", day("2024-01-02")));
        assertThatThrownBy(() -> recorder.record(day("2024-01-03"), book, marks("AAPL", "100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> new PerformanceRecorder(USD, Map.of("x", Money.of("1", Currency.of("EUR")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
