package io.tradebook.research;

import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestSettings;
import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.paper.BasisPointsCommission;
import io.tradebook.core.execution.paper.BasisPointsSlippage;
import io.tradebook.core.execution.paper.CombinedCommission;
import io.tradebook.core.execution.paper.CommissionModel;
import io.tradebook.core.execution.paper.FixedPerOrderCommission;
import io.tradebook.core.execution.paper.NoCommission;
import io.tradebook.core.execution.paper.NoSlippage;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.report.BacktestJson;
import io.tradebook.security.FieldProblem;
import io.tradebook.security.Outcome;
import io.tradebook.security.Refusal;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link BacktestRequest} and builds the run from it: the strategies from the catalog, the
 * bars of each symbol from the database's price history, the settings with the costs. Every
 * refusal names the field ({@code strategies[0].parameters.fast}, {@code symbols[1]}, {@code from},
 * {@code cash}…), and a refused request reads nothing more and stores nothing. The same request
 * gives the same plan as {@code tradebook backtest --db-symbol} with the same options. Thread-safe.
 */
public final class BacktestPlanner {
    /** At most this many strategies and symbols in one run. */
    public static final int MAX_STRATEGIES = 20;
    public static final int MAX_SYMBOLS = 20;

    /** A checked run: the plan and what the JSON result says about it besides. Immutable. */
    public record Planned(BacktestPlan plan, BacktestJson.RunInfo info) {
    }

    private final StrategyCatalog catalog;
    private final SecurityRepository securities;
    private final PriceHistoryRepository prices;

    public BacktestPlanner(StrategyCatalog catalog, SecurityRepository securities, PriceHistoryRepository prices) {
        this.catalog = catalog;
        this.securities = securities;
        this.prices = prices;
    }

