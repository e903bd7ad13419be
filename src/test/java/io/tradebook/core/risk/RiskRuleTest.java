package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskRuleTest {

    private static RiskRule rule(RuleType type, RuleUnit unit, String limit) {
        return RiskRule.onAccount("r-1", ACCOUNT, type, unit, limit);
    }

    @Test
    void eachTypeTakesExactlyItsUnits() {
        Map<RuleType, Set<RuleUnit>> expected = Map.of(
                RuleType.MAX_POSITION_SIZE, EnumSet.of(RuleUnit.QUANTITY, RuleUnit.NOTIONAL),
                RuleType.MAX_OPEN_POSITIONS, EnumSet.of(RuleUnit.COUNT),
                RuleType.MAX_DAILY_LOSS, EnumSet.of(RuleUnit.AMOUNT, RuleUnit.FRACTION),
                RuleType.MAX_DRAWDOWN, EnumSet.of(RuleUnit.FRACTION),
                RuleType.MAX_ORDERS_PER_DAY, EnumSet.of(RuleUnit.COUNT),
                RuleType.MIN_CAPITAL_THRESHOLD, EnumSet.of(RuleUnit.AMOUNT),
                RuleType.RISK_PER_TRADE, EnumSet.of(RuleUnit.FRACTION));
        assertThat(expected).hasSize(RuleType.values().length);
        for (RuleType type : RuleType.values()) {
            for (RuleUnit unit : RuleUnit.values()) {
                if (expected.get(type).contains(unit)) {
                    assertThat(rule(type, unit, "1").unit()).isEqualTo(unit);
                } else {
                    assertThatThrownBy(() -> rule(type, unit, "1"))
                            .as("%s in %s", type, unit)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(type + " takes a limit in")
                            .hasMessageContaining("not " + unit);
                }
            }
        }
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> rule(RuleType.MAX_POSITION_SIZE, RuleUnit.COUNT, "5"))
                .hasMessage("MAX_POSITION_SIZE takes a limit in QUANTITY or NOTIONAL, not COUNT (rule r-1)");
        assertThatThrownBy(() -> rule(RuleType.MAX_DRAWDOWN, RuleUnit.AMOUNT, "500"))
                .hasMessage("MAX_DRAWDOWN takes a limit in FRACTION, not AMOUNT (rule r-1)");
    }

    @Test
    void fractionsLieBetweenZeroAndOne() {
        assertThat(rule(RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "1").limit()).isEqualByComparingTo("1");
        assertThat(rule(RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "0").limit()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> rule(RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "1.00000001"))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> rule(RuleType.RISK_PER_TRADE, RuleUnit.FRACTION, "2")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> rule(RuleType.MAX_DAILY_LOSS, RuleUnit.FRACTION, "1.5")).hasMessageContaining("between 0 and 1");
    }

    @Test
    void countsAreWhole() {
        assertThat(rule(RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "10.000").limit()).isEqualByComparingTo("10");
        assertThat(rule(RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "100").limit()).isEqualByComparingTo("100");
        assertThatThrownBy(() -> rule(RuleType.MAX_OPEN_POSITIONS, RuleUnit.COUNT, "2.5")).hasMessageContaining("whole number");
    }

    @Test
    void limitsAreNeverNegativeAndFitTheColumn() {
        assertThatThrownBy(() -> rule(RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> rule(RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "0.000000000000000000001"))
                .hasMessageContaining("more than 20 decimals");
        assertThat(rule(RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "0.00000000000000000001").limit())
                .isEqualByComparingTo(new BigDecimal("1E-20"));
    }

    @Test
    void onlyPositionSizeTakesASymbol() {
        assertThat(rule(RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "10").forSymbol("AAPL").symbol()).isEqualTo("AAPL");
        assertThatThrownBy(() -> rule(RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "10").forSymbol("AAPL"))
                .hasMessageContaining("MAX_DAILY_LOSS does not take a symbol");
    }

    @Test
    void idsAccountsAndNamesAreRequiredOrNonBlank() {
        assertThatThrownBy(() -> new RiskRule(null, ACCOUNT, null, RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, BigDecimal.ONE, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RiskRule.onStrategy("r-1", ACCOUNT, " ", RuleType.MAX_DRAWDOWN, RuleUnit.FRACTION, "0.1"))
                .hasMessageContaining("strategy must not be blank");
        assertThatThrownBy(() -> new RiskRule("r-1", ACCOUNT, null, RuleType.MAX_DRAWDOWN, null, BigDecimal.ONE, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("rule unit");
    }

    @Test
    void scopeDecidesWhichOrdersARuleSees() {
        RiskRule account = rule(RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");
        RiskRule strategy = RiskRule.onStrategy("r-2", ACCOUNT, "momentum", RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");

        assertThat(account.appliesTo(ACCOUNT, "anything", "AAPL")).isTrue();
        assertThat(account.appliesTo("acct-2", "anything", "AAPL")).isFalse();
        assertThat(strategy.appliesTo(ACCOUNT, "momentum", "AAPL")).isTrue();
        assertThat(strategy.appliesTo(ACCOUNT, "other", "AAPL")).isFalse();
        assertThat(strategy.scopeLabel()).isEqualTo("strategy momentum rule r-2");
        assertThat(account.scopeLabel()).isEqualTo("account rule r-1");
    }
}
