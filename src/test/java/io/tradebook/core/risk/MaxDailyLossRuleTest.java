package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.account;
import static io.tradebook.core.risk.RiskFixtures.buy;
import static io.tradebook.core.risk.RiskFixtures.denied;
import static io.tradebook.core.risk.RiskFixtures.engineWith;
import static io.tradebook.core.risk.RiskFixtures.sell;
import static io.tradebook.core.risk.RiskFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaxDailyLossRuleTest {
    private static final RiskRule AMOUNT = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "1000");
    private static final RiskRule SHARE = RiskRule.onAccount("r-2", ACCOUNT, RuleType.MAX_DAILY_LOSS, RuleUnit.FRACTION, "0.05");

    @Test
    void aLossJustUnderTheAmountPasses() {
        RiskEngine engine = engineWith(AMOUNT);

        assertThat(engine.check(buy("AAPL", "1"), account("9000.01").dayStartEquity("10000").build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("999.99");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void aLossReachingTheAmountIsDenied() {
        RiskEngine engine = engineWith(AMOUNT);

        assertThat(engine.check(buy("AAPL", "1"), account("9000").dayStartEquity("10000").build()).approved()).isFalse();
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("8999.99").dayStartEquity("10000").build()));
        assertThat(denial.message()).isEqualTo("MAX_DAILY_LOSS: loss today is 1000.01 USD (equity 8999.99 against 10000 at day "
                + "start), limit 1000 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("1000.01");
    }

    @Test
    void aWinningDayIsANegativeLoss() {
        RiskEngine engine = engineWith(AMOUNT);

        assertThat(engine.check(buy("AAPL", "1"), account("10500").dayStartEquity("10000").build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("-500");
    }

    @Test
    void aFractionOfDayStartEquity() {
        RiskEngine engine = engineWith(SHARE);

        assertThat(engine.check(buy("AAPL", "1"), account("19000.01").dayStartEquity("20000").build()).approved()).isTrue();
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("19000").dayStartEquity("20000").build()));
        assertThat(denial.observed()).isEqualByComparingTo("0.05");
        assertThat(denial.message()).isEqualTo("MAX_DAILY_LOSS: loss today is 1000 USD, 0.05 of day-start equity 20000, "
                + "limit 0.05 (1000 USD) (account rule r-2)");
    }

    @Test
    void fractionsAreComparedExactly() {
        // 0.1 × 3 is 0.30000000000000004 in double, which would let a loss of exactly 0.3 through.
        RiskEngine engine = engineWith(RiskRule.onAccount("r-3", ACCOUNT, RuleType.MAX_DAILY_LOSS, RuleUnit.FRACTION, "0.1"));

        assertThat(engine.check(buy("X", "1"), account("2.7").dayStartEquity("3").build()).approved()).isFalse();
        assertThat(engine.check(buy("X", "1"), account("2.70000001").dayStartEquity("3").build()).approved()).isTrue();
        // The state shows the fraction rounded down, so it stays below the limit like the exact figure.
        assertThat(stateOf(engine, "r-3").currentValue()).isEqualByComparingTo("0.09999999666666666666");
    }

    @Test
    void aFractionOfNoDayStartEquityFailsClosed() {
        RiskEngine engine = engineWith(SHARE);

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("100").dayStartEquity("0").build()));
        assertThat(denial.message()).contains("day-start equity is 0 USD");
        assertThat(denial.observed()).isNull();
    }

    @Test
    void aReducingOrderPassesAfterTheLimitIsHit() {
        RiskEngine engine = engineWith(AMOUNT, SHARE);
        RiskContext ctx = account("8000").dayStartEquity("10000").position("AAPL", "100").build();

        assertThat(engine.check(buy("AAPL", "1"), ctx).approved()).isFalse();
        assertThat(engine.check(sell("AAPL", "100"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("2000");
        assertThat(stateOf(engine, "r-2").currentValue()).isEqualByComparingTo("0.2");
    }
}
