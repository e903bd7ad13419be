package io.tradebook.core.execution;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An execution engine wired to a fake broker and in-memory books, with a CASH account
 * ({@code cash}: strategies alpha and beta on the pool, budgeted with a 2,000 budget, paused) and
 * a MARGIN account ({@code margin}: strategy alpha), each funded with 10,000 USD.
 */
final class EngineFixture {
    static final Currency USD = Currency.USD;
    static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

    final FakeBroker broker = new FakeBroker();
    final InMemoryBookKeeper books = new InMemoryBookKeeper(Books.keepingEntries(USD));
    final InMemoryExecutionStore store = new InMemoryExecutionStore(books);
    final InMemoryAccountDirectory directory = new InMemoryAccountDirectory();
    final Map<String, Price> prices = new ConcurrentHashMap<>();
    final Map<String, Instrument> instruments = Map.of(
            "AAPL", Instrument.equity("AAPL", USD),
            "MSFT", Instrument.equity("MSFT", USD),
            "BTC", Instrument.crypto("BTC", USD));
    final RecordingEventSink events = new RecordingEventSink();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final AtomicLong ids = new AtomicLong();
    PreTradeRisk risk = PreTradeRisk.NONE;
    final ExecutionEngine engine;

    EngineFixture() {
        this(RetryPolicy.standard());
    }

    EngineFixture(RetryPolicy retry) {
        books.activate("cash", "alpha", "beta", "budgeted", "paused");
        books.deposit("cash", usd("10000"), T0, "initial");
        books.allocate("cash", "budgeted", usd("2000"), T0);
        directory.add(new TradingAccount("cash", AccountType.CASH, USD))
                .activate("cash", "alpha", new StrategyActivation(ActivationStatus.ACTIVE, false))
                .activate("cash", "beta", new StrategyActivation(ActivationStatus.ACTIVE, false))
                .activate("cash", "budgeted", new StrategyActivation(ActivationStatus.ACTIVE, true))
                .activate("cash", "paused", new StrategyActivation(ActivationStatus.PAUSED, false));
        books.activate("margin", "alpha");
        books.deposit("margin", usd("10000"), T0, "initial");
        directory.add(new TradingAccount("margin", AccountType.MARGIN, USD))
                .activate("margin", "alpha", new StrategyActivation(ActivationStatus.ACTIVE, false));
        prices.put("AAPL", price("100"));
        prices.put("MSFT", price("400"));
        prices.put("BTC", price("40000"));
        engine = new ExecutionEngine(store, broker, s -> Optional.ofNullable(instruments.get(s)), directory,
                s -> Optional.ofNullable(prices.get(s)), (id, r, p) -> risk.check(id, r, p), events,
                Clock.fixed(T0, ZoneOffset.UTC), () -> "o-" + ids.incrementAndGet(),
                new ExecutionEngine.Settings(new BigDecimal("500"), (r, p) -> Money.zero(USD), retry, sleeper));
    }

    static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    static Price price(String value) {
        return Price.of(value, USD);
    }

    static Quantity qty(String value) {
        return Quantity.of(value);
    }

    static RetryPolicy threeTries() {
        return new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1));
    }
}
