package io.tradebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.ActivationCheck;
import io.tradebook.core.strategies.ActivationCheck.CapitalSource;
import io.tradebook.core.strategies.ActivationRefusal;
import io.tradebook.core.strategies.ActivationRefusal.Reason;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.store.AccountRepository.Activation;
import io.tradebook.store.StrategyCatalogRepository.StoredStrategy;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Activating catalog strategies on accounts (seed 004's {@code user_strategies}), for the server's
 * activation routes: one call per request, one transaction holding the account's lock, a refusal
 * returned as a value ({@link ActivationRefusal}) that changes nothing.
 *
 * <p>{@link #activate} refuses: an unknown account; a blank name or one over 100 characters, or one
 * the account already has; a strategy code the {@code strategies} table does not have, one switched
 * off there ({@code is_active} false), or one whose code is not loaded in this catalog (a plugin
 * jar gone); custom parameters that are not the strategy's or that it refuses (naming the
 * parameter); an allocation that is not positive or is more than the cash the account's shared
 * pool has free; and a capital below the strategy's {@code min_capital} (naming both amounts). The
 * capital is the allocation, or, without one, the shared pool's free cash: the account's cash less
 * every budget. An allocation is journalled like {@code BookKeeper.allocate}.
 *
 * <p>{@link #changeStatus} moves an activation between ACTIVE and PAUSED and to STOPPED; a STOPPED
 * one stays stopped. Resuming (PAUSED to ACTIVE) is an activation and passes the same checks again
 * with the activation's stored parameters and allocation. The built-in {@code manual} strategy
 * has no code: it is activated without parameters and without a minimum. Thread-safe.
 */
public final class StrategyActivations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAME_LENGTH = 100;

    private final Jdbi jdbi;
    private final StrategyCatalog catalog;
    private final Clock clock;

    public StrategyActivations(Jdbi jdbi, StrategyCatalog catalog, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A request to activate the catalog strategy {@code strategy} (its code) on an account under
     * {@code name}, with a budget of {@code allocation} in the account's currency (null: it draws
     * on the shared pool) and {@code customParameters} (name → value as text; the others keep their
     * defaults). Immutable.
     */
    public record Request(UUID accountId, String name, String strategy, BigDecimal allocation, Map<String, String> customParameters) {
        public Request {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(strategy, "strategy");
            customParameters = Map.copyOf(customParameters);
        }
    }

    /** The activation as stored, or why it was refused (then nothing changed). Immutable. */
    public record Outcome(Activation activation, ActivationRefusal refusal) {
        static Outcome done(Activation activation) {
            return new Outcome(activation, null);
        }

        static Outcome refused(Reason reason, String message) {
            return new Outcome(null, new ActivationRefusal(reason, message));
        }

        public boolean succeeded() {
            return refusal == null;
        }
    }

    /** Activates {@code request}'s strategy on its account, or says why not. */
    public Outcome activate(Request request) {
        return jdbi.inTransaction(h -> {
            String name = request.name() == null ? "" : request.name().strip();
            if (name.isEmpty() || name.length() > NAME_LENGTH) {
                return Outcome.refused(Reason.BAD_NAME, "an activation's name is 1 to " + NAME_LENGTH + " characters: '" + name + "'");
            }
            Optional<Currency> currency = lockAccount(h, request.accountId());
            if (currency.isEmpty()) {
                return Outcome.refused(Reason.UNKNOWN_ACCOUNT, "no account " + request.accountId());
            }
            if (AccountRepository.findActivation(h, request.accountId(), name).isPresent()) {
                return Outcome.refused(Reason.NAME_TAKEN, "the account already has a strategy activation named '" + name + "'");
            }
            Optional<ActivationRefusal> problem = Optional.empty();
            StoredStrategy strategy = null;
            Optional<StoredStrategy> stored = StrategyCatalogRepository.stored(h, request.strategy());
            if (stored.isEmpty()) {
                problem = refusal(Reason.UNKNOWN_STRATEGY, "no strategy '" + request.strategy() + "' in the catalog");
            } else {
                strategy = stored.get();
                problem = strategyProblem(strategy, request.customParameters());
            }
            if (problem.isEmpty()) {
                problem = capitalProblem(h, request.accountId(), currency.get(), strategy, request.allocation());
            }
            if (problem.isPresent()) {
                return new Outcome(null, problem.get());
            }
            UUID id = UUID.randomUUID();
            h.createUpdate("INSERT INTO strategy_activations (id, account_id, strategy_id, name, status, custom_parameters) "
                            + "VALUES (:id, :account, :strategy, :name, 'ACTIVE', :parameters)")
                    .bind("id", id).bind("account", request.accountId()).bind("strategy", strategy.id()).bind("name", name)
                    .bind("parameters", json(normalised(strategy, request.customParameters()))).execute();
            Activation activation = AccountRepository.findActivation(h, request.accountId(), name).orElseThrow();
            if (request.allocation() != null) {
                JdbiBookKeeper.allocate(h, request.accountId().toString(), request.accountId(), currency.get(), activation,
                        Money.of(request.allocation(), currency.get()), clock.instant());
                activation = AccountRepository.findActivation(h, request.accountId(), name).orElseThrow();
            }
            return Outcome.done(activation);
        });
    }

    /**
     * Sets the status of the account's activation {@code name} to ACTIVE, PAUSED or STOPPED. The
     * same status again changes nothing; STOPPED is final; PAUSED to ACTIVE passes the checks of
     * {@link #activate} again.
     */
    public Outcome changeStatus(UUID accountId, String name, String status) {
        return jdbi.inTransaction(h -> {
            Optional<Currency> currency = lockAccount(h, accountId);
            if (currency.isEmpty()) {
                return Outcome.refused(Reason.UNKNOWN_ACCOUNT, "no account " + accountId);
            }
            if (!"ACTIVE".equals(status) && !"PAUSED".equals(status) && !"STOPPED".equals(status)) {
                return Outcome.refused(Reason.ILLEGAL_TRANSITION, "a status is ACTIVE, PAUSED or STOPPED, not '" + status + "'");
            }
            Optional<Activation> found = AccountRepository.findActivation(h, accountId, name);
            if (found.isEmpty()) {
                return Outcome.refused(Reason.UNKNOWN_ACTIVATION, "the account has no strategy activation named '" + name + "'");
            }
            Activation activation = found.get();
            if (activation.status().equals(status)) {
                return Outcome.done(activation);
            }
            if (activation.status().equals("STOPPED")) {
                return Outcome.refused(Reason.ILLEGAL_TRANSITION, "strategy activation '" + name + "' is stopped for good; "
                        + "activate the strategy again under a new name");
            }
            if (status.equals("ACTIVE")) {
                Optional<ActivationRefusal> problem = resumeProblem(h, accountId, currency.get(), activation);
                if (problem.isPresent()) {
                    return new Outcome(null, problem.get());
                }
            }
            h.createUpdate("UPDATE strategy_activations SET status = :status, updated_at = CURRENT_TIMESTAMP, deactivated_at = "
                            + (status.equals("STOPPED") ? "CURRENT_TIMESTAMP" : "NULL") + " WHERE id = :id")
                    .bind("status", status).bind("id", activation.id()).execute();
            return Outcome.done(AccountRepository.findActivation(h, accountId, name).orElseThrow());
        });
    }

    /** The checks of a resumed activation: its strategy, its stored parameters, its capital. */
    private Optional<ActivationRefusal> resumeProblem(Handle h, UUID accountId, Currency currency, Activation activation) {
        Map<String, Object> row = h.createQuery("SELECT s.code, a.custom_parameters FROM strategy_activations a "
                + "JOIN strategies s ON s.id = a.strategy_id WHERE a.id = :id").bind("id", activation.id()).mapToMap().one();
        StoredStrategy strategy = StrategyCatalogRepository.stored(h, (String) row.get("code")).orElseThrow();
        Optional<ActivationRefusal> problem = strategyProblem(strategy, storedParameters(row.get("custom_parameters")));
        if (problem.isPresent()) {
            return problem;
        }
        return activation.allocation() == null ? capitalProblem(h, accountId, currency, strategy, null)
                : ActivationCheck.capital(strategy.code(), strategy.minCapital(), Money.of(activation.allocation(), currency),
                        CapitalSource.ALLOCATION);
    }

    /** Whether {@code strategy} can be activated here with {@code custom}: switched on, loaded, its parameters. */
    private Optional<ActivationRefusal> strategyProblem(StoredStrategy strategy, Map<String, String> custom) {
        if (!strategy.active()) {
            return refusal(Reason.STRATEGY_INACTIVE, "strategy " + strategy.code() + " is switched off in the catalog");
        }
        if (strategy.code().equals(StrategyCatalogRepository.MANUAL)) {
            return custom.isEmpty() ? Optional.empty()
                    : refusal(Reason.BAD_PARAMETER, "the manual strategy takes no parameters; given " + String.join(", ", custom.keySet()));
        }
        Optional<StrategyCatalog.Entry> entry = catalog.find(strategy.code());
        if (entry.isEmpty()) {
            return refusal(Reason.STRATEGY_NOT_LOADED, "strategy " + strategy.code() + " is in the catalog table but its code is not "
                    + "loaded here" + (strategy.pluginClass() == null ? "" : " (plugin class " + strategy.pluginClass() + ")"));
        }
        return ActivationCheck.parameters(entry.get().definition(), custom);
    }

    /** Whether the capital of an activation with {@code allocation} (null: the shared pool) is acceptable. */
    private static Optional<ActivationRefusal> capitalProblem(Handle h, UUID accountId, Currency currency, StoredStrategy strategy,
                                                             BigDecimal allocation) {
        Money free = Money.of(freePool(h, accountId), currency);
        if (allocation == null) {
            return ActivationCheck.capital(strategy.code(), strategy.minCapital(), free, CapitalSource.SHARED_POOL);
        }
        if (allocation.signum() <= 0) {
            return refusal(Reason.BAD_ALLOCATION, "an allocation is a positive amount, not " + plain(allocation) + " " + currency);
        }
        if (allocation.compareTo(free.amount()) > 0) {
            return refusal(Reason.INSUFFICIENT_CASH, "an allocation of " + plain(allocation) + " " + currency + " is more than the "
                    + plain(free.amount()) + " " + currency + " the account's shared pool has free");
        }
        return ActivationCheck.capital(strategy.code(), strategy.minCapital(), Money.of(allocation, currency), CapitalSource.ALLOCATION);
    }

    /** The account's cash less every strategy budget: what the shared pool has free. */
    private static BigDecimal freePool(Handle h, UUID accountId) {
        return h.createQuery("SELECT a.cash_balance - COALESCE((SELECT SUM(s.cash_balance) FROM strategy_activations s "
                        + "WHERE s.account_id = a.id AND s.allocation_amount IS NOT NULL), 0) FROM accounts a WHERE a.id = :id")
                .bind("id", accountId).mapTo(BigDecimal.class).one();
    }

    /** The given values as the strategy reads them ({@code "014"} as {@code "14"}), in its declaration order. */
    private Map<String, String> normalised(StoredStrategy strategy, Map<String, String> custom) {
        Map<String, String> out = new LinkedHashMap<>();
        if (custom.isEmpty()) {
            return out;
        }
        StrategyDefinition definition = catalog.find(strategy.code()).orElseThrow().definition();
        Map<String, String> all = definition.metadata().parameters(custom).asText();
        for (ParameterSpec p : definition.metadata().parameters()) {
            if (custom.containsKey(p.name())) {
                out.put(p.name(), all.get(p.name()));
            }
        }
        return out;
    }

    private static Map<String, String> storedParameters(Object json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json != null) {
            StrategyRow.tree(json.toString()).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        return values;
    }

    private static Optional<Currency> lockAccount(Handle h, UUID accountId) {
        return h.createQuery("SELECT base_currency FROM accounts WHERE id = :id FOR UPDATE").bind("id", accountId)
                .mapTo(String.class).findOne().map(Currency::of);
    }

    private static Optional<ActivationRefusal> refusal(Reason reason, String message) {
        return Optional.of(new ActivationRefusal(reason, message));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + values + " as JSON", e);
        }
    }
}
