package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Currency;
import io.tradebook.research.AccountPerformance;
import io.tradebook.store.AccountRepository;
import io.tradebook.store.FillHistory;
import io.tradebook.store.JournalHistory;
import io.tradebook.store.Owned;
import io.tradebook.store.StrategyPerformanceRepository;
import io.tradebook.store.StrategyPerformanceRepository.Snapshot;
import io.tradebook.trading.AccountService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Performance per account and per strategy activation ({@code /api/accounts/{accountId}/performance},
 * {@code …/strategies/{activationId}/performance}): metrics, equity curve and drawdown from the
 * account's books history ({@link AccountPerformance}), round trips and fills; and the
 * activation's saved performance snapshots (seed 003 {@code strategy_performance}). Read only,
 * except that saving a snapshot stores one.
 */
final class PerformanceRoutes implements RouteModule {
    private static final String TAG = "Performance";
    private static final String ACCOUNT_PATH = "/api/accounts/{accountId}";
    private static final String ACTIVATION_PATH = ACCOUNT_PATH + "/strategies/{activationId}/performance";
    private static final String ACCOUNT = "The account's id";
    private static final String ACTIVATION = "The strategy activation's id";
    private static final MathContext DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    /** A point of an equity curve. Immutable. */
    record EquityPoint(Instant time, BigDecimal equity) {
    }

    /** A point of a drawdown series: the fraction below the highest equity so far. Immutable. */
    record DrawdownPoint(Instant time, BigDecimal drawdown) {
    }

    /** One strategy's line in an account's performance. Immutable. */
    record StrategyLine(UUID activationId, String name, @JsonPropertyDescription("What its returns are measured on") BigDecimal capital,
                        BigDecimal equity, Map<String, Object> metrics) {
    }

    /** An account's performance. Immutable. */
    record AccountPerformanceView(UUID accountId, String currency, BigDecimal cash, BigDecimal equity, BigDecimal totalReturn,
                                  BigDecimal dayReturn,
                                  @JsonPropertyDescription("docs/metrics.md: decimals as strings, null when undefined; trades a count")
                                  Map<String, Object> metrics, List<EquityPoint> equityCurve, List<DrawdownPoint> drawdown,
                                  List<StrategyLine> strategies) {
    }

    /** A finished round trip. Immutable. */
    record RoundTripView(String symbol, String direction, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal size, Instant entryTime,
                         Instant exitTime, BigDecimal pnl, BigDecimal fees) {
        static RoundTripView of(RoundTrip t) {
            return new RoundTripView(t.symbol(), t.direction().name(), Plain.of(t.entryPrice()), t.exitPrice() == null ? null
                    : Plain.of(t.exitPrice()), Plain.of(t.size().value()), t.entryTime(), t.exitTime(), Plain.of(t.pnl()), Plain.of(t.fees()));
        }
    }

    /** A fill of the strategy. Immutable. */
    record StrategyFillView(long id, UUID orderId, String symbol, String side, BigDecimal quantity, BigDecimal price, BigDecimal fee,
                    Instant executedAt) {
    }

    /** A strategy activation's performance. Immutable. */
    record StrategyPerformanceView(UUID activationId, String name, BigDecimal capital, BigDecimal equity, Map<String, Object> metrics,
                                   List<EquityPoint> equityCurve, List<DrawdownPoint> drawdown, List<RoundTripView> roundTrips,
                                   @JsonPropertyDescription("Newest first, at most 500") List<StrategyFillView> fills) {
    }

    /** A saved performance snapshot. Immutable. */
    record SnapshotView(UUID id, Instant snapshotAt, Instant periodStart, Instant periodEnd, BigDecimal totalReturn, BigDecimal cagr,
                        BigDecimal volatility, BigDecimal sharpe, BigDecimal sortino, BigDecimal maxDrawdown, BigDecimal calmar,
                        BigDecimal winRate, BigDecimal profitFactor, int trades, BigDecimal exposure) {
        static SnapshotView of(Snapshot s) {
            return new SnapshotView(s.id(), s.snapshotAt(), s.periodStart(), s.periodEnd(), s.totalReturn(), s.cagr(), s.volatility(),
                    s.sharpe(), s.sortino(), s.maxDrawdown(), s.calmar(), s.winRate(), s.profitFactor(), s.tradesCount(), s.exposure());
        }
    }

    /** An activation's snapshots, newest first. Immutable. */
    record SnapshotList(List<SnapshotView> snapshots) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        var jdbi = context.database().jdbi();
        AccountRepository accounts = new AccountRepository(jdbi);
        AccountService service = context.trading().accounts();
        FillHistory fills = new FillHistory(jdbi);
        AccountPerformance performance = new AccountPerformance(new JournalHistory(jdbi), fills, context.trading().prices());
        StrategyPerformanceRepository snapshots = new StrategyPerformanceRepository(jdbi);

