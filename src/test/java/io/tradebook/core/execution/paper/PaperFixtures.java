package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.LastPrice;
import io.tradebook.core.marketdata.Quote;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Instruments, orders, prices and bars for the paper broker tests; the broker's clock stands at {@link #T0}. */
final class PaperFixtures {
    static final Currency USD = Currency.USD;
    static final String ACCOUNT = "A";
    static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    static final Instrument AAPL = Instrument.equity("AAPL", USD);
    static final Instrument BTC = Instrument.crypto("BTCUSD", USD);
    static final InstrumentSource INSTRUMENTS = symbol -> Optional.ofNullable(Map.of("AAPL", AAPL, "BTCUSD", BTC).get(symbol));
    static final PaperBroker.Config CONFIG = PaperBroker.Config.defaults().withClock(Clock.fixed(T0, ZoneOffset.UTC));

    private PaperFixtures() {
    }

    /** A broker with the given models, no volume cap, its listener set and account A funded with 100000 USD. */
    static PaperBroker broker(SlippageModel slippage, CommissionModel commission, RecordingBrokerListener listener) {
        return broker(slippage, commission, BigDecimal.ONE, listener);
    }

    static PaperBroker broker(SlippageModel slippage, CommissionModel commission, BigDecimal cap, RecordingBrokerListener listener) {
        PaperBroker broker = new PaperBroker(INSTRUMENTS, slippage, commission, CONFIG.withMaxVolumeParticipation(cap));
        broker.setListener(listener);
        broker.fund(ACCOUNT, usd("100000"));
        return broker;
    }

    static Instant minute(int n) {
        return T0.plusSeconds(60L * n);
    }

    static Price px(String value) {
        return Price.of(value, USD);
    }

    static Money usd(String value) {
        return Money.of(value, USD);
    }

    static Quantity qty(String value) {
        return Quantity.of(value);
    }

    static Quote quote(String bid, String ask, int minute) {
        return new Quote("AAPL", px(bid), px(ask), minute(minute));
    }

    static LastPrice last(String price, int minute) {
        return new LastPrice("AAPL", px(price), minute(minute));
    }

    /** An AAPL bar starting at {@code minute(n)}. */
    static Bar bar(int n, String open, String high, String low, String close, long volume) {
        return new Bar("AAPL", minute(n), px(open), px(high), px(low), px(close), Quantity.of(volume));
    }

    static Order market(String id, Side side, long quantity, TimeInForce tif) {
        return order(id, "AAPL", side, OrderType.MARKET, tif, Quantity.of(quantity), null, null);
    }

    static Order limit(String id, Side side, long quantity, String limit, TimeInForce tif) {
        return order(id, "AAPL", side, OrderType.LIMIT, tif, Quantity.of(quantity), px(limit), null);
    }

    static Order stop(String id, Side side, long quantity, String stop, TimeInForce tif) {
        return order(id, "AAPL", side, OrderType.STOP_LOSS, tif, Quantity.of(quantity), null, px(stop));
    }

    static Order stopLimit(String id, Side side, long quantity, String stop, String limit, TimeInForce tif) {
        return order(id, "AAPL", side, OrderType.STOP_LIMIT, tif, Quantity.of(quantity), px(limit), px(stop));
    }

    /** A PLACED order of account A, as the order path hands it to a broker. */
    static Order order(String id, String symbol, Side side, OrderType type, TimeInForce tif, Quantity quantity, Price limit,
                       Price stop) {
        OrderRequest request = new OrderRequest(ACCOUNT, "s", null, symbol, side, type, tif, quantity, limit, stop, null);
        return Order.accept(id, request, Money.zero(USD), T0).moveTo(OrderStatus.PLACED, T0, null);
    }
}
