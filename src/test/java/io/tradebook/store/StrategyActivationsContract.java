package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.ActivationRefusal.Reason;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.store.StrategyActivations.Outcome;
import io.tradebook.store.StrategyActivations.Request;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StrategyActivations} on a real database: activations on the shared pool and with a
 * journalled budget, custom parameters stored as the strategy reads them; every refusal (minimum
 * capital naming both amounts, bad parameters naming the parameter, too large an allocation,
 * unknown, switched-off and unloaded strategies, names) changing nothing; status changes.
 */
abstract class StrategyActivationsContract {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private Database database;
    private StrategyActivations activations;
    private JdbiBookKeeper books;
    private UUID account;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        new StrategyCatalogRepository(database.jdbi()).sync(StrategyCatalog.builtIn());
        activations = new StrategyActivations(database.jdbi(), StrategyCatalog.builtIn(), Clock.fixed(T0, ZoneOffset.UTC));
        books = new JdbiBookKeeper(database.jdbi());
        AccountRepository accounts = new AccountRepository(database.jdbi());
        account = accounts.openAccount(accounts.findOrCreateUser("act@example.com", "Act"), "main", "paper", "P-1", "CASH", "USD").id();
        books.deposit(account.toString(), Money.of("5000", Currency.USD), T0, "initial");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Request request(String name, String code, String allocation, Map<String, String> parameters) {
        return new Request(account, name, code, allocation == null ? null : new BigDecimal(allocation), parameters);
    }

    private int count(String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private void assertRefused(Outcome outcome, Reason reason, String message) {
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.activation()).isNull();
        assertThat(outcome.refusal().reason()).isEqualTo(reason);
        assertThat(outcome.refusal().message()).isEqualTo(message);
    }

