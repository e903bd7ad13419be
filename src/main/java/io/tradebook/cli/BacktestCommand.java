package io.tradebook.cli;

import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.backtest.Backtest;
import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.backtest.BacktestSettings;
import io.tradebook.core.backtest.GridResult;
import io.tradebook.core.backtest.GridSearch;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.report.BacktestJson;
import io.tradebook.report.BacktestReport;
import io.tradebook.store.BacktestSnapshots;
import io.tradebook.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook backtest}: runs strategies over bars (files, bundled data or the database)
 * through the order path on a simulated clock and prints what happened; or, with {@code --grid},
 * runs a parameter grid on every core and prints the combinations ranked. Every option is checked,
 * every file read and the plan built before anything runs or is written: bad input exits 2 with a
 * message and writes nothing. See {@code docs/backtesting.md}.
 */
@Command(name = "backtest", description = {
    "Run strategies over bars through the order path (risk, buying power, paper broker, books) on a simulated clock.",
    "Strategies: --strategy [NAME=]CODE[:k=v,...] (repeat for several); see 'tradebook strategies'.",
    "Without --json the summary goes to standard output; with --json - the JSON does. See docs/backtesting.md."})
final class BacktestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--strategy", required = true, paramLabel = "[NAME=]CODE[:k=v,...]",
            description = "A strategy of the catalog, named NAME in the books (default: its code), with parameter values.")
    List<String> strategies;

    @Option(names = "--param", paramLabel = "[NAME.]k=v", description = "A parameter value (NAME. may be left out with one strategy).")
    List<String> params = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "NAME=FRACTION",
            description = "Give strategy NAME a segregated budget of FRACTION of the cash (default: all share the pool).")
    List<String> budgets = new ArrayList<>();

    @Option(names = "--symbols", paramLabel = "NAME=SYM[,SYM...]", description = "The symbols strategy NAME trades (default: all).")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--data", paramLabel = "SYMBOL[=FILE.csv]",
            description = "Bars of SYMBOL from a CSV file, or the bundled data of SYMBOL when no file is given (SPX, AAPL, ETHUSD, BTCUSD).")
    List<String> data = new ArrayList<>();

    @Option(names = "--db-symbol", paramLabel = "TICKER[@EXCHANGE]", description = "Bars of a security stored in the database.")
    List<String> dbSymbols = new ArrayList<>();

    @Option(names = "--instrument", paramLabel = "SYMBOL=TYPE",
            description = "The type of a --data symbol: equity (default), etf, index, bond, option, future, crypto (lots of 1e-8).")
    List<String> instruments = new ArrayList<>();

    @Option(names = "--timeframe", paramLabel = "TF", description = "Bar length: 1m, 5m, 15m, 1h, 4h or 1d (default: the data's own: a file's times, a bundled series', the one stored).")
    String timeframe;

    @Option(names = "--cash", defaultValue = "100000", paramLabel = "AMOUNT", description = "Starting cash (default ${DEFAULT-VALUE}).")
    String cash;

    @Option(names = "--currency", defaultValue = "USD", paramLabel = "CODE", description = "Currency of the cash and prices (default ${DEFAULT-VALUE}).")
    String currency;

    @Option(names = "--account-type", defaultValue = "cash", paramLabel = "cash|margin",
            description = "CASH: no shorting, buys only with cash held; MARGIN: Reg-T 50% for pooled strategies (default ${DEFAULT-VALUE}).")
    String accountType;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (or ISO time) of bars used.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (inclusive, or ISO time) of bars used.")
    String to;

    @Option(names = "--commission-per-order", paramLabel = "X", description = "A fixed commission per order.")
    String commissionPerOrder;

    @Option(names = "--commission-bps", paramLabel = "X", description = "A commission of X basis points of each fill's value.")
    String commissionBps;

    @Option(names = "--commission-per-share", paramLabel = "X", description = "A commission of X per unit filled ...")
    String commissionPerShare;

    @Option(names = "--commission-min", paramLabel = "X", description = "... with at least X per order (with --commission-per-share).")
    String commissionMin;

    @Option(names = "--slippage-bps", paramLabel = "X", description = "Fills X basis points worse than the matched price.")
    String slippageBps;

    @Option(names = "--slippage", paramLabel = "X", description = "Fills X per unit worse than the matched price.")
    String slippage;

    @Option(names = "--periods-per-year", paramLabel = "N", description = "Periods a year of the daily returns (default 252; 365 for crypto).")
    String periodsPerYear;

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the result as JSON to FILE (- for standard output).")
    String json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report.")
    Path report;

    @Option(names = "--save", description = "Store each strategy's metrics as a BACKTEST performance snapshot in the database.")
    boolean save;

    @Option(names = "--grid", paramLabel = "[NAME.]k=FROM..TO:STEP|A,B,...",
            description = "Vary a parameter (repeat for more): runs every combination on all cores and ranks them.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--rank", defaultValue = "sharpe", paramLabel = "METRIC", description = "Metric a grid is ranked by (default ${DEFAULT-VALUE}).")
    String rank;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of a grid search (default: one per core).")
    Integer threads;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Folder of strategy plugin jars (default: $TRADEBOOK_PLUGINS, else ./plugins if present).")
    Path plugins;

    @Option(names = "--no-progress", description = "Never show a progress bar (it shows only when standard error is a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        StrategyCatalog catalog = Plugins.catalog(plugins);
        List<StrategyInstance> instances = StrategyOptions.parse(catalog, strategies, params, budgets, symbols);
        StrategyOptions.GridPlan gridPlan = grid.isEmpty() ? null : StrategyOptions.grid(grid, instances);
        Currency money = MarketDataOptions.currency(currency);
        BacktestSettings settings = settings(money);
        Timeframe frame = timeframe == null ? Timeframe.D1 : MarketDataOptions.timeframe("--timeframe", timeframe);
        Instant start = MarketDataOptions.from("--from", from);
        Instant until = MarketDataOptions.until("--to", to);
        if (start != null && until != null && !start.isBefore(until)) {
            throw new UserInputException("--from " + from + " is after --to " + to);
        }
        OutputFile jsonFile = json == null || json.equals("-") ? null : OutputFile.checked("--json", Path.of(json));
        OutputFile reportFile = report == null ? null : OutputFile.checked("--report", report);
        if (gridPlan != null && reportFile != null) {
            throw new UserInputException("--report shows one run; a --grid prints (or --json writes) the ranked combinations");
        }
        if (gridPlan != null && save) {
            throw new UserInputException("--save stores one run; a --grid is not saved");
        }
        if (data.isEmpty() && dbSymbols.isEmpty()) {
            throw new UserInputException("no bars: give --data SYMBOL=FILE.csv, --data SYMBOL (bundled) or --db-symbol TICKER");
        }
        PrintWriter err = spec.commandLine().getErr();
        BarSources sources = new BarSources(frame, timeframe != null, money, instruments, err);
        List<BarSources.Source> read = new ArrayList<>(sources.files(data, start, until));
        try (Database database = dbSymbols.isEmpty() && !save ? null : db.openMigrated()) {
            if (!dbSymbols.isEmpty()) {
                read.addAll(sources.stored(database, dbSymbols, start, until));
            }
            return run(catalog, instances, settings, read, gridPlan, jsonFile, reportFile, database);
        }
    }

    private int run(StrategyCatalog catalog, List<StrategyInstance> instances, BacktestSettings settings, List<BarSources.Source> read,
                    StrategyOptions.GridPlan gridPlan, OutputFile jsonFile, OutputFile reportFile, Database database) throws IOException {
        BacktestPlan plan;
        try {
            plan = new BacktestPlan(read.stream().map(BarSources.Source::series).toList(), instances, settings);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Map<String, String> origins = new LinkedHashMap<>();
        read.forEach(s -> origins.put(s.series().symbol(), s.origin()));
        String frameCode = String.join(",", read.stream().map(s -> s.timeframe().code()).distinct().toList());
        if (gridPlan != null) {
            return grid(plan, gridPlan, jsonFile);
        }
        BacktestResult result;
        try (TerminalProgress progress = TerminalProgress.open("backtest", "bars", !noProgress && plan.bars() >= 50_000)) {
            result = Backtest.run(plan, progress);
        }
        if (!result.bookDifferences().isEmpty()) {
            throw new IllegalStateException("the books of the run differ from their journal: " + result.bookDifferences().get(0));
        }
        if (save) {
            int saved = BacktestSnapshots.save(database, catalog, result, Instant.now()).size();
            spec.commandLine().getErr().println("tradebook: saved " + saved + " performance snapshot" + (saved == 1 ? "" : "s"));
        }
        BacktestJson.RunInfo info = new BacktestJson.RunInfo(frameCode, origins, costs());
        PrintWriter out = spec.commandLine().getOut();
        if (jsonFile != null) {
            jsonFile.write(w -> BacktestJson.write(result, info, w));
        }
        if (reportFile != null) {
            reportFile.write(w -> w.write(BacktestReport.html(result, info)));
        }
        if ("-".equals(json)) {
            BacktestJson.write(result, info, out);
        } else {
            BacktestSummary.print(result, info, out);
        }
        out.flush();
        return 0;
    }

    private int grid(BacktestPlan plan, StrategyOptions.GridPlan gridPlan, OutputFile jsonFile) throws IOException {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads must be at least 1");
        }
        GridResult result;
        try (TerminalProgress progress = TerminalProgress.open("grid", "runs", !noProgress)) {
            result = GridSearch.run(plan, gridPlan.strategy(), gridPlan.axes(), rank, n, progress);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--grid: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (jsonFile != null) {
            jsonFile.write(w -> BacktestJson.write(result, w));
        }
        if ("-".equals(json)) {
            BacktestJson.write(result, out);
        } else {
            GridTable.print(result, out);
        }
        out.flush();
        return 0;
    }

    private BacktestSettings settings(Currency money) {
        Money start = Money.of(positive("--cash", cash), money);
        AccountType type = switch (accountType.toLowerCase(Locale.ROOT)) {
            case "cash" -> AccountType.CASH;
            case "margin" -> AccountType.MARGIN;
            default -> throw new UserInputException("--account-type must be cash or margin, not '" + accountType + "'");
        };
        MetricSettings metrics = MetricSettings.daily();
        if (periodsPerYear != null) {
            metrics = metrics.withPeriodsPerYear(positive("--periods-per-year", periodsPerYear).doubleValue());
        }
        return BacktestSettings.of(start).withAccountType(type).withCommission(Costs.commission(this, money))
                .withSlippage(Costs.slippage(this)).withMetrics(metrics);
    }

    /** The costs given, by option name, for the JSON's run section. */
    private Map<String, String> costs() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "commissionPerOrder", commissionPerOrder);
        put(given, "commissionBps", commissionBps);
        put(given, "commissionPerShare", commissionPerShare);
        put(given, "commissionMin", commissionMin);
        put(given, "slippageBps", slippageBps);
        put(given, "slippage", slippage);
        return given;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, new BigDecimal(value.strip()).stripTrailingZeros().toPlainString());
        }
    }

    static BigDecimal positive(String option, String text) {
        BigDecimal value = Costs.decimal(option, text);
        if (value.signum() <= 0) {
            throw new UserInputException(option + " must be above 0, not " + text);
        }
        return value;
    }
}
