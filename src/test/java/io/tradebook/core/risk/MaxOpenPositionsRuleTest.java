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

class MaxOpenPositionsRuleTest {
    private static final RiskRule THREE = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_OPEN_POSITIONS, RuleUnit.COUNT, "3");

    @Test
    void opensANewSymbolWhileUnderTheLimit() {
        RiskEngine engine = engineWith(THREE);
        RiskContext ctx = account("50000").position("AAPL", "10").position("MSFT", "-5").position("TSLA", "0").build();

        assertThat(engine.check(buy("GOOG", "1"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("2");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void opensNoNewSymbolAtTheLimit() {
        RiskEngine engine = engineWith(THREE);
        RiskContext ctx = account("50000").position("AAPL", "10").position("MSFT", "-5").position("NVDA", "1").build();

        RiskDecision.Denied denial = denied(engine.check(buy("GOOG", "1"), ctx));

        assertThat(denial.message()).isEqualTo("MAX_OPEN_POSITIONS: opening GOOG with 3 positions already open, limit 3 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("3");
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
    }

    @Test
    void addingToOrFlippingAHeldSymbolOpensNothing() {
        RiskEngine engine = engineWith(THREE);
        RiskContext ctx = account("50000").position("AAPL", "10").position("MSFT", "-5").position("NVDA", "1").build();

        assertThat(engine.check(buy("AAPL", "100"), ctx).approved()).isTrue();
        assertThat(engine.check(buy("MSFT", "50"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void aReducingOrderPassesWhenTheScopeHoldsMoreThanTheLimit() {
        // Five positions held under an older, larger limit: opening is refused, cutting is not.
        RiskEngine engine = engineWith(THREE);
        RiskContext ctx = account("50000").position("AAPL", "10").position("MSFT", "-5").position("NVDA", "1")
                .position("AMD", "2").position("INTC", "3").build();

        assertThat(engine.check(buy("GOOG", "1"), ctx).approved()).isFalse();
        assertThat(engine.check(sell("AAPL", "10"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("5");
    }

    @Test
    void aLimitOfZeroRefusesEveryOpening() {
        RiskEngine engine = engineWith(RiskRule.onAccount("r-0", ACCOUNT, RuleType.MAX_OPEN_POSITIONS, RuleUnit.COUNT, "0"));

        assertThat(denied(engine.check(buy("AAPL", "1"), account("50000").build())).message())
                .contains("with 0 positions already open, limit 0");
    }
}