    @Test
    void activatesOnTheSharedPoolWithItsCustomParameters() {
        Outcome outcome = activations.activate(request("dips", "rsi-dmi", null, Map.of("rsi_oversold", "25.0", "dmi_period", "010")));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.activation().name()).isEqualTo("dips");
        assertThat(outcome.activation().status()).isEqualTo("ACTIVE");
        assertThat(outcome.activation().allocation()).isNull();
        Map<String, Object> row = database.jdbi().withHandle(h -> h.createQuery("SELECT s.code, a.custom_parameters "
                + "FROM strategy_activations a JOIN strategies s ON s.id = a.strategy_id WHERE a.id = :id")
                .bind("id", outcome.activation().id()).mapToMap().one());
        assertThat(row.get("code")).isEqualTo("rsi-dmi");
        assertThat(StrategyRow.tree(row.get("custom_parameters").toString()))
                .isEqualTo(StrategyRow.tree("{\"rsi_oversold\": \"25\", \"dmi_period\": \"10\"}"));
    }

    @Test
    void aBudgetIsJournalledAndIsTheCapitalChecked() {
        Outcome budget = activations.activate(request("trend", "ema-cross", "1500", Map.of()));
        assertThat(budget.succeeded()).isTrue();
        assertThat(budget.activation().allocation()).isEqualByComparingTo("1500");
        assertThat(budget.activation().cashBalance()).isEqualByComparingTo("1500");
        assertThat(count("SELECT COUNT(*) FROM journal_entries WHERE entry_type = 'ALLOCATION'")).isEqualTo(1);
        assertThat(books.cashAvailable(account.toString(), "trend")).isEqualTo(Money.of("1500", Currency.USD));
        assertThat(books.verify(account.toString())).isEmpty();

        int before = count("SELECT COUNT(*) FROM strategy_activations") + count("SELECT COUNT(*) FROM journal_entries");
        assertRefused(activations.activate(request("small", "ema-cross", "999.99", Map.of())), Reason.BELOW_MIN_CAPITAL,
                "strategy ema-cross needs a capital of at least 1000 USD but would get 999.99 USD (its allocation)");
        assertRefused(activations.activate(request("big", "ema-cross", "3500.01", Map.of())), Reason.INSUFFICIENT_CASH,
                "an allocation of 3500.01 USD is more than the 3500 USD the account's shared pool has free");
        assertRefused(activations.activate(request("none", "ema-cross", "0", Map.of())), Reason.BAD_ALLOCATION,
                "an allocation is a positive amount, not 0 USD");
        assertThat(count("SELECT COUNT(*) FROM strategy_activations") + count("SELECT COUNT(*) FROM journal_entries")).isEqualTo(before);

        // the pool keeps 3500 free: enough for a pooled strategy; a budget of exactly the minimum is enough
        assertThat(activations.activate(request("pooled", "rsi", null, Map.of())).succeeded()).isTrue();
        assertThat(activations.activate(request("edge", "rsi", "1000", Map.of())).succeeded()).isTrue();
        assertThat(books.verify(account.toString())).isEmpty();
    }

    @Test
    void theSharedPoolBelowTheMinimumIsRefusedNamingBothAmounts() {
        books.withdraw(account.toString(), Money.of("4200.5", Currency.USD), T0, "out");
        assertRefused(activations.activate(request("dips", "rsi-dmi", null, Map.of())), Reason.BELOW_MIN_CAPITAL,
                "strategy rsi-dmi needs a capital of at least 1000 USD but would get 799.5 USD (the account's shared pool)");
        assertThat(count("SELECT COUNT(*) FROM strategy_activations")).isZero();
        // the manual strategy has no minimum
        assertThat(activations.activate(request("by hand", "manual", null, Map.of())).succeeded()).isTrue();
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertRefused(activations.activate(request("a", "rsi-dmi", null, Map.of("rsi_oversold", "0"))), Reason.BAD_PARAMETER,
                "rsi-dmi: parameter 'rsi_oversold' must be a number from 1 to 99, not 0");
        assertRefused(activations.activate(request("a", "rsi-dmi", null, Map.of("rsi_oversold", "80"))), Reason.BAD_PARAMETER,
                "rsi-dmi: rsi_oversold (80) must be below rsi_overbought (70)");
        assertRefused(activations.activate(request("a", "bollinger-reversion", null, Map.of("width", "2"))), Reason.BAD_PARAMETER,
                "bollinger-reversion: there is no parameter 'width'; the parameters are period, k, allocation");
        assertRefused(activations.activate(request("a", "manual", null, Map.of("x", "1"))), Reason.BAD_PARAMETER,
                "the manual strategy takes no parameters; given x");
        assertThat(count("SELECT COUNT(*) FROM strategy_activations")).isZero();
    }

    @Test
    void refusesUnknownAndUnusableStrategiesAndBadNames() {
        assertRefused(activations.activate(request("a", "macd-magic", null, Map.of())), Reason.UNKNOWN_STRATEGY,
                "no strategy 'macd-magic' in the catalog");
        database.jdbi().useHandle(h -> h.execute("UPDATE strategies SET is_active = FALSE WHERE code = 'rsi'"));
        assertRefused(activations.activate(request("a", "rsi", null, Map.of())), Reason.STRATEGY_INACTIVE,
                "strategy rsi is switched off in the catalog");
        database.jdbi().useHandle(h -> h.execute("INSERT INTO strategies (code, name, plugin_class) VALUES ('gone', 'Gone', 'x.Gone')"));
        assertRefused(activations.activate(request("a", "gone", null, Map.of())), Reason.STRATEGY_NOT_LOADED,
                "strategy gone is in the catalog table but its code is not loaded here (plugin class x.Gone)");
        UUID nobody = UUID.randomUUID();
        assertRefused(activations.activate(new Request(nobody, "a", "sma-cross", null, Map.of())), Reason.UNKNOWN_ACCOUNT,
                "no account " + nobody);
        assertRefused(activations.activate(request("  ", "sma-cross", null, Map.of())), Reason.BAD_NAME,
                "an activation's name is 1 to 100 characters: ''");
        assertThat(activations.activate(request("cross", "sma-cross", null, Map.of())).succeeded()).isTrue();
        assertRefused(activations.activate(request("cross", "ema-cross", null, Map.of())), Reason.NAME_TAKEN,
                "the account already has a strategy activation named 'cross'");
        assertThat(count("SELECT COUNT(*) FROM strategy_activations")).isEqualTo(1);
    }

    @Test
    void pausingResumingAndStopping() {
        UUID id = activations.activate(request("dips", "rsi-dmi", null, Map.of())).activation().id();
        assertThat(activations.changeStatus(account, "dips", "PAUSED").activation().status()).isEqualTo("PAUSED");
        assertThat(activations.changeStatus(account, "dips", "PAUSED").activation().status()).isEqualTo("PAUSED");

        books.withdraw(account.toString(), Money.of("4500", Currency.USD), T0, "out");
        assertRefused(activations.changeStatus(account, "dips", "ACTIVE"), Reason.BELOW_MIN_CAPITAL,
                "strategy rsi-dmi needs a capital of at least 1000 USD but would get 500 USD (the account's shared pool)");
        books.deposit(account.toString(), Money.of("500", Currency.USD), T0, "back");
        assertThat(activations.changeStatus(account, "dips", "ACTIVE").activation().status()).isEqualTo("ACTIVE");

        Outcome stopped = activations.changeStatus(account, "dips", "STOPPED");
        assertThat(stopped.activation().id()).isEqualTo(id);
        assertThat(stopped.activation().status()).isEqualTo("STOPPED");
        assertThat(count("SELECT COUNT(*) FROM strategy_activations WHERE deactivated_at IS NOT NULL")).isEqualTo(1);
        assertRefused(activations.changeStatus(account, "dips", "ACTIVE"), Reason.ILLEGAL_TRANSITION,
                "strategy activation 'dips' is stopped for good; activate the strategy again under a new name");
        assertRefused(activations.changeStatus(account, "dips", "running"), Reason.ILLEGAL_TRANSITION,
                "a status is ACTIVE, PAUSED or STOPPED, not 'running'");
        assertRefused(activations.changeStatus(account, "nope", "PAUSED"), Reason.UNKNOWN_ACTIVATION,
                "the account has no strategy activation named 'nope'");
    }
}
