package io.tradebook.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BundledData;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sma-cross (10, 30, allocation 0.95) on the bundled S&P 500 daily closes 2000–2020 with 100,000
 * USD: the figures pinned, and the final equity and every fill checked against a plain
 * recomputation of the rule (exact averages, fills at the next open) that shares no code with the
 * strategy, the order path or the books.
 */
class SmaCrossOnSpxTest {
    static final List<Bar> SPX = BundledData.find("SPX").orElseThrow().read().bars();

    static BacktestResult run() {
        BarSeries series = BarSeries.atDataPrecision(Instrument.defaults("SPX", SecurityType.INDEX, Currency.USD), SPX);
        return Backtest.run(new BacktestPlan(List.of(series),
                List.of(BacktestFixtures.instance("sma-cross", Map.of("fast", "10", "slow", "30"))),
                BacktestSettings.of(BacktestFixtures.usd("100000"))));
    }

    @Test
    void theFiguresArePinned() {
        BacktestResult result = run();
        assertThat(result.bars()).isEqualTo(5105);
        assertThat(result.finalEquity()).isEqualTo(BacktestFixtures.usd("160570.356724"));
        assertThat(result.fills()).hasSize(175);
        assertThat(result.roundTrips()).hasSize(87);
        assertThat(result.orders()).isEqualTo(new OrderCounts(175, 175, 0, 0, 0, 0));
        Fill first = result.fills().get(0);
        assertThat(first.time()).hasToString("2000-03-17T00:00:00Z");
        assertThat(first.price().toPlainString() + " x " + first.quantity()).isEqualTo("1458.469971 x 65");
        var metrics = result.performance().run().metrics().byName();
        assertThat(metrics.get("totalReturn").plain()).isEqualTo("0.6057035672");
        assertThat(metrics.get("cagr").plain()).isEqualTo("0.02365667996");
        assertThat(metrics.get("sharpe").plain()).isEqualTo("0.2809041318");
        assertThat(metrics.get("maxDrawdown").plain()).isEqualTo("0.2812512115");
        assertThat(metrics.get("winRate").plain()).isEqualTo("0.4137931034");
        assertThat(metrics.get("profitFactor").plain()).isEqualTo("1.468802452");
        assertThat(metrics.get("exposure").plain()).isEqualTo("0.613712047");
    }

    @Test
    void theRuleRecomputedByHandGivesTheSameFillsAndEquity() {
        BacktestResult result = run();
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal cash = new BigDecimal("100000");
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal pending = null;
        int fill = 0;
        for (int t = 0; t < SPX.size(); t++) {
            Bar bar = SPX.get(t);
            if (pending != null) {
                Fill f = result.fills().get(fill++);
                assertThat(f.time()).isEqualTo(bar.time());
                assertThat(f.price().value()).isEqualByComparingTo(bar.open().value());
                assertThat(f.quantity().value()).isEqualByComparingTo(pending.abs());
                assertThat(f.side()).isEqualTo(pending.signum() > 0 ? Side.BUY : Side.SELL);
                cash = cash.subtract(pending.multiply(bar.open().value()));
                units = units.add(pending);
                pending = null;
            }
            if (t >= 30) {
                int cross = Integer.compare(mean(t, 10, mc).compareTo(mean(t, 30, mc)), 0);
                int before = Integer.compare(mean(t - 1, 10, mc).compareTo(mean(t - 1, 30, mc)), 0);
                BigDecimal close = bar.close().value();
                if (cross > 0 && before <= 0 && units.signum() == 0) {
                    BigDecimal q = new BigDecimal("0.95").multiply(cash).divide(close, 0, RoundingMode.FLOOR);
                    pending = q.signum() > 0 ? q : null;
                } else if (cross < 0 && before >= 0 && units.signum() > 0) {
                    pending = units.negate();
                }
            }
        }
        assertThat(fill).isEqualTo(result.fills().size());
        BigDecimal equity = cash.add(units.multiply(SPX.get(SPX.size() - 1).close().value()));
        assertThat(result.finalEquity().amount()).isEqualByComparingTo(equity);
    }

    private static BigDecimal mean(int t, int n, MathContext mc) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = t - n + 1; i <= t; i++) {
            sum = sum.add(SPX.get(i).close().value());
        }
        return sum.divide(BigDecimal.valueOf(n), mc);
    }

    @Test
    void twoRunsAreIdentical() {
        BacktestResult a = run();
        BacktestResult b = run();
        assertThat(b.fills()).isEqualTo(a.fills());
        assertThat(b.roundTrips()).isEqualTo(a.roundTrips());
        assertThat(b.performance().run().metrics()).isEqualTo(a.performance().run().metrics());
        for (int i = 0; i < a.performance().run().curve().size(); i++) {
            assertThat(b.performance().run().curve().equity(i)).isEqualTo(a.performance().run().curve().equity(i));
        }
    }
}
