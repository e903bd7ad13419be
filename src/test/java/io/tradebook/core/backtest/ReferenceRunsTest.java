package io.tradebook.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.money.Currency;
import io.tradebook.core.strategies.BuiltInStrategies;
import io.tradebook.core.strategies.RiskLevel;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.core.strategies.StrategyExpectations;
import io.tradebook.marketdata.BundledData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures the catalog shows for every built-in are those of its reference run (docs/strategies.md):
 * the bundled S&amp;P 500 daily series 2000-01-03..2020-04-17, 100,000 USD, default parameters, no
 * costs. The expected yearly return is the run's CAGR and the maximum drawdown its maximum
 * drawdown, both rounded half-even to 4 decimals; the risk level follows from the drawdown (LOW
 * under 0.20, MEDIUM under 0.40, HIGH from 0.40).
 */
class ReferenceRunsTest {
    @Test
    void everyBuiltInStatesTheFiguresOfItsReferenceRun() {
        BarSeries spx = BarSeries.atDataPrecision(Instrument.defaults("SPX", SecurityType.INDEX, Currency.USD),
                BundledData.find("SPX").orElseThrow().read().bars());
        for (StrategyDefinition d : BuiltInStrategies.all()) {
            String code = d.metadata().code();
            Metrics m = Backtest.run(new BacktestPlan(List.of(spx), List.of(StrategyInstance.of(d)),
                    BacktestSettings.of(BacktestFixtures.usd("100000")))).performance().run().metrics();
            StrategyExpectations e = d.expectations().orElseThrow();
            assertThat(e.annualReturn()).as(code + " expected return").isEqualTo(four(m.cagr().value()));
            BigDecimal drawdown = four(m.maxDrawdown().value());
            assertThat(e.maxDrawdown()).as(code + " max drawdown").isEqualTo(drawdown);
            assertThat(d.metadata().riskLevel()).as(code + " risk level").isEqualTo(riskOf(drawdown));
            assertThat(e.basis()).contains("SPX daily 2000-01-03..2020-04-17");
        }
    }

    private static BigDecimal four(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }

    private static RiskLevel riskOf(BigDecimal drawdown) {
        if (drawdown.compareTo(new BigDecimal("0.20")) < 0) {
            return RiskLevel.LOW;
        }
        return drawdown.compareTo(new BigDecimal("0.40")) < 0 ? RiskLevel.MEDIUM : RiskLevel.HIGH;
    }
}
