package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.account;
import static io.tradebook.core.risk.RiskFixtures.buy;
import static io.tradebook.core.risk.RiskFixtures.denied;
import static io.tradebook.core.risk.RiskFixtures.engineWith;
import static io.tradebook.core.risk.RiskFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxDrawdownRuleTest {
    private static final RiskRule TWENTY_PERCENT = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "0.2");

    @Test
    void aDrawdownJustUnderTheLimitPasses() {
        RiskEngine engine = engineWith(TWENTY_PERCENT);

        assertThat(engine.check(buy("AAPL", "1"), account("8000.01").peakEquity("10000").build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("0.199999");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void aDrawdownReachingTheLimitIsDenied() {
        RiskEngine engine = engineWith(TWENTY_PERCENT);

        assertThat(engine.check(buy("AAPL", "1"), account("8000").peakEquity("10000").build()).approved()).isFalse();
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("7999.99").peakEquity("10000").build()));
        assertThat(denial.message()).isEqualTo("MAX_DRAWDOWN: drawdown is 0.200001 (equity 7999.99 against peak 10000), "
                + "limit 0.2 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("0.200001");
    }

    @Test
    void fractionsAreComparedExactly() {
        // 0.1 × 3 is 0.30000000000000004 in double, which would miss a fall of exactly 0.3.
        RiskEngine engine = engineWith(RiskRule.onAccount("r-2", ACCOUNT, RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "0.1"));

        assertThat(engine.check(buy("X", "1"), account("2.7").peakEquity("3").build()).approved()).isFalse();
        assertThat(engine.check(buy("X", "1"), account("2.70000001").peakEquity("3").build()).approved()).isTrue();
    }

    @Test
    void aStalePeakBelowEquityMeansNoDrawdown() {
        RiskEngine engine = engineWith(TWENTY_PERCENT);

        assertThat(engine.check(buy("AAPL", "1"), account("12000").peakEquity("10000").build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("0");
    }

    @Test
    void noPositivePeakFailsClosed() {
        RiskEngine engine = engineWith(TWENTY_PERCENT);

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("0").build()));
        assertThat(denial.message()).contains("peak equity is 0 USD");
        assertThat(denial.observed()).isNull();
    }

    @Test
    void aReducingOrderPassesInADeepDrawdown() {
        RiskEngine engine = engineWith(TWENTY_PERCENT);
        RiskContext ctx = account("5000").peakEquity("10000").position("AAPL", "-50").build();

        assertThat(engine.check(buy("AAPL", "50"), ctx).approved()).isTrue();
        assertThat(engine.check(buy("AAPL", "51"), ctx).approved()).isFalse();
        assertThat(engine.check(buy("AAPL", "10"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("0.5");
    }
}