        routes.add(Route.get(ACCOUNT_PATH + "/performance").tag(TAG).summary("The account's performance: metrics, equity curve, drawdown, "
                        + "each strategy").access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .responds(200, AccountPerformanceView.class, "From the books' history, valued now at the latest prices")
                .handle(call -> {
                    UUID id = call.id("accountId");
                    AccountService.AccountState state = service.state(id).orElseThrow(() -> Problems.notFound("no account " + id));
                    List<AccountRepository.Activation> activations = accounts.listActivations(id);
                    RunPerformance run = measure(performance, id, state, activations, call.now());
                    List<StrategyLine> lines = new ArrayList<>();
                    for (AccountRepository.Activation a : activations) {
                        AccountPerformance.strategy(run, a.name()).ifPresent(s -> lines.add(new StrategyLine(a.id(), a.name(),
                                Plain.of(s.startEquity()), Plain.of(s.finalEquity()), metrics(s.metrics()))));
                    }
                    PerformanceSummary whole = run.run();
                    return Reply.ok(new AccountPerformanceView(id, state.details().currency(), Plain.of(state.valuation().cash()),
                            Plain.of(state.valuation().equity()), Plain.of(state.totalReturn()), Plain.of(state.dayReturn()),
                            metrics(whole.metrics()), curve(whole.curve()), drawdown(whole.curve()), lines));
                }));
        routes.add(Route.get(ACTIVATION_PATH).tag(TAG).summary("A strategy's performance in the account: metrics, curve, round trips, fills")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION)
                .responds(200, StrategyPerformanceView.class, "From the books' history, valued now at the latest prices")
                .handle(call -> {
                    UUID id = call.id("accountId");
                    AccountRepository.Activation a = activation(accounts, id, call.id("activationId"));
                    PerformanceSummary s = strategySummary(performance, service, accounts, id, a, call.now());
                    List<StrategyFillView> strategyFills = fills.list(id, new FillHistory.Filter(a.name(), null, null, null, null), null,
                            Paging.MAX_LIMIT).items().stream().map(f -> new StrategyFillView(f.id(), f.orderId(), f.symbol(), f.side().name(),
                            Plain.of(f.quantity()), Plain.of(f.price()), Plain.of(f.fee()), f.executedAt())).toList();
                    return Reply.ok(new StrategyPerformanceView(a.id(), a.name(), Plain.of(s.startEquity()), Plain.of(s.finalEquity()),
                            metrics(s.metrics()), curve(s.curve()), drawdown(s.curve()),
                            s.roundTrips().stream().map(RoundTripView::of).toList(), strategyFills));
                }));
        routes.add(Route.post(ACTIVATION_PATH + "/snapshots").tag(TAG).summary("Save the strategy's performance now as a snapshot")
                .access(Access.scope(Scope.TRADE)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION)
                .responds(201, SnapshotView.class, "The snapshot (source LIVE), over the books' whole history")
                .handle(call -> {
                    UUID id = call.id("accountId");
                    AccountRepository.Activation a = activation(accounts, id, call.id("activationId"));
                    PerformanceSummary s = strategySummary(performance, service, accounts, id, a, call.now());
                    EquityCurve c = s.curve();
                    return Reply.created(SnapshotView.of(snapshots.save(Snapshot.ofActivation(id, a.id(),
                            StrategyPerformanceRepository.Source.LIVE, call.now(), c.time(0), c.time(c.size() - 1), s.metrics()))));
                }));
        routes.add(Route.get(ACTIVATION_PATH + "/snapshots").tag(TAG).summary("The strategy's saved performance snapshots")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .owned("activationId", Owned.STRATEGY_ACTIVATION, ACTIVATION)
                .responds(200, SnapshotList.class, "Newest first")
                .handle(call -> {
                    AccountRepository.Activation a = activation(accounts, call.id("accountId"), call.id("activationId"));
                    List<SnapshotView> list = new ArrayList<>(snapshots.listForActivation(a.id()).stream().map(SnapshotView::of).toList());
                    list.sort((x, y) -> y.snapshotAt().compareTo(x.snapshotAt()));
                    return Reply.ok(new SnapshotList(list));
                }));
    }

    private static AccountRepository.Activation activation(AccountRepository accounts, UUID accountId, UUID activationId) {
        return accounts.listActivations(accountId).stream().filter(a -> a.id().equals(activationId)).findFirst()
                .orElseThrow(() -> Problems.notFound("no strategy activation " + activationId + " in account " + accountId));
    }

    private static RunPerformance measure(AccountPerformance performance, UUID accountId, AccountService.AccountState state,
                                          List<AccountRepository.Activation> activations, Instant now) {
        Set<String> names = new LinkedHashSet<>();
        activations.forEach(a -> names.add(a.name()));
        return performance.measure(accountId, Currency.of(state.details().currency()), names, now);
    }

    private static PerformanceSummary strategySummary(AccountPerformance performance, AccountService service, AccountRepository accounts,
                                                      UUID accountId, AccountRepository.Activation a, Instant now) {
        AccountService.AccountState state = service.state(accountId).orElseThrow(() -> Problems.notFound("no account " + accountId));
        RunPerformance run = measure(performance, accountId, state, accounts.listActivations(accountId), now);
        return AccountPerformance.strategy(run, a.name()).orElseThrow();
    }

    static Map<String, Object> metrics(Metrics metrics) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> m : metrics.byName().entrySet()) {
            named.put(m.getKey(), m.getKey().equals("trades") ? (Object) metrics.trades() : m.getValue().plain());
        }
        return named;
    }

    static List<EquityPoint> curve(EquityCurve curve) {
        List<EquityPoint> points = new ArrayList<>(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            points.add(new EquityPoint(curve.time(i), Plain.of(curve.equity(i))));
        }
        return points;
    }

    /** 1 − equity / the highest equity so far (0 at a new high; 0 while the high is not above 0). */
    static List<DrawdownPoint> drawdown(EquityCurve curve) {
        List<DrawdownPoint> points = new ArrayList<>(curve.size());
        BigDecimal peak = null;
        for (int i = 0; i < curve.size(); i++) {
            BigDecimal equity = curve.equity(i);
            peak = peak == null || equity.compareTo(peak) > 0 ? equity : peak;
            BigDecimal dd = peak.signum() <= 0 ? BigDecimal.ZERO : peak.subtract(equity).divide(peak, DIGITS);
            points.add(new DrawdownPoint(curve.time(i), Plain.of(dd)));
        }
        return points;
    }
}
