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

class MinCapitalThresholdRuleTest {
    private static final RiskRule FIVE_THOUSAND = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "5000");

    @Test
    void equityAtTheThresholdPasses() {
        RiskEngine engine = engineWith(FIVE_THOUSAND);

        assertThat(engine.check(buy("AAPL", "1"), account("5000").build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("5000");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void equityJustBelowIsDenied() {
        RiskEngine engine = engineWith(FIVE_THOUSAND);

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("4999.99").build()));

        assertThat(denial.message()).isEqualTo("MIN_CAPITAL_THRESHOLD: equity is 4999.99 USD, limit 5000 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("4999.99");
    }

    @Test
    void aReducingOrderPassesBelowTheThreshold() {
        RiskEngine engine = engineWith(FIVE_THOUSAND);
        RiskContext ctx = account("-250").position("AAPL", "-3").build();

        assertThat(engine.check(sell("AAPL", "1"), ctx).approved()).isFalse();
        assertThat(engine.check(RiskFixtures.buy("AAPL", "3"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("-250");
    }
}
