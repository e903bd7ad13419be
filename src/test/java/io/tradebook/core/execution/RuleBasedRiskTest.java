package io.tradebook.core.execution;

import static io.tradebook.core.execution.EngineFixture.price;
import static io.tradebook.core.execution.EngineFixture.qty;
import static io.tradebook.core.execution.EngineFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.risk.RiskEngine;
import io.tradebook.core.risk.RiskRule;
import io.tradebook.core.risk.RuleType;
import io.tradebook.core.risk.RuleUnit;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Risk rules evaluated against the live books through the whole order path. */
class RuleBasedRiskTest {
    private final EngineFixture f = new EngineFixture();
    private final RiskEngine rules = new RiskEngine();

    @BeforeEach
    void wire() {
        f.risk = new RuleBasedRisk(rules, f.books, s -> java.util.Optional.ofNullable(f.prices.get(s)), f.directory,
                Clock.fixed(EngineFixture.T0, ZoneOffset.UTC));
    }

    private Order buy(String strategy, String q) {
        return f.engine.submit(OrderRequest.market("cash", strategy, "AAPL", Side.BUY, Quantity.of(q)));
    }

    private Order filledBuy(String strategy, String q) {
        Order o = buy(strategy, q);
        f.broker.fill(o.id(), qty(q), price("100"), usd("0"));
        return o;
    }

    @Test
    void aPositionLimitRefusesTheOrderThatWouldCrossItButNotAReduction() {
        rules.add(RiskRule.onAccount("r-size", "cash", RuleType.MAX_POSITION_SIZE, RuleUnit.QUANTITY, "50"));
        filledBuy("alpha", "40");
        Order over = buy("beta", "11"); // the account would hold 51
        assertThat(over.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(over.message()).contains("MAX_POSITION_SIZE").contains("51").contains("50");
        assertThat(f.events.notifications()).anyMatch(n -> n.type() == NotificationType.RISK_ALERT);
        assertThat(buy("beta", "10").status()).isEqualTo(OrderStatus.PLACED);
        Order reduce = f.engine.submit(OrderRequest.market("cash", "alpha", "AAPL", Side.SELL, Quantity.of("5")));
        assertThat(reduce.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aStrategyNarrowedRuleBindsOnlyThatStrategy() {
        rules.add(RiskRule.onStrategy("r-alpha", "cash", "alpha", RuleType.MAX_POSITION_SIZE, RuleUnit.NOTIONAL, "2000"));
        assertThat(buy("alpha", "21").rejectReason()).isEqualTo(RejectReason.RISK_RULE); // 2100 of notional
        assertThat(buy("beta", "21").status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void ordersPerDayAreCountedAndTheNextOneIsRefused() {
        rules.add(RiskRule.onAccount("r-orders", "cash", RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "2"));
        assertThat(buy("alpha", "1").status()).isEqualTo(OrderStatus.PLACED);
        assertThat(buy("beta", "1").status()).isEqualTo(OrderStatus.PLACED);
        Order third = buy("alpha", "1");
        assertThat(third.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(rules.state("r-orders").orElseThrow().violated()).isTrue();
    }

    @Test
    void ordersPerDayCountWhatTheStoreHoldsAsPlacedTodayWhenItCanTell() {
        // the store counts orders placed by every process since the UTC day began; here another process placed 4 of alpha's
        java.util.List<java.time.Instant> asked = new java.util.ArrayList<>();
        f.risk = new RuleBasedRisk(rules, f.books, s -> java.util.Optional.ofNullable(f.prices.get(s)), f.directory,
                Clock.fixed(EngineFixture.T0, ZoneOffset.UTC), (account, strategy, since) -> {
                    asked.add(since);
                    return java.util.OptionalInt.of(strategy == null ? 5 : strategy.equals("alpha") ? 4 : 1);
                });
        rules.add(RiskRule.onStrategy("r-alpha", "cash", "alpha", RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5"));
        assertThat(buy("alpha", "1").status()).isEqualTo(OrderStatus.PLACED); // 4 placed today: a fifth may go
        rules.add(RiskRule.onAccount("r-account", "cash", RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5"));
        Order refused = buy("beta", "1");
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(refused.message()).contains("5 orders submitted today, limit 5");
        assertThat(asked).allMatch(t -> t.equals(EngineFixture.T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS)));
    }

    @Test
    void aDailyLossLimitStopsNewRiskOnceEquityFellFarEnough() {
        rules.add(RiskRule.onAccount("r-loss", "cash", RuleType.MAX_DAILY_LOSS, RuleUnit.AMOUNT, "300"));
        filledBuy("alpha", "50"); // equity 10000 at the day's first check
        f.prices.put("AAPL", price("94")); // 50 x -6 = -300
        Order more = buy("beta", "1");
        assertThat(more.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(more.message()).contains("MAX_DAILY_LOSS");
        Order cut = f.engine.submit(OrderRequest.market("cash", "alpha", "AAPL", Side.SELL, Quantity.of("50")));
        assertThat(cut.status()).isEqualTo(OrderStatus.PLACED); // reducing always passes
    }

    @Test
    void belowTheCapitalThresholdNothingNewGoesOut() {
        rules.add(RiskRule.onAccount("r-min", "cash", RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "10001"));
        Order o = buy("alpha", "1");
        assertThat(o.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(o.message()).contains("MIN_CAPITAL_THRESHOLD").contains("10000").contains("10001");
    }
}
