package io.tradebook.core.backtest;

import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bars, instruments and strategies for the backtest tests. */
final class BacktestFixtures {
    static final Currency USD = Currency.USD;
    static final Instant DAY1 = Instant.parse("2024-01-01T00:00:00Z");

    private BacktestFixtures() {
    }

    /** Daily bars of {@code symbol} from {@link #DAY1}: each row is open, high, low, close. */
    static List<Bar> daily(String symbol, String[][] ohlc) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            String[] r = ohlc[i];
            bars.add(new Bar(symbol, DAY1.plus(i, ChronoUnit.DAYS), px(r[0]), px(r[1]), px(r[2]), px(r[3]), Quantity.of(1_000_000)));
        }
        return bars;
    }

    static BarSeries equity(String symbol, String[][] ohlc) {
        return BarSeries.of(Instrument.equity(symbol, USD), daily(symbol, ohlc));
    }

    static Instant day(int n) {
        return DAY1.plus(n - 1L, ChronoUnit.DAYS);
    }

    static Price px(String value) {
        return Price.of(value, USD);
    }

    static Money usd(String value) {
        return Money.of(value, USD);
    }

    static StrategyDefinition strategy(String code) {
        return StrategyCatalog.builtIn().require(code);
    }

    static StrategyInstance instance(String code, Map<String, String> parameters) {
        StrategyDefinition d = strategy(code);
        return StrategyInstance.of(d).withParameters(d.metadata().parameters(parameters));
    }
}
