package io.tradebook.cli;

import io.tradebook.core.marketdata.AggregatedBar;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.BarAggregator;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.marketdata.BarCsvWriter;
import io.tradebook.store.Database;
import io.tradebook.store.PriceHistoryRepository;
import io.tradebook.store.PriceHistoryRepository.StoredSeries;
import io.tradebook.store.Security;
import io.tradebook.store.SecurityRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook export bars --symbol X --timeframe 1d}: writes a stored series in the bar file
 * format {@code import bars} reads, streaming it from the database. When the timeframe asked for
 * is not stored, the bars are built from the longest shorter stored timeframe (or the one
 * {@code --from-timeframe} names) by {@link BarAggregator}, and the summary says how many buckets
 * miss some of their shorter bars. With {@code -o}, the file appears only when complete; without,
 * the CSV goes to standard output and the summary to standard error.
 */
@Command(name = "bars", description = {
    "Export the stored bars of a symbol as CSV (the format import bars reads).",
    "A timeframe that is not stored is built from a shorter stored one (aggregation)."})
final class ExportBarsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--symbol", required = true, description = "Ticker of the security.")
    String symbol;

    @Option(names = "--exchange", description = "Exchange of the security (needed when several list the ticker).")
    String exchange;

    @Option(names = "--timeframe", required = true, description = "Bar length to export: 1m, 5m, 15m, 1h, 4h or 1d.")
    String timeframe;

    @Option(names = "--from-timeframe", description = "Build the bars from this shorter stored timeframe "
            + "(default: the timeframe itself when stored, else the longest shorter one stored).")
    String fromTimeframe;

    @Option(names = "--from", description = "First bar to export: a date (2013-01-02) or an ISO-8601 time.")
    String from;

    @Option(names = "--to", description = "Last bar to export: a date (the whole day) or an ISO-8601 time.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Timeframe target = MarketDataOptions.timeframe("--timeframe", timeframe);
        Timeframe asked = fromTimeframe == null ? null : MarketDataOptions.timeframe("--from-timeframe", fromTimeframe);
        if (asked != null && asked != target) {
            try {
                asked.barsIn(target);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--from-timeframe: " + e.getMessage(), e);
            }
        }
        Instant start = MarketDataOptions.from("--from", from);
        Instant until = MarketDataOptions.until("--to", to);
        if (start != null && until != null && !start.isBefore(until)) {
            throw new UserInputException("--from " + from + " is after --to " + to);
        }
        try (Database database = db.openMigrated()) {
            Security security = MarketDataOptions.security(new SecurityRepository(database.jdbi()), symbol.trim(), exchange);
            PriceHistoryRepository prices = new PriceHistoryRepository(database.jdbi());
            Timeframe source = asked != null ? asked : sourceOf(prices, security, target);
            boolean aggregating = source != target;
            // Aggregated bars cover whole buckets: widen the range to the target's boundaries.
            Instant low = aggregating && start != null ? target.floor(start) : start;
            Instant high = aggregating && until != null && !target.isBarStart(until) ? target.next(target.floor(until)) : until;
            StoredSeries stored = prices.series(security, source, low, high).orElseThrow(() -> new UserInputException("no " + source
                    + " bars of " + security.label() + (start == null && until == null ? "" : " in the range given") + "; stored: "
                    + stored(prices, security) + "; nothing was written"));
            if (aggregating && stored.closeOnlyBars() > 0 && !stored.closeOnly()) {
                throw new UserInputException("the stored " + source + " bars of " + security.label() + " mix close-only and full bars, "
                        + "which cannot be aggregated together; export them as " + source + "; nothing was written");
            }
            Export export = new Export(target, source, stored.closeOnly());
            write(export, sink -> prices.forEach(security, source, low, high, sink));
            report(export, security, stored);
        }
        return 0;
    }

    private static Timeframe sourceOf(PriceHistoryRepository prices, Security security, Timeframe target) {
        List<StoredSeries> series = prices.series(security);
        if (series.stream().anyMatch(s -> s.timeframe() == target)) {
            return target;
        }
        return series.stream().map(StoredSeries::timeframe).filter(t -> t.compareTo(target) < 0).reduce((a, b) -> b)
                .orElseThrow(() -> new UserInputException("no " + target + " bars of " + security.label()
                        + " and no shorter ones to build them from; stored: " + stored(prices, security) + "; nothing was written"));
    }

    private static String stored(PriceHistoryRepository prices, Security security) {
        List<StoredSeries> series = prices.series(security);
        return series.isEmpty() ? "nothing" : series.stream()
                .map(s -> s.timeframe() + " (" + s.bars() + " bars, " + s.first() + " to " + s.last() + ")")
                .collect(Collectors.joining(", "));
    }

    /** What one export wrote: the bars, and for aggregation the buckets that missed some shorter bars. */
    private static final class Export {
        final Timeframe target;
        final Timeframe source;
        final boolean closeOnly;
        long read;
        long written;
        long incomplete;
        String firstIncomplete;
        Instant first;
        Instant last;

        Export(Timeframe target, Timeframe source, boolean closeOnly) {
            this.target = target;
            this.source = source;
            this.closeOnly = closeOnly;
        }
    }

    private void write(Export export, Consumer<Consumer<Bar>> bars) throws IOException {
        if (output == null) {
            writeTo(spec.commandLine().getOut(), export, bars);
            spec.commandLine().getOut().flush();
            return;
        }
        Path target = output.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writeTo(out, export, bars);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void writeTo(Writer out, Export export, Consumer<Consumer<Bar>> bars) throws IOException {
        BarCsvWriter writer = new BarCsvWriter(out, export.target, export.closeOnly);
        Consumer<Bar> row = bar -> {
            try {
                writer.write(bar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (export.written++ == 0) {
                export.first = bar.time();
            }
            export.last = bar.time();
        };
        try {
            if (export.source == export.target) {
                bars.accept(bar -> {
                    export.read++;
                    row.accept(bar);
                });
                return;
            }
            BarAggregator aggregator = new BarAggregator(export.source, export.target);
            Consumer<AggregatedBar> bucket = built -> {
                if (!built.isComplete() && export.incomplete++ == 0) {
                    export.firstIncomplete = built.bar().time() + " has " + built.barCount() + " of " + built.expectedBars();
                }
                row.accept(built.bar());
            };
            bars.accept(bar -> {
                export.read++;
                aggregator.add(bar).ifPresent(bucket);
            });
            aggregator.finish().ifPresent(bucket);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void report(Export export, Security security, StoredSeries stored) {
        PrintWriter report = output == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
        String where = output == null ? "standard output" : output.toString();
        if (export.source == export.target) {
            report.printf("exported %d %s bars of %s from %s to %s to %s%n", export.written, export.target, security.label(), export.first,
                    export.last, where);
            return;
        }
        report.printf("built %d %s bars of %s from %d stored %s bars (%s to %s) and wrote them to %s%n", export.written, export.target,
                security.label(), export.read, export.source, stored.first(), stored.last(), where);
        if (export.incomplete > 0) {
            report.printf("note: %d of the %d %s bars miss some %s bars; first: %s%n", export.incomplete, export.written, export.target,
                    export.source, export.firstIncomplete);
        }
        report.flush();
    }
}
