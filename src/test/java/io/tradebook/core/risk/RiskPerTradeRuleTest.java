package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.account;
import static io.tradebook.core.risk.RiskFixtures.buy;
import static io.tradebook.core.risk.RiskFixtures.denied;
import static io.tradebook.core.risk.RiskFixtures.engineWith;
import static io.tradebook.core.risk.RiskFixtures.sell;
import static io.tradebook.core.risk.RiskFixtures.stateOf;
import static io.tradebook.core.risk.RiskFixtures.withStop;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import org.junit.jupiter.api.Test;

class RiskPerTradeRuleTest {
    private static final RiskRule TWO_PERCENT = RiskRule.onAccount("r-1", ACCOUNT, RuleType.RISK_PER_TRADE, RuleUnit.FRACTION, "0.02");

    @Test
    void withAStopTheRiskIsTheDistanceToTheStop() {
        RiskEngine engine = engineWith(TWO_PERCENT);
        RiskContext ctx = account("50000").price("AAPL", "150").build();

        assertThat(engine.check(withStop("AAPL", Side.BUY, "100", "140"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("0.02");

        RiskDecision.Denied denial = denied(engine.check(withStop("AAPL", Side.BUY, "101", "140"), ctx));
        assertThat(denial.message()).isEqualTo("RISK_PER_TRADE: 1010 USD at risk (101 units × |150 − 140|), 1000 allowed, "
                + "limit 0.02 of equity 50000 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("0.0202");
    }

    @Test
    void aStopAboveTheReferenceCountsByItsDistanceToo() {
        RiskEngine engine = engineWith(TWO_PERCENT);
        RiskContext ctx = account("50000").price("AAPL", "150").build();

        assertThat(engine.check(withStop("AAPL", Side.SELL, "100", "160"), ctx).approved()).isTrue();
        assertThat(engine.check(withStop("AAPL", Side.SELL, "100", "160.00000001"), ctx).approved()).isFalse();
    }

    @Test
    void withoutAStopTheWholeNotionalIsAtRisk() {
        RiskEngine engine = engineWith(TWO_PERCENT);
        RiskContext ctx = account("50000").price("AAPL", "150").build();

        assertThat(engine.check(buy("AAPL", "6.66666666"), ctx).approved()).isTrue();
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "6.66666667"), ctx));
        assertThat(denial.message()).contains("1000.0000005 USD at risk (6.66666667 units × 150, no stop)", "1000 allowed");
    }

    @Test
    void fractionsAreComparedExactlyAndShownRoundedUp() {
        // 0.3 × 3 is 0.8999999999999999 in double, which would refuse a risk of exactly 0.9.
        RiskEngine engine = engineWith(RiskRule.onAccount("r-2", ACCOUNT, RuleType.RISK_PER_TRADE, RuleUnit.FRACTION, "0.3"));
        RiskContext ctx = account("3").price("X", "0.1").build();

        assertThat(engine.check(buy("X", "9"), ctx).approved()).isTrue();
        assertThat(engine.check(buy("X", "9.00000001"), ctx).approved()).isFalse();
        // 0.900000001 / 3 = 0.300000000333…; shown rounded up, it stays above the limit like the exact one.
        assertThat(stateOf(engine, "r-2").currentValue()).isEqualByComparingTo("0.30000000033333333334");
    }

    @Test
    void withoutAReferencePriceItFailsClosed() {
        RiskEngine engine = engineWith(TWO_PERCENT);

        RiskDecision.Denied denial = denied(engine.check(withStop("AAPL", Side.BUY, "1", "140"), account("50000").build()));
        assertThat(denial.message()).startsWith("RISK_PER_TRADE: no reference price for AAPL");
        assertThat(denial.observed()).isNull();
    }

    @Test
    void aReducingOrderPassesWhateverItsNotional() {
        RiskEngine engine = engineWith(TWO_PERCENT);
        RiskContext ctx = account("50000").price("AAPL", "150").position("AAPL", "1000").build();

        assertThat(engine.check(sell("AAPL", "1000"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("3");
        assertThat(engine.check(sell("AAPL", "1001"), ctx).approved()).isFalse();
    }
}