    public Outcome<Planned> plan(BacktestRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.cash() == null) {
            problems.add(new FieldProblem("cash", "is required"));
        } else if (r.cash().signum() <= 0) {
            problems.add(new FieldProblem("cash", "must be above 0"));
        }
        AccountType type = AccountType.CASH;
        if (r.accountType() != null) {
            switch (r.accountType().strip().toUpperCase(java.util.Locale.ROOT)) {
                case "CASH" -> type = AccountType.CASH;
                case "MARGIN" -> type = AccountType.MARGIN;
                default -> problems.add(new FieldProblem("accountType", "must be CASH or MARGIN"));
            }
        }
        nonNegative(problems, "commissionBps", r.commissionBps());
        nonNegative(problems, "commissionPerOrder", r.commissionPerOrder());
        nonNegative(problems, "slippageBps", r.slippageBps());
        Timeframe frame = Timeframe.D1;
        if (r.timeframe() != null) {
            try {
                frame = Timeframe.parse(r.timeframe());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("timeframe", "must be one of " + Timeframe.codes()));
            }
        }
        Instant start = instant(problems, "from", r.from(), false);
        Instant until = instant(problems, "to", r.to(), true);
        if (start != null && until != null && !start.isBefore(until)) {
            problems.add(new FieldProblem("from", "is after to"));
        }
        List<StrategyInstance> instances = strategies(problems, r.strategies());
        List<Security> traded = securities(problems, r.symbols());
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        Currency currency = traded.get(0).currency();
        for (int i = 1; i < traded.size(); i++) {
            if (traded.get(i).currency() != currency) {
                problems.add(new FieldProblem("symbols[" + i + "]", "trades in " + traded.get(i).currency() + ", the run is in "
                        + currency + " (the first symbol's)"));
            }
        }
        List<BarSeries> series = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (int i = 0; i < traded.size() && problems.isEmpty(); i++) {
            Security s = traded.get(i);
            List<Bar> bars = prices.range(s, frame, start, until);
            if (bars.isEmpty()) {
                problems.add(new FieldProblem("symbols[" + i + "]", "has no " + frame.code() + " bars of " + s.label() + " stored"
                        + (start != null || until != null ? " in the period asked for" : "")));
                continue;
            }
            try {
                series.add(BarSeries.atDataPrecision(SecurityRepository.instrument(s), bars));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("symbols[" + i + "]", e.getMessage()));
            }
            origins.put(series.get(series.size() - 1).symbol(), "database " + s.label());
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.invalid(problems));
        }
        Money cash = Money.of(r.cash(), currency);
        BacktestSettings settings = BacktestSettings.of(cash).withAccountType(type).withCommission(commission(r, currency))
                .withSlippage(r.slippageBps() == null ? new NoSlippage() : new BasisPointsSlippage(r.slippageBps()))
                .withMetrics(MetricSettings.daily());
        try {
            BacktestPlan plan = new BacktestPlan(series, instances, settings);
            return Outcome.ok(new Planned(plan, new BacktestJson.RunInfo(frame.code(), origins, costs(r))));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Refusal.invalid("strategies", e.getMessage()));
        }
    }

    private List<StrategyInstance> strategies(List<FieldProblem> problems, List<BacktestRequest.StrategyRequest> asked) {
        List<StrategyInstance> instances = new ArrayList<>();
        if (asked == null || asked.isEmpty()) {
            problems.add(new FieldProblem("strategies", "must name at least one strategy"));
            return instances;
        }
        if (asked.size() > MAX_STRATEGIES) {
            problems.add(new FieldProblem("strategies", "may have at most " + MAX_STRATEGIES + " strategies"));
            return instances;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String field = "strategies[" + i + "]";
            BacktestRequest.StrategyRequest s = asked.get(i);
            if (s == null || s.strategy() == null || s.strategy().isBlank()) {
                problems.add(new FieldProblem(field + ".strategy", "is required"));
                continue;
            }
            StrategyDefinition definition = catalog.find(s.strategy().strip()).map(StrategyCatalog.Entry::definition).orElse(null);
            if (definition == null) {
                problems.add(new FieldProblem(field + ".strategy", "is no strategy of the catalog: '" + clip(s.strategy()) + "'"));
                continue;
            }
            String name = s.name() == null ? definition.metadata().code() : s.name().strip();
            if (!names.add(name)) {
                problems.add(new FieldProblem(field + ".name", "'" + clip(name) + "' names two strategies; give one another name"));
                continue;
            }
            Map<String, String> values = s.parameters() == null ? Map.of() : s.parameters();
            Set<String> known = new HashSet<>();
            definition.metadata().parameters().forEach(p -> known.add(p.name()));
            boolean unknown = false;
            for (Map.Entry<String, String> v : values.entrySet()) {
                if (!known.contains(v.getKey())) {
                    problems.add(new FieldProblem(field + ".parameters." + clip(v.getKey()), "is no parameter of " + definition.metadata().code()
                            + " (it has " + String.join(", ", known.stream().sorted().toList()) + ")"));
                    unknown = true;
                } else if (v.getValue() == null) {
                    problems.add(new FieldProblem(field + ".parameters." + v.getKey(), "must have a value"));
                    unknown = true;
                }
            }
            if (unknown) {
                continue;
            }
            Parameters parameters;
            try {
                parameters = Parameters.of(definition.metadata().parameters(), values);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field + ".parameters", e.getMessage()));
                continue;
            }
            try {
                instances.add(new StrategyInstance(name, definition, parameters, s.allocation(), s.symbols() == null ? List.of()
                        : s.symbols()));
            } catch (IllegalArgumentException | NullPointerException e) {
                String sub = e.getMessage() != null && e.getMessage().contains("budget") ? ".allocation"
                        : e.getMessage() != null && e.getMessage().contains("name") ? ".name" : "";
                problems.add(new FieldProblem(field + sub, String.valueOf(e.getMessage())));
            }
        }
        return instances;
    }

    private List<Security> securities(List<FieldProblem> problems, List<String> symbols) {
        List<Security> found = new ArrayList<>();
        if (symbols == null || symbols.isEmpty()) {
            problems.add(new FieldProblem("symbols", "must name at least one symbol with stored bars"));
            return found;
        }
        if (symbols.size() > MAX_SYMBOLS) {
            problems.add(new FieldProblem("symbols", "may have at most " + MAX_SYMBOLS + " symbols"));
            return found;
        }
        for (int i = 0; i < symbols.size(); i++) {
            String text = symbols.get(i);
            String field = "symbols[" + i + "]";
            if (text == null || text.isBlank() || text.length() > 60) {
                problems.add(new FieldProblem(field, "must be a ticker, optionally TICKER@EXCHANGE"));
                continue;
            }
            int at = text.indexOf('@');
            String ticker = (at < 0 ? text : text.substring(0, at)).strip();
            String exchange = at < 0 ? null : text.substring(at + 1).strip();
            try {
                securities.resolve(ticker, exchange).ifPresentOrElse(s -> {
                    if (found.stream().anyMatch(f -> f.id().equals(s.id()))) {
                        problems.add(new FieldProblem(field, s.label() + " is listed twice"));
                    } else {
                        found.add(s);
                    }
                }, () -> problems.add(new FieldProblem(field, "is no security of the database: '" + clip(text) + "'")));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, e.getMessage()));
            }
        }
        return found;
    }

    private static CommissionModel commission(BacktestRequest r, Currency currency) {
        List<CommissionModel> models = new ArrayList<>();
        if (r.commissionPerOrder() != null) {
            models.add(new FixedPerOrderCommission(Money.of(r.commissionPerOrder(), currency)));
        }
        if (r.commissionBps() != null) {
            models.add(new BasisPointsCommission(r.commissionBps()));
        }
        return models.isEmpty() ? new NoCommission() : models.size() == 1 ? models.get(0) : new CombinedCommission(models);
    }

    /** The costs given, named as the CLI's JSON names them. */
    private static Map<String, String> costs(BacktestRequest r) {
        Map<String, String> given = new LinkedHashMap<>();
        if (r.commissionPerOrder() != null) {
            given.put("commissionPerOrder", r.commissionPerOrder().stripTrailingZeros().toPlainString());
        }
        if (r.commissionBps() != null) {
            given.put("commissionBps", r.commissionBps().stripTrailingZeros().toPlainString());
        }
        if (r.slippageBps() != null) {
            given.put("slippageBps", r.slippageBps().stripTrailingZeros().toPlainString());
        }
        return given;
    }

    private static void nonNegative(List<FieldProblem> problems, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(new FieldProblem(field, "must be at least 0"));
        }
    }

    /** A date (inclusive: {@code to} means the whole day) or an ISO-8601 time with a zone, as the CLI's --from and --to. */
    private static Instant instant(List<FieldProblem> problems, String field, String text, boolean after) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (after ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant time = OffsetDateTime.parse(text).toInstant();
            return after ? time.plusSeconds(1) : time;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date (2019-01-02) or an ISO-8601 time with a zone"));
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
