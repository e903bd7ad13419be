package io.tradebook.core.execution;

import static io.tradebook.core.execution.EngineFixture.price;
import static io.tradebook.core.execution.EngineFixture.qty;
import static io.tradebook.core.execution.EngineFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Side;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order path against a fake broker: placement, fills, idempotency, rejections, retries, cancel and replace. */
class ExecutionEngineTest {
    private final EngineFixture f = new EngineFixture(EngineFixture.threeTries());

    private static OrderRequest buy(String account, String strategy, String symbol, String q) {
        return OrderRequest.market(account, strategy, symbol, Side.BUY, Quantity.of(q));
    }

    private static OrderRequest limitBuy(String strategy, String q, String limit) {
        return OrderRequest.limit("cash", strategy, "AAPL", Side.BUY, Quantity.of(q), Price.of(limit, EngineFixture.USD), TimeInForce.GTC);
    }

    @Test
    void aMarketOrderIsPlacedThenFilledAndTheBooksShowIt() {
        Order placed = f.engine.submit(buy("cash", "alpha", "AAPL", "10"));
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.brokerOrderId()).isEqualTo("B1");
        assertThat(placed.reserved()).isEqualTo(usd("1050")); // 10 x 100 x 1.05
        f.broker.fill(placed.id(), qty("4"), price("100.5"), usd("1"));
        f.broker.fill(placed.id(), qty("6"), price("101"), usd("1"));
        Order filled = f.engine.find(placed.id()).orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.averageFillPrice()).isEqualTo(price("100.8")); // (402 + 606) / 10
        assertThat(filled.reserved().isZero()).isTrue();
        assertThat(f.books.position("cash", "alpha", "AAPL")).isEqualTo(qty("10"));
        assertThat(f.books.snapshot("cash").cash()).isEqualTo(usd("8990")); // 10000 - 1008 - 2
        assertThat(f.store.events(placed.id())).extracting(OrderEvent::to).containsExactly(
                OrderStatus.PENDING, OrderStatus.PLACED, OrderStatus.PLACED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(f.events.notifications()).extracting(n -> n.type()).containsExactly(NotificationType.ORDER_FILLED);
        assertThat(f.books.verify("cash")).isEmpty();
    }

    @Test
    void theSameClientOrderIdReturnsTheFirstOrderAndPlacesNothingMore() {
        Order first = f.engine.submit(limitBuy("alpha", "5", "99").withClientOrderId("my-1"));
        Order again = f.engine.submit(limitBuy("alpha", "7", "98").withClientOrderId("my-1"));
        assertThat(again).isEqualTo(first);
        assertThat(f.broker.submitted()).hasSize(1);
        Order other = f.engine.submit(buy("margin", "alpha", "AAPL", "1").withClientOrderId("my-1"));
        assertThat(other.id()).isNotEqualTo(first.id()); // client ids are per account
    }

    @Test
    void aFillReportedTwiceIsAppliedOnce() {
        Order placed = f.engine.submit(buy("cash", "alpha", "AAPL", "10"));
        var fill = f.broker.fill(placed.id(), qty("4"), price("100"), usd("0"));
        f.broker.repeat(fill);
        assertThat(f.engine.find(placed.id()).orElseThrow().filledQuantity()).isEqualTo(qty("4"));
        assertThat(f.books.position("cash", "alpha", "AAPL")).isEqualTo(qty("4"));
        assertThat(f.books.verify("cash")).isEmpty();
    }

    @Test
    void badOrdersAreRejectedWithAReasonStoredWholeAndNeverSent() {
        record Case(OrderRequest request, RejectReason reason, String message) {
        }
        List<Case> cases = List.of(
                new Case(buy("cash", "alpha", "NOPE", "1"), RejectReason.UNKNOWN_INSTRUMENT, "unknown instrument NOPE"),
                new Case(buy("cash", "alpha", "AAPL", "1.5"), RejectReason.INVALID_QUANTITY, "not a multiple of the lot size 1"),
                new Case(limitBuy("alpha", "1", "99.999"), RejectReason.INVALID_PRICE, "not a multiple of the tick size 0.01"),
                new Case(new OrderRequest("cash", "alpha", null, "AAPL", Side.BUY, OrderType.LIMIT, TimeInForce.DAY, qty("1"), null,
                        null, null), RejectReason.INVALID_PRICE, "LIMIT order needs a limit price"),
                new Case(buy("cash", "paused", "AAPL", "1"), RejectReason.STRATEGY_NOT_ACTIVE, "is PAUSED"),
                new Case(buy("cash", "alpha", "AAPL", "200"), RejectReason.INSUFFICIENT_BUYING_POWER,
                        "order needs 21000 USD (200 x 105 + fee 0) but the shared pool has 8000 available"),
                new Case(OrderRequest.market("cash", "alpha", "AAPL", Side.SELL, qty("1")), RejectReason.SHORT_SELLING_NOT_ALLOWED,
                        "a CASH account cannot short"));
        for (Case c : cases) {
            Order o = f.engine.submit(c.request());
            assertThat(o.status()).as(c.message()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.rejectReason()).as(c.message()).isEqualTo(c.reason());
            assertThat(o.message()).contains(c.message());
            assertThat(f.store.find(o.id())).contains(o);
            assertThat(f.store.events(o.id())).extracting(OrderEvent::to).containsExactly(OrderStatus.REJECTED);
        }
        assertThat(f.broker.submitted()).isEmpty();
        assertThat(f.events.notifications()).allMatch(n -> n.type() == NotificationType.ORDER_REJECTED).hasSize(cases.size());
    }

    @Test
    void aMarketOrderWithoutAnyPriceIsRejected() {
        f.prices.remove("MSFT");
        Order o = f.engine.submit(buy("cash", "alpha", "MSFT", "1"));
        assertThat(o.rejectReason()).isEqualTo(RejectReason.NO_MARKET_PRICE);
    }

    @Test
    void anUnknownAccountOrStrategyIsRefusedOutrightAndNothingIsStored() {
        assertThatThrownBy(() -> f.engine.submit(buy("ghost", "alpha", "AAPL", "1"))).hasMessageContaining("no account ghost");
        assertThatThrownBy(() -> f.engine.submit(buy("cash", "nobody", "AAPL", "1")))
                .hasMessageContaining("strategy nobody is not activated on account cash");
        assertThat(f.store.openOrders("cash")).isEmpty();
        assertThat(f.broker.submitted()).isEmpty();
    }

    @Test
    void openBuysHoldCashBackFromThePoolAndCancelReleasesIt() {
        Order first = f.engine.submit(limitBuy("alpha", "50", "100")); // holds 5000 of the 8000 pool
        assertThat(first.reserved()).isEqualTo(usd("5000"));
        Order second = f.engine.submit(limitBuy("beta", "40", "100")); // 4000 > 3000 left
        assertThat(second.rejectReason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
        assertThat(second.message()).contains("has 3000 available (5000 held for open orders)");
        f.engine.cancel(first.id());
        f.broker.confirmCancel(first.id(), "user");
        assertThat(f.engine.find(first.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.engine.submit(limitBuy("beta", "40", "100")).status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void aBudgetedStrategySpendsOnlyItsBudgetAndLeavesThePoolAlone() {
        Order tooBig = f.engine.submit(limitBuy("budgeted", "21", "100"));
        assertThat(tooBig.message()).contains("the budget of budgeted has 2000 available");
        Order fits = f.engine.submit(limitBuy("budgeted", "20", "100"));
        assertThat(fits.status()).isEqualTo(OrderStatus.PLACED);
        Order pooled = f.engine.submit(limitBuy("alpha", "80", "100"));
        assertThat(pooled.status()).isEqualTo(OrderStatus.PLACED); // the pool's 8000 is untouched by the budget's order
    }

    @Test
    void aCashAccountSellsOnlyWhatTheStrategyHoldsCountingOpenSells() {
        Order b = f.engine.submit(buy("cash", "alpha", "AAPL", "10"));
        f.broker.fill(b.id(), qty("10"), price("100"), usd("0"));
        Order sell6 = f.engine.submit(OrderRequest.limit("cash", "alpha", "AAPL", Side.SELL, qty("6"), price("120"), TimeInForce.GTC));
        assertThat(sell6.status()).isEqualTo(OrderStatus.PLACED);
        Order sell5 = f.engine.submit(OrderRequest.market("cash", "alpha", "AAPL", Side.SELL, qty("5")));
        assertThat(sell5.message()).contains("holds 10 AAPL, 6 already offered on open sell orders, and this order sells 5");
        Order betaSell = f.engine.submit(OrderRequest.market("cash", "beta", "AAPL", Side.SELL, qty("1")));
        assertThat(betaSell.rejectReason()).isEqualTo(RejectReason.SHORT_SELLING_NOT_ALLOWED); // alpha's shares are not beta's
    }

    @Test
    void aMarginAccountMayShortUnderTheRegTRule() {
        Order shortSale = f.engine.submit(OrderRequest.market("margin", "alpha", "AAPL", Side.SELL, qty("150")));
        assertThat(shortSale.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(shortSale.reserved()).isEqualTo(usd("7500")); // 50% of 150 x 100
        f.broker.fill(shortSale.id(), qty("150"), price("100"), usd("0"));
        // equity 10000, gross 15000: 50% x (15000 + 100 x 100) = 12500 > 10000
        Order tooMuch = f.engine.submit(buy("margin", "alpha", "MSFT", "25"));
        assertThat(tooMuch.rejectReason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
        assertThat(tooMuch.message()).contains("Reg-T initial margin").contains("above equity 10000");
        Order cover = f.engine.submit(buy("margin", "alpha", "AAPL", "150"));
        assertThat(cover.status()).isEqualTo(OrderStatus.PLACED); // reducing needs no margin
        assertThat(cover.reserved().isZero()).isTrue();
    }

    @Test
    void aPausedStrategyMayStillReduceItsPosition() {
        f.directory.activate("cash", "paused", new StrategyActivation(ActivationStatus.ACTIVE, false));
        Order b = f.engine.submit(buy("cash", "paused", "AAPL", "3"));
        f.broker.fill(b.id(), qty("3"), price("100"), usd("0"));
        f.directory.activate("cash", "paused", new StrategyActivation(ActivationStatus.PAUSED, false));
        assertThat(f.engine.submit(buy("cash", "paused", "AAPL", "1")).rejectReason()).isEqualTo(RejectReason.STRATEGY_NOT_ACTIVE);
        assertThat(f.engine.submit(OrderRequest.market("cash", "paused", "AAPL", Side.SELL, qty("3"))).status())
                .isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void transientBrokerFailuresAreRetriedWithBackoffAndCounted() {
        f.broker.failNextSubmits(2, "503 service unavailable", true);
        Order o = f.engine.submit(buy("cash", "alpha", "AAPL", "1"));
        assertThat(o.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(o.retryCount()).isEqualTo(2);
        assertThat(f.sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(f.store.events(o.id())).extracting(OrderEvent::retryCount).containsExactly(0, 0, 1, 2, 2);
    }

    @Test
    void afterTheLastTryTheOrderIsRejectedWithTheBrokersMessage() {
        f.broker.failNextSubmits(3, "connection timed out", true);
        Order o = f.engine.submit(buy("cash", "alpha", "AAPL", "1"));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.rejectReason()).isEqualTo(RejectReason.BROKER_UNAVAILABLE);
        assertThat(o.message()).isEqualTo("connection timed out");
        assertThat(o.retryCount()).isEqualTo(3);
        assertThat(o.reserved().isZero()).isTrue();
        assertThat(f.engine.openOrders("cash")).isEmpty();
    }

    @Test
    void aPermanentRefusalIsNotRetried() {
        f.broker.failNextSubmits(1, "account restricted", false);
        Order o = f.engine.submit(buy("cash", "alpha", "AAPL", "1"));
        assertThat(o.rejectReason()).isEqualTo(RejectReason.BROKER_REJECTED);
        assertThat(f.broker.attempts(FakeBroker.Call.SUBMIT)).isEqualTo(1);
        assertThat(f.sleeper.waits()).isEmpty();
    }

    @Test
    void replaceChangesTheTermsOfAWorkingOrderAndRechecksBuyingPower() {
        Order o = f.engine.submit(limitBuy("alpha", "10", "95"));
        Order replaced = f.engine.replace(o.id(), qty("20"), price("96"), null);
        assertThat(replaced.quantity()).isEqualTo(qty("20"));
        assertThat(replaced.limitPrice()).isEqualTo(price("96"));
        assertThat(replaced.reserved()).isEqualTo(usd("1920"));
        assertThat(f.broker.replaced()).hasSize(1);
        assertThatThrownBy(() -> f.engine.replace(o.id(), qty("100"), price("96"), null))
                .hasMessageContaining("INSUFFICIENT_BUYING_POWER");
        assertThat(f.engine.find(o.id()).orElseThrow()).isEqualTo(replaced);
    }

    @Test
    void lateReportsMoveTheOrderOnlyWhereTheTableAllows() {
        Order o = f.engine.submit(limitBuy("alpha", "10", "95"));
        f.broker.fill(o.id(), qty("4"), price("95"), usd("0"));
        f.broker.expire(o.id(), "session close");
        Order expired = f.engine.find(o.id()).orElseThrow();
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.filledQuantity()).isEqualTo(qty("4"));
        f.broker.confirmCancel(o.id(), "too late"); // a finished order stays as it is
        assertThat(f.engine.find(o.id()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        Order r = f.engine.submit(limitBuy("alpha", "1", "95"));
        f.broker.rejectLate(r.id(), "halted");
        assertThat(f.engine.find(r.id()).orElseThrow().rejectReason()).isEqualTo(RejectReason.BROKER_REJECTED);
    }

    @Test
    void aRiskDenialRejectsTheOrderAndRaisesARiskAlert() {
        f.risk = (id, r, p) -> Optional.of(new PreTradeRisk.Denial("r-1", "MAX_POSITION_SIZE",
                "MAX_POSITION_SIZE: position in AAPL would be 150 units, limit 100", new BigDecimal("100"), new BigDecimal("150")));
        Order o = f.engine.submit(buy("cash", "alpha", "AAPL", "150"));
        assertThat(o.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        assertThat(o.message()).contains("MAX_POSITION_SIZE").contains("150").contains("100");
        assertThat(f.events.notifications()).extracting(n -> n.type())
                .containsExactly(NotificationType.RISK_ALERT, NotificationType.ORDER_REJECTED);
        assertThat(f.events.notifications().get(0).data()).containsEntry("limit", "100").containsEntry("observed", "150");
    }
}
