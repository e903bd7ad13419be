package io.tradebook.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.marketdata.BundledData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each new built-in at its default parameters on every bundled series (S&amp;P 500 and AAPL daily,
 * BTC/USD and ETH/USD 5-minute), 100,000 USD, no costs: the number of fills and round trips and the
 * final equity pinned, and every fill, every confidence and the final equity checked against a
 * plain recomputation of the rule ({@link ReferenceSignals}: indicators recomputed over arrays,
 * exact cash, floor(0.95 × cash / close) lots, fills at the next open) that shares no code with the
 * strategies, the indicators, the order path or the books.
 */
class BuiltInsOnBundledDataTest {

    static BacktestResult run(String code, String symbol) {
        BundledData.Series data = BundledData.find(symbol).orElseThrow();
        BarSeries series = BarSeries.atDataPrecision(Instrument.defaults(symbol, data.type(), Currency.USD), data.read().bars());
        return Backtest.run(new BacktestPlan(List.of(series), List.of(StrategyInstance.of(BacktestFixtures.strategy(code))),
                BacktestSettings.of(BacktestFixtures.usd("100000"))));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "ema-cross, SPX, 161, 80, 138528.062727",
        "ema-cross, AAPL, 7, 3, 109649.02",
        "ema-cross, BTCUSD, 46, 23, 116244.8415164444",
        "ema-cross, ETHUSD, 28, 14, 99164.3538056678",
        "rsi, SPX, 37, 18, 171078.173958",
        "rsi, AAPL, 2, 1, 102730",
        "rsi, BTCUSD, 11, 5, 109390.050821898",
        "rsi, ETHUSD, 1, 0, 95535.117350776",
        "rsi-dmi, SPX, 23, 11, 216592.18387",
        "rsi-dmi, AAPL, 2, 1, 113921.64",
        "rsi-dmi, BTCUSD, 2, 1, 102995.6197374784",
        "rsi-dmi, ETHUSD, 1, 0, 99228.30022222",
        "bollinger-reversion, SPX, 184, 92, 152563.75212",
        "bollinger-reversion, AAPL, 8, 4, 116467.97",
        "bollinger-reversion, BTCUSD, 83, 41, 107902.5764941634",
        "bollinger-reversion, ETHUSD, 22, 11, 100700.568628182",
        "donchian-breakout, SPX, 175, 87, 143493.817304",
        "donchian-breakout, AAPL, 10, 5, 95934.93",
        "donchian-breakout, BTCUSD, 52, 26, 114101.0075583177",
        "donchian-breakout, ETHUSD, 14, 7, 98643.787990965",
    })
    void theFiguresArePinnedAndRecomputedByHand(String code, String symbol, int fills, int trips, String finalEquity) {
        BacktestResult result = run(code, symbol);
        assertThat(result.fills()).hasSize(fills);
        assertThat(result.roundTrips()).hasSize(trips);
        assertThat(result.finalEquity().amount()).isEqualByComparingTo(finalEquity);
        assertThat(result.orders().rejected()).isZero();
        assertThat(result.bookDifferences()).isEmpty();

        BundledData.Series data = BundledData.find(symbol).orElseThrow();
        List<Bar> bars = data.read().bars();
        BigDecimal lot = Instrument.defaults(symbol, data.type(), Currency.USD).lotSize().value();
        BigDecimal equity = recompute(new ReferenceSignals(bars).defaults(code), bars, lot, result.fills());
        assertThat(result.finalEquity().amount()).isEqualByComparingTo(equity);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ema-cross", "rsi", "rsi-dmi", "bollinger-reversion", "donchian-breakout"})
    void twoRunsAreIdentical(String code) {
        BacktestResult a = run(code, "BTCUSD");
        BacktestResult b = run(code, "BTCUSD");
        assertThat(b.fills()).isEqualTo(a.fills());
        assertThat(b.roundTrips()).isEqualTo(a.roundTrips());
        assertThat(b.performance().run().metrics()).isEqualTo(a.performance().run().metrics());
    }

    /**
     * Trades the signals with exact cash and checks each of {@code fills} against the trade it
     * should be; returns the final equity (cash plus the position at the last close).
     */
    private static BigDecimal recompute(ReferenceSignals.Signal[] signals, List<Bar> bars, BigDecimal lot, List<Fill> fills) {
        BigDecimal cash = new BigDecimal("100000");
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal pending = null;
        double pendingConfidence = Double.NaN;
        int next = 0;
        for (int t = 0; t < bars.size(); t++) {
            Bar bar = bars.get(t);
            if (pending != null) {
                Fill f = fills.get(next++);
                assertThat(f.time()).isEqualTo(bar.time());
                assertThat(f.side()).isEqualTo(pending.signum() > 0 ? Side.BUY : Side.SELL);
                assertThat(f.quantity().value()).isEqualByComparingTo(pending.abs());
                assertThat(f.price().value()).isEqualByComparingTo(bar.open().value());
                assertThat(f.confidence().doubleValue()).isCloseTo(pendingConfidence, within(0.00005 + 1e-12));
                cash = cash.subtract(pending.multiply(bar.open().value()));
                units = units.add(pending);
                pending = null;
            }
            ReferenceSignals.Signal s = signals[t];
            if (s.entry() && units.signum() == 0) {
                BigDecimal lots = new BigDecimal("0.95").multiply(cash).divide(bar.close().value().multiply(lot), 0, RoundingMode.FLOOR);
                if (lots.signum() > 0) {
                    pending = lots.multiply(lot);
                    pendingConfidence = s.confidence();
                }
            } else if (s.exit() && units.signum() > 0) {
                pending = units.negate();
                pendingConfidence = s.confidence();
            }
        }
        assertThat(next).as("fills recomputed").isEqualTo(fills.size());
        return cash.add(units.multiply(bars.get(bars.size() - 1).close().value()));
    }
}
