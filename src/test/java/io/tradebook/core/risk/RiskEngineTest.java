package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.OTHER_STRATEGY;
import static io.tradebook.core.risk.RiskFixtures.STRATEGY;
import static io.tradebook.core.risk.RiskFixtures.account;
import static io.tradebook.core.risk.RiskFixtures.buy;
import static io.tradebook.core.risk.RiskFixtures.denied;
import static io.tradebook.core.risk.RiskFixtures.engineWith;
import static io.tradebook.core.risk.RiskFixtures.order;
import static io.tradebook.core.risk.RiskFixtures.sell;
import static io.tradebook.core.risk.RiskFixtures.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Side;
import io.tradebook.core.events.AlertLevel;
import io.tradebook.core.events.Notification;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.RejectReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
    private static final RiskRule ACCOUNT_SIZE = RiskRule.onAccount("r-acct", ACCOUNT, RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "100");
    private static final RiskRule STRATEGY_SIZE = RiskRule.onStrategy("r-mom", ACCOUNT, STRATEGY, RuleType.MAX_POSITION_SIZE,
            RuleUnit.QUANTITY, "50");

    /** Account long 80 AAPL: momentum 30, mean-reversion 50. */
    private static RiskContext split() {
        return account("50000").position("AAPL", "80")
                .strategy(STRATEGY, s -> s.equity("20000").position("AAPL", "30"))
                .strategy(OTHER_STRATEGY, s -> s.equity("30000").position("AAPL", "50"))
                .build();
    }

    @Test
    void aStrategyRuleReadsTheStrategysFiguresAndOnlySeesItsOrders() {
        RiskEngine engine = engineWith(STRATEGY_SIZE, ACCOUNT_SIZE);

        assertThat(engine.check(buy("AAPL", "20"), split()).approved()).isTrue();
        assertThat(stateOf(engine, "r-mom").currentValue()).isEqualByComparingTo("50");
        assertThat(stateOf(engine, "r-acct").currentValue()).isEqualByComparingTo("100");

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "21"), split()));
        assertThat(denial.message()).isEqualTo("MAX_POSITION_SIZE: position in AAPL would be 51 units, limit 50 (strategy momentum rule r-mom)");
        assertThat(stateOf(engine, "r-acct").violated()).isTrue();

        // The other strategy's orders are not the momentum rule's business; its state stays as it was.
        RuleState before = stateOf(engine, "r-mom");
        assertThat(engine.check(order(OTHER_STRATEGY, "AAPL", Side.BUY, "20"), split()).approved()).isTrue();
        assertThat(denied(engine.check(order(OTHER_STRATEGY, "AAPL", Side.BUY, "21"), split())).rule()).isEqualTo(ACCOUNT_SIZE);
        assertThat(stateOf(engine, "r-mom")).isEqualTo(before);
    }

    @Test
    void reducingIsJudgedPerScope() {
        RiskRule accountFloor = RiskRule.onAccount("r-acct", ACCOUNT, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "100000");
        RiskRule strategyFloor = RiskRule.onStrategy("r-mom", ACCOUNT, STRATEGY, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "1000");
        RiskEngine engine = engineWith(accountFloor, strategyFloor);
        // The account is long 80 through mean-reversion; momentum holds nothing and has 500 of equity.
        RiskContext ctx = account("50000").position("AAPL", "80")
                .strategy(STRATEGY, s -> s.equity("500"))
                .build();

        // Momentum selling 10 reduces the account's position but opens a short for momentum.
        RiskDecision.Denied denial = denied(engine.check(sell("AAPL", "10"), ctx));

        assertThat(denial.rule()).isEqualTo(strategyFloor);
        assertThat(stateOf(engine, "r-acct").violated()).isTrue();
        assertThat(stateOf(engine, "r-acct").message()).endsWith("allowed: the order only reduces the position");
    }

    @Test
    void closingAStrategysLongIsNotReducingWhenItGrowsTheAccountsShort() {
        RiskRule accountSize = RiskRule.onAccount("r-acct", ACCOUNT, RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "40");
        RiskEngine engine = engineWith(accountSize);
        RiskContext ctx = account("50000").position("AAPL", "-20")
                .strategy(STRATEGY, s -> s.equity("20000").position("AAPL", "30"))
                .build();

        assertThat(denied(engine.check(sell("AAPL", "30"), ctx)).message()).contains("would be 50 units, limit 40");
    }

    @Test
    void everyApplicableRuleIsEvaluatedAndTheFirstDenialIsReported() {
        RiskRule capital = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "1000");
        RiskRule orders = RiskRule.onAccount("r-2", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");
        RiskRule loss = RiskRule.onAccount("r-3", ACCOUNT, RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "100");
        RiskRule elsewhere = RiskRule.onAccount("r-4", "acct-2", RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "0");
        RiskEngine engine = engineWith(capital, orders, loss, elsewhere);

        RiskDecision.Denied denial = denied(engine.check(buy("AAPL", "1"),
                account("9000").dayStartEquity("10000").ordersToday(7).build()));

        assertThat(denial.rule()).isEqualTo(orders);
        assertThat(denial.reason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(engine.states()).extracting(RuleState::ruleId).containsExactly("r-1", "r-2", "r-3", "r-4");
        assertThat(engine.states()).extracting(RuleState::violated).containsExactly(false, true, true, false);
        assertThat(engine.states()).extracting(RuleState::currentValue)
                .usingElementComparator((a, b) -> a == null || b == null ? (a == b ? 0 : 1) : a.compareTo(b))
                .containsExactly(new BigDecimal("9000"), new BigDecimal("7"), new BigDecimal("1000"), null);
        assertThat(stateOf(engine, "r-3").message()).startsWith("MAX_DAILY_LOSS: loss today is 1000 USD");
        assertThat(stateOf(engine, "r-4")).isEqualTo(RuleState.unchecked(elsewhere));
    }

    @Test
    void statesFollowAddReplaceAndRemove() {
        RiskRule orders = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");
        RiskRule capital = RiskRule.onAccount("r-2", ACCOUNT, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "1000");
        RiskEngine engine = engineWith(orders, capital);
        assertThat(engine.states()).allSatisfy(s -> assertThat(s.currentValue()).isNull());

        RiskContext ctx = account("50000").ordersToday(6).build();
        assertThat(engine.check(buy("AAPL", "1"), ctx).approved()).isFalse();
        assertThat(stateOf(engine, "r-1").violated()).isTrue();

        RiskRule raised = orders.withLimit(new BigDecimal("10"));
        engine.replace(raised);
        assertThat(engine.rules()).containsExactly(raised, capital);
        assertThat(stateOf(engine, "r-1")).isEqualTo(RuleState.unchecked(raised));
        assertThat(engine.check(buy("AAPL", "1"), ctx).approved()).isTrue();
        assertThat(stateOf(engine, "r-1").violated()).isFalse();

        assertThat(engine.remove("r-1")).isTrue();
        assertThat(engine.remove("r-1")).isFalse();
        assertThat(engine.state("r-1")).isEmpty();
        assertThat(engine.states()).extracting(RuleState::ruleId).containsExactly("r-2");
    }

    @Test
    void refusesDuplicateIdsUnknownReplacementsAndAnotherAccountsContext() {
        RiskEngine engine = engineWith(ACCOUNT_SIZE);

        assertThatThrownBy(() -> engine.add(ACCOUNT_SIZE)).hasMessageContaining("already held");
        assertThatThrownBy(() -> engine.replace(STRATEGY_SIZE)).hasMessageContaining("no risk rule with id r-mom");
        RiskContext other = RiskContext.snapshot("acct-2", Currency.USD).equity("1").build();
        assertThatThrownBy(() -> engine.check(buy("AAPL", "1"), other)).hasMessageContaining("given for an order of account acct-1");
        assertThatThrownBy(() -> engine.check(buy("AAPL", "1"), split().forStrategy(STRATEGY)))
                .hasMessageContaining("strategy momentum");
    }

    @Test
    void aStrategyRuleNeedsTheStrategysFigures() {
        RiskEngine engine = engineWith(STRATEGY_SIZE);

        assertThatThrownBy(() -> engine.check(buy("AAPL", "1"), account("100").build()))
                .hasMessageContaining("no risk figures for strategy momentum");
        // An account-wide engine never asks for them.
        assertThat(engineWith(ACCOUNT_SIZE).check(buy("AAPL", "1"), account("100").build()).approved()).isTrue();
    }

    @Test
    void aDenialBecomesARiskAlert() {
        RiskEngine engine = engineWith(STRATEGY_SIZE);
        Instant now = Instant.parse("2025-01-02T15:00:00Z");

        Notification alert = denied(engine.check(buy("AAPL", "100"), split())).alert(now);

        assertThat(alert.type()).isEqualTo(NotificationType.RISK_ALERT);
        assertThat(alert.level()).isEqualTo(AlertLevel.WARNING);
        assertThat(alert.account()).isEqualTo(ACCOUNT);
        assertThat(alert.time()).isEqualTo(now);
        assertThat(alert.message()).contains("would be 130 units, limit 50");
        assertThat(alert.data()).containsEntry("rule_id", "r-mom").containsEntry("rule_type", "MAX_POSITION_SIZE")
                .containsEntry("limit", "50").containsEntry("observed", "130").containsEntry("strategy", STRATEGY);
    }

    @Test
    void snapshotsDeriveOpenPositionsAndShareThePrices() {
        RiskContext ctx = account("100").position("AAPL", "1").position("MSFT", "0").position("TSLA", "-2").price("AAPL", "10")
                .strategy(STRATEGY, s -> s.equity("40").position("AAPL", "1"))
                .build();

        assertThat(ctx.openPositions()).isEqualTo(2);
        assertThat(ctx.dayStartEquity()).isEqualTo(ctx.equity());
        assertThat(ctx.forStrategy(STRATEGY).openPositions()).isEqualTo(1);
        assertThat(ctx.forStrategy(STRATEGY).referencePrice("AAPL")).isEqualTo(ctx.referencePrice("AAPL"));
        assertThat(ctx.forStrategy(STRATEGY).strategy()).isEqualTo(STRATEGY);
        assertThatThrownBy(() -> RiskContext.snapshot(ACCOUNT, Currency.USD).build()).hasMessageContaining("equity is required");
        assertThatThrownBy(() -> new RiskContext.Snapshot(ACCOUNT, null, Map.of(), Map.of(), Money.of("1", Currency.USD),
                Money.of("1", Currency.of("EUR")), Money.of("1", Currency.USD), 0, Map.of()))
                .hasMessageContaining("mix EUR");
    }
}
