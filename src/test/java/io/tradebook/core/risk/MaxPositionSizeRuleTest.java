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

class MaxPositionSizeRuleTest {
    private static final RiskRule UNITS = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "100");
    private static final RiskRule VALUE = RiskRule.onAccount("r-2", ACCOUNT, RuleType.MAX_POSITION_SIZE, RuleUnit.NOTIONAL, "10000");

    @Test
    void quantityUpToTheLimitPasses() {
        RiskEngine engine = engineWith(UNITS);
        RiskContext ctx = account("50000").position("AAPL", "40").build();

        assertThat(engine.check(buy("AAPL", "59.99999999"), ctx).approved()).isTrue();
        assertThat(engine.check(buy("AAPL", "60"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("100");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void quantityOverTheLimitIsDeniedWithTheNumbers() {
        RiskEngine engine = engineWith(UNITS);
        RiskContext ctx = account("50000").position("AAPL", "40").build();

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "110"), ctx));

        assertThat(denial.message()).isEqualTo("MAX_POSITION_SIZE: position in AAPL would be 150 units, limit 100 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("150");
        assertThat(denial.rule()).isEqualTo(UNITS);
        assertThat(denied(engine.check(buy("AAPL", "60.00000001"), ctx)).message()).contains("100.00000001", "limit 100");
    }

    @Test
    void aShortCountsByItsSize() {
        RiskEngine engine = engineWith(UNITS);
        RiskContext ctx = account("50000").position("AAPL", "-40").build();

        assertThat(engine.check(sell("AAPL", "60"), ctx).approved()).isTrue();
        assertThat(denied(engine.check(sell("AAPL", "61"), ctx)).message()).contains("would be 101 units", "limit 100");
    }

    @Test
    void notionalValuesThePositionAfterTheOrderAtTheReferencePrice() {
        RiskEngine engine = engineWith(VALUE);
        RiskContext ctx = account("50000").position("AAPL", "50").price("AAPL", "100").build();

        assertThat(engine.check(buy("AAPL", "50"), ctx).approved()).isTrue();
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "50.00000001"), ctx));
        assertThat(denial.observed()).isEqualByComparingTo("10000.000001");
        assertThat(denial.message()).isEqualTo("MAX_POSITION_SIZE: position in AAPL would be 100.00000001 units worth "
                + "10000.000001 USD at 100, limit 10000 (account rule r-2)");
    }

    @Test
    void notionalWithoutAReferencePriceFailsClosed() {
        RiskEngine engine = engineWith(VALUE);
        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("50000").build()));

        assertThat(denial.observed()).isNull();
        assertThat(denial.message()).startsWith("MAX_POSITION_SIZE: no reference price for AAPL");
        assertThat(stateOf(engine, "r-2").currentValue()).isNull();
        assertThat(stateOf(engine, "r-2").violated()).isTrue();
    }

    @Test
    void aReducingOrderPassesWhileThePositionIsStillOverTheLimit() {
        RiskEngine engine = engineWith(UNITS, VALUE);
        // No reference price either: the NOTIONAL rule cannot measure, and still lets the cut through.
        RiskContext ctx = account("50000").position("AAPL", "150").build();

        assertThat(engine.check(buy("AAPL", "1"), ctx).approved()).isFalse();
        assertThat(engine.check(sell("AAPL", "20"), ctx)).isEqualTo(RiskDecision.APPROVED);

        RuleState state = stateOf(engine, "r-1");
        assertThat(state.violated()).isTrue();
        assertThat(state.currentValue()).isEqualByComparingTo("130");
        assertThat(state.message()).isEqualTo("MAX_POSITION_SIZE: position in AAPL would be 130 units, limit 100 "
                + "(account rule r-1); allowed: the order only reduces the position");
        assertThat(stateOf(engine, "r-2").violated()).isTrue();

        assertThat(engine.check(sell("AAPL", "150"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderThatCrossesZeroIsNotReducing() {
        RiskEngine engine = engineWith(UNITS);
        RiskContext ctx = account("50000").position("AAPL", "150").build();

        assertThat(denied(engine.check(sell("AAPL", "251"), ctx)).message()).contains("would be 101 units");
        assertThat(engine.check(sell("AAPL", "250"), ctx).approved()).isTrue();
    }

    @Test
    void aSymbolRuleWatchesOnlyItsSymbol() {
        RiskRule aaplOnly = UNITS.forSymbol("AAPL");
        RiskEngine engine = engineWith(aaplOnly);
        RiskContext ctx = account("50000").build();

        assertThat(engine.check(buy("MSFT", "500"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1")).isEqualTo(RuleState.unchecked(aaplOnly));
        assertThat(engine.check(buy("AAPL", "500"), ctx).approved()).isFalse();
    }
}
