package io.tradebook.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;

/** Orders, contexts and assertions shared by the risk tests. */
final class RiskFixtures {
    static final String ACCOUNT = "acct-1";
    static final String STRATEGY = "momentum";
    static final String OTHER_STRATEGY = "mean-reversion";

    private RiskFixtures() {
    }

    static OrderRequest buy(String symbol, String quantity) {
        return order(STRATEGY, symbol, Side.BUY, quantity);
    }

    static OrderRequest sell(String symbol, String quantity) {
        return order(STRATEGY, symbol, Side.SELL, quantity);
    }

    static OrderRequest order(String strategy, String symbol, Side side, String quantity) {
        return OrderRequest.market(ACCOUNT, strategy, symbol, side, Quantity.of(quantity));
    }

    /** A stop-market order carrying {@code stop}, as RISK_PER_TRADE reads it. */
    static OrderRequest withStop(String symbol, Side side, String quantity, String stop) {
        return new OrderRequest(ACCOUNT, STRATEGY, null, symbol, side, OrderType.STOP_LOSS, TimeInForce.DAY,
                Quantity.of(quantity), null, Price.of(stop, Currency.USD), null);
    }

    /** An account context in USD with the given equity; everything else at its default. */
    static RiskContext.Snapshot.Builder account(String equity) {
        return RiskContext.snapshot(ACCOUNT, Currency.USD).equity(equity);
    }

    static RiskEngine engineWith(RiskRule... rules) {
        return new RiskEngine(java.util.List.of(rules));
    }

    static RiskDecision.Denied denied(RiskDecision decision) {
        assertThat(decision).isInstanceOf(RiskDecision.Denied.class);
        return (RiskDecision.Denied) decision;
    }

    static RuleState stateOf(RiskEngine engine, String ruleId) {
        return engine.state(ruleId).orElseThrow();
    }
}
