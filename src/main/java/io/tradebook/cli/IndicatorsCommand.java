package io.tradebook.cli;

import io.tradebook.core.indicators.IndicatorSpec;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.marketdata.BarCsv;
import io.tradebook.marketdata.BarFile;
import io.tradebook.marketdata.BarFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tradebook indicators FILE.csv --indicator rsi:14 --indicator sma:20}: computes streaming
 * indicators over a bar file and prints {@code date,<one column per output>} as CSV (see
 * {@link IndicatorTable} for the format). The file and every spec are checked before anything is
 * printed or written: a bad spec, timeframe, file or row exits 2 with a message and writes
 * nothing. With {@code -o} the table goes to a temporary file moved into place when complete.
 */
@Command(name = "indicators", description = {
    "Compute technical indicators over a bar file and print date,<columns> as CSV.",
    "Cells are empty during warm-up; numbers are rounded to 8 decimals.",
    "Specs, with their defaults: sma:20 ema:20 rsi:14 atr:14 dmi:14 (or adx:14)",
    "bbands:20:2 donchian:20 macd:12:26:9. See docs/indicators.md."})
final class IndicatorsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The bars, in time order.")
    Path file;

    @Option(names = {"-i", "--indicator"}, required = true, split = ",", paramLabel = "SPEC",
            description = "An indicator spec such as rsi:14 or bbands:20:2; repeat it (or separate specs with commas) for more.")
    List<String> indicators;

    @Option(names = "--timeframe", defaultValue = "1d", paramLabel = "TF", description = "Bar length: 1m, 5m, 15m, 1h, 4h or 1d (default ${DEFAULT-VALUE}).")
    String timeframe;

    @Option(names = "--ticker", paramLabel = "TICKER", description = "The column to read from a table of closes (one column per ticker).")
    String ticker;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv", description = "Write the table to this file instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<IndicatorSpec> specs = specs();
        Timeframe frame = timeframe();
        BarFile bars = read(frame);
        if (bars.closeOnly()) {
            for (IndicatorSpec indicator : specs) {
                if (indicator.usesHighLow()) {
                    throw new UserInputException(indicator + " needs highs and lows, but " + file
                            + " has closes only; use close-based indicators (sma, ema, rsi, bbands, macd)");
                }
            }
        }
        for (String note : bars.notes()) {
            spec.commandLine().getErr().println("tradebook: note: " + note);
        }
        IndicatorTable table = new IndicatorTable(specs, frame);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            table.write(bars.bars(), out);
            out.flush();
        } else {
            writeFile(table, bars);
        }
        return 0;
    }

    private List<IndicatorSpec> specs() {
        List<IndicatorSpec> specs = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (String text : indicators) {
            IndicatorSpec parsed;
            try {
                parsed = IndicatorSpec.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--indicator: " + e.getMessage(), e);
            }
            for (String column : parsed.columns()) {
                if (columns.contains(column)) {
                    throw new UserInputException("--indicator: column " + column + " is asked for twice (" + parsed + ")");
                }
                columns.add(column);
            }
            specs.add(parsed);
        }
        return specs;
    }

    private Timeframe timeframe() {
        try {
            return Timeframe.parse(timeframe);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--timeframe: " + e.getMessage(), e);
        }
    }

    private BarFile read(Timeframe frame) {
        try {
            if (ticker != null) {
                return BarCsv.readColumn(file, ticker, frame);
            }
            String name = file.getFileName() == null ? "bars" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return BarCsv.read(file, name.isBlank() ? "bars" : name, frame);
        } catch (BarFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private void writeFile(IndicatorTable table, BarFile bars) throws IOException {
        Path target = output.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UserInputException("-o: no such directory: " + directory);
        }
        if (Files.isDirectory(target)) {
            throw new UserInputException("-o: " + output + " is a directory");
        }
        Path temporary = Files.createTempFile(directory, ".indicators-", ".csv.tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                table.write(bars.bars(), out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
