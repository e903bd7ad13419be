package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderEvent;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.store.RiskEventRepository.RiskEventRow;
import io.tradebook.store.RiskRuleRepository.RiskRuleRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RiskRuleRepository} and {@link RiskEventRepository} on a real database: plain rows, exact decimals. */
abstract class RiskRepositoriesContract {
    private static final Instant T0 = Instant.parse("2024-03-01T14:30:00Z");
    private Database database;
    private RiskRuleRepository rules;
    private RiskEventRepository events;
    private AccountRepository accounts;
    private UUID account;
    private UUID otherAccount;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        rules = new RiskRuleRepository(database.jdbi());
        events = new RiskEventRepository(database.jdbi());
        accounts = new AccountRepository(database.jdbi());
        UUID user = accounts.findOrCreateUser("risk@example.com", "Risk");
        account = accounts.openAccount(user, "main", "paper", "P-1", "MARGIN", "USD").id();
        otherAccount = accounts.openAccount(user, "other", "paper", "P-2", "MARGIN", "USD").id();
        accounts.activate(account, "momentum", AccountRepository.MANUAL_STRATEGY_ID);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rulesComeBackAsSavedAndKeepWhatWasObserved() {
        RiskRuleRow daily = RiskRuleRow.of(account, null, null, "MAX_DAILY_LOSS", "AMOUNT", new BigDecimal("2500.12345678901234567891"));
        RiskRuleRow narrow = RiskRuleRow.of(account, "momentum", "AAPL", "MAX_POSITION_SIZE", "QUANTITY", new BigDecimal("100.5"));
        assertThat(rules.save(daily)).isEqualTo(daily);
        assertThat(rules.save(narrow)).isEqualTo(narrow);
        assertThat(rules.list(account)).containsExactlyInAnyOrder(daily, narrow);
        assertThat(rules.list(otherAccount)).isEmpty();

        rules.updateState(daily.id(), new BigDecimal("2600.5"), true, "lost 2600.5 today, limit 2500.12345678901234567891");
        RiskRuleRow observed = rules.find(daily.id()).orElseThrow();
        assertThat(observed.currentValue()).isEqualTo(new BigDecimal("2600.5"));
        assertThat(observed.violated()).isTrue();
        assertThat(observed.violationMessage()).startsWith("lost 2600.5");
        assertThat(observed.ruleValue()).isEqualTo(daily.ruleValue());

        RiskRuleRow paused = new RiskRuleRow(narrow.id(), account, null, null, "MAX_POSITION_SIZE", "NOTIONAL", new BigDecimal("50000"),
                false, BigDecimal.ZERO, false, "");
        assertThat(rules.save(paused)).isEqualTo(paused);
        assertThat(rules.listActive(account)).containsExactly(observed);
        rules.updateState(daily.id(), BigDecimal.ZERO, false, null);
        assertThat(rules.find(daily.id()).orElseThrow().violationMessage()).isEmpty();
    }

    @Test
    void whatTheSchemaOrTheAccountDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> rules.save(RiskRuleRow.of(account, "nobody", null, "MAX_DRAWDOWN", "FRACTION", new BigDecimal("0.2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> rules.save(RiskRuleRow.of(stranger, null, null, "MAX_DRAWDOWN", "FRACTION", new BigDecimal("0.2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(stranger.toString());
        assertThatThrownBy(() -> rules.save(RiskRuleRow.of(account, null, null, "MAX_DRAWDOWN", "FRACTION", new BigDecimal("1.5"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_risk_rules_rule_value_unit");
        assertThatThrownBy(() -> rules.save(RiskRuleRow.of(account, null, null, "MAX_LEVERAGE", "COUNT", BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ck_risk_rules_rule_type");
        RiskRuleRow mine = rules.save(RiskRuleRow.of(account, null, null, "MAX_OPEN_POSITIONS", "COUNT", new BigDecimal("5")));
        RiskRuleRow moved = new RiskRuleRow(mine.id(), otherAccount, null, null, "MAX_OPEN_POSITIONS", "COUNT", BigDecimal.TEN, true,
                BigDecimal.ZERO, false, "");
        assertThatThrownBy(() -> rules.save(moved)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another account");
        assertThatThrownBy(() -> rules.updateState(UUID.randomUUID(), BigDecimal.ONE, true, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rules.list(account)).containsExactly(mine);
    }

    @Test
    void riskEventsKeepTheRuleAsItWasAndTheOrder() {
        RiskRuleRow rule = rules.save(RiskRuleRow.of(account, null, "TSLA", "MAX_POSITION_SIZE", "NOTIONAL", new BigDecimal("10000")));
        OrderRequest request = OrderRequest.limit(account.toString(), "momentum", "TSLA", Side.BUY, Quantity.of(60),
                Price.of("200.25", Currency.USD), TimeInForce.DAY);
        Order order = Order.accept(UUID.randomUUID().toString(), request, Money.of("12015", Currency.USD), T0);
        new JdbiExecutionStore(database.jdbi()).insert(order, OrderEvent.of(null, order));

        RiskEventRow denied = new RiskEventRow(rule.id(), account, UUID.fromString(order.id()), T0, "MAX_POSITION_SIZE",
                new BigDecimal("10000"), new BigDecimal("12015"), "notional 12015 above 10000");
        RiskEventRow breached = new RiskEventRow(rule.id(), account, null, T0.plusSeconds(60), "MAX_POSITION_SIZE",
                new BigDecimal("10000"), null, "position marked above the limit");
        long first = events.insert(denied);
        long second = events.insert(breached);
        assertThat(second).isGreaterThan(first);
        assertThat(events.list(account)).containsExactly(denied, breached);
        assertThat(events.list(otherAccount)).isEmpty();

        assertThatThrownBy(() -> events.insert(new RiskEventRow(rule.id(), otherAccount, null, T0, "MAX_POSITION_SIZE", BigDecimal.ONE,
                null, "wrong account"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to account");
        assertThatThrownBy(() -> events.insert(new RiskEventRow(rule.id(), account, UUID.randomUUID(), T0, "MAX_POSITION_SIZE",
                BigDecimal.ONE, null, "no such order"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fk_risk_events_order");
        assertThatThrownBy(() -> events.insert(new RiskEventRow(UUID.randomUUID(), account, null, T0, "MAX_POSITION_SIZE",
                BigDecimal.ONE, null, "no rule"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no risk rule");
        assertThat(events.list(account)).hasSize(2);
    }
}
