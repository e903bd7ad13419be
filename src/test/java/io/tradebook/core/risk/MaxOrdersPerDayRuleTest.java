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

class MaxOrdersPerDayRuleTest {
    private static final RiskRule TEN = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "10");

    @Test
    void theTenthOrderOfTheDayPasses() {
        RiskEngine engine = engineWith(TEN);

        assertThat(engine.check(buy("AAPL", "1"), account("50000").ordersToday(9).build()).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("9");
        assertThat(stateOf(engine, "r-1").violated()).isFalse();
    }

    @Test
    void theEleventhIsDenied() {
        RiskEngine engine = engineWith(TEN);

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"), account("50000").ordersToday(10).build()));

        assertThat(denial.message()).isEqualTo("MAX_ORDERS_PER_DAY: 10 orders submitted today, limit 10 (account rule r-1)");
        assertThat(denial.observed()).isEqualByComparingTo("10");
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
    }

    @Test
    void aReducingOrderPassesPastTheLimit() {
        RiskEngine engine = engineWith(TEN);
        RiskContext ctx = account("50000").ordersToday(40).position("AAPL", "5").build();

        assertThat(engine.check(sell("AAPL", "5"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();
        assertThat(stateOf(engine, "r-1").currentValue()).isEqualByComparingTo("40");
    }
}
