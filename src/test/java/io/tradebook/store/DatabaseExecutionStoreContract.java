package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.execution.ExecutionStoreContract;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The execution store contract on a real database, plus what only the database store has: the
 * columns an {@link Order} does not carry (placed and done times, version, average price), the
 * fill's link to its order, the ids and currencies it cannot store, and a client order id taken
 * by a concurrent writer outside the store.
 */
abstract class DatabaseExecutionStoreContract extends ExecutionStoreContract {
    private TestOwner owner;
    private Database database;
    private ExecutionStore store;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        owner = new TestOwner(newDatabase(), "orders@example.com");
        database = owner.database;
        store = newStore(database);
    }

    /** The store under test: the one-transaction-per-call store, unless a subclass tests another. */
    protected ExecutionStore newStore(Database db) {
        return new JdbiExecutionStore(db.jdbi());
    }

    @AfterEach
    void close() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
        owner.close();
    }

    @Override
    protected ExecutionStore store() {
        return store;
    }

    @Override
    protected String openAccount(String name, String... strategies) {
        return owner.openAccount(name, strategies);
    }

    private Map<String, Object> orderRow(String id) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM orders WHERE id = :id").bind("id", UUID.fromString(id))
                .mapToMap().one());
    }

    @Test
    void theColumnsAnOrderDoesNotCarryFollowItsLife() {
        String a = openAccount("columns", "s");
        Order order = pending(a, "s", "col-1", Side.BUY, "3", "10", T0);
        store.insert(order, OrderEvent.of(null, order));
        assertThat(orderRow(order.id())).containsEntry("version", 0L).containsEntry("placed_at", null).containsEntry("done_at", null)
                .containsEntry("avg_fill_price", null);

        Order placed = place(order);
        Order partly = placed.filled(Quantity.of(1), Price.of("10", USD), usd("10"), T0.plusSeconds(5));
        store.recordFill(partly, OrderEvent.of(placed, partly), Fill.of("t-1", a, "s", "AAPL", Side.BUY, Quantity.of(1),
                Price.of("10", USD), usd("0"), T0.plusSeconds(5)));
        Order done = partly.filled(Quantity.of(2), Price.of("10.01", USD), usd("20"), T0.plusSeconds(9));
        store.recordFill(done, OrderEvent.of(partly, done), Fill.of("t-2", a, "s", "AAPL", Side.BUY, Quantity.of(2),
                Price.of("10.01", USD), usd("0"), T0.plusSeconds(9)));

        Map<String, Object> row = orderRow(order.id());
        assertThat(row.get("version")).isEqualTo(3L);
        assertThat(instant(row.get("placed_at"))).isEqualTo(T0.plusSeconds(1));
        assertThat(instant(row.get("done_at"))).isEqualTo(T0.plusSeconds(9));
        assertThat(instant(row.get("updated_at"))).isEqualTo(T0.plusSeconds(9));
        assertThat((BigDecimal) row.get("avg_fill_price")).isEqualByComparingTo("10.006666666667"); // 30.02 / 3, 12 decimals
        assertThat((BigDecimal) row.get("filled_notional")).isEqualByComparingTo("30.02");
        assertThat((BigDecimal) row.get("reserved_cash")).isZero();

        var links = database.jdbi().withHandle(h -> h.createQuery("SELECT broker_trade_id, order_id, broker_order_id FROM fills "
                + "ORDER BY id").mapToMap().list());
        assertThat(links).hasSize(2).allSatisfy(l -> {
            assertThat(l.get("order_id")).isEqualTo(UUID.fromString(order.id()));
            assertThat(l.get("broker_order_id")).isEqualTo(placed.brokerOrderId());
        });
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    @Test
    void idsItCannotGiveBackAndForeignMoneyAreRefused() {
        String a = openAccount("strict", "s");
        Order upper = pending(a.toUpperCase(Locale.ROOT), "s", null, Side.BUY, "1", "10", T0);
        assertThatThrownBy(() -> store.insert(upper, OrderEvent.of(null, upper)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical");
        Order named = new Order("my-order", null, a, "s", "AAPL", Side.BUY, OrderType.MARKET,
                TimeInForce.DAY, Quantity.of(1), null, null, OrderStatus.PENDING, Quantity.ZERO, usd("0"), null,
                null, null, 0, null, usd("0"), T0, T0);
        assertThatThrownBy(() -> store.insert(named, OrderEvent.of(null, named)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my-order");
        Currency eur = Currency.of("EUR");
        OrderRequest r = OrderRequest.limit(a, "s", "AAPL", Side.BUY, Quantity.of(1), Price.of("10", eur),
                TimeInForce.DAY);
        Order euros = Order.accept(UUID.randomUUID().toString(), r, Money.of("10", eur), T0);
        assertThatThrownBy(() -> store.insert(euros, OrderEvent.of(null, euros)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
        assertThat(store.find("my-order")).isEmpty();
        assertThat(store.openOrders(a)).isEmpty();
    }

    @Test
    void aClientOrderIdTakenByAnUncommittedWriterIsRefusedOnceItCommits() throws Exception {
        String a = openAccount("race", "s");
        Order mine = pending(a, "s", "race-1", Side.BUY, "1", "10", T0);
        UUID theirs = UUID.randomUUID();
        try (Handle other = database.jdbi().open()) {
            // Another writer that does not go through the store inserts the same client order id
            // and has not committed yet. On H2 the store's check cannot see the row and the unique
            // key refuses the insert once the writer commits; on PostgreSQL the writer's foreign
            // key holds a key-share lock on the account row, so the store's FOR UPDATE waits and
            // its check sees the committed row. Either way: the same refusal.
            other.begin();
            other.createUpdate("INSERT INTO orders (id, account_id, symbol, client_order_id, side, order_type, quantity) "
                    + "VALUES (:id, :account, 'AAPL', 'race-1', 'BUY', 'MARKET', 1)")
                    .bind("id", theirs).bind("account", UUID.fromString(a)).execute();
            CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    store.insert(mine, OrderEvent.of(null, mine));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            other.commit();
            assertThat(attempt.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("client order id race-1 already used");
        }
        assertThat(store.find(mine.id())).isEmpty();
        assertThat(store.findByClientOrderId(a, "race-1").orElseThrow().id()).isEqualTo(theirs.toString());
    }
}
