package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Bar files: CSV with a header and one bar per row, read whole and checked before anything uses
 * them. Three layouts (docs/market-data.md has every rule):
 * <ul>
 *   <li>OHLCV: {@code date,open,high,low,close,volume};</li>
 *   <li>close only: {@code date,close};</li>
 *   <li>a table of closes, one column per ticker: {@code date,AA,AXP,…}; read one column with
 *       {@link #readColumn}, list them with {@link #columns}.</li>
 * </ul>
 * The first column is a date ({@code 2013-01-02}, the daily bar starting 00:00 UTC) or an ISO-8601
 * instant with a zone ({@code 2013-11-25T00:05:00Z}), the start of the bar. Prices and volumes are
 * plain decimals kept exactly (up to 12 and 8 decimals).
 *
 * <p>Odd but readable cases are handled and told in {@link BarFile#notes()}: a repeated row, a
 * leading padding copy, gaps, close-only data, fractional volumes, offsets, blank lines. Anything
 * malformed (a bad number or date, a time that does not start a bar of the timeframe, rows out of
 * order, one time with two different bars, high below low, a negative volume, a wrong header, an
 * empty file) throws {@link BarFileException} naming the row and line, and no bars are returned.
 * Stateless and thread-safe; the bars' prices are in USD unless a currency is given.
 */
public final class BarCsv {
    /** The OHLCV header written by {@link #write} for full bars. */
    public static final String OHLCV_HEADER = "date,open,high,low,close,volume";
    /** The header written by {@link #write} when every bar is close-only. */
    public static final String CLOSE_HEADER = "date,close";

    private BarCsv() {
    }

    /** The bars of an OHLCV or close-only file, named {@code symbol}, priced in USD. */
    public static BarFile read(Path file, String symbol, Timeframe timeframe) {
        return read(file, symbol, timeframe, Currency.USD);
    }

    /** The bars of an OHLCV or close-only file, named {@code symbol}, priced in {@code currency}. */
    public static BarFile read(Path file, String symbol, Timeframe timeframe, Currency currency) {
        requireSymbol(symbol);
        return withFile(file, in -> new BarCsvReader(file.toString(), timeframe, currency).read(in, symbol, null));
    }

    /** The closes of one ticker column of a table file, named by that column, priced in USD. */
    public static BarFile readColumn(Path file, String ticker, Timeframe timeframe) {
        return readColumn(file, ticker, null, timeframe, Currency.USD);
    }

    /**
     * The closes of column {@code ticker} of a table file (matched exactly, else ignoring case), as
     * close-only bars named {@code symbol} (the column's name when null), in {@code currency}.
     */
    public static BarFile readColumn(Path file, String ticker, String symbol, Timeframe timeframe, Currency currency) {
        Objects.requireNonNull(ticker, "ticker");
        return withFile(file, in -> new BarCsvReader(file.toString(), timeframe, currency).read(in, symbol, ticker));
    }

    /**
     * Reads any layout from an open reader (a bundled resource, standard input): the column
     * {@code ticker} of a table when not null, else the OHLCV or close series. {@code source} names
     * the input in messages. The reader is read to its end but not closed.
     */
    public static BarFile read(BufferedReader in, String source, String symbol, String ticker, Timeframe timeframe, Currency currency) {
        if (ticker == null) {
            requireSymbol(symbol);
        }
        try {
            return new BarCsvReader(source, timeframe, currency).read(in, symbol, ticker);
        } catch (CharacterCodingException e) {
            throw new BarFileException(source, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The timeframe of a file's bars, for callers that are not told it: {@code 1d} when the times
     * are dates, else the shortest step between consecutive times among the first
     * {@value #SAMPLE} rows, which must be one of the timeframes. Reads only those rows.
     *
     * @throws BarFileException when the file has fewer than two times, a time that cannot be read,
     *                          or a shortest step that is no timeframe (e.g. 7 minutes)
     */
    public static Timeframe timeframeOf(Path file) {
        return withFile(file, in -> BarCsvTimeframe.timeframeOf(in, file.toString(), SAMPLE));
    }

    private static final int SAMPLE = 1_000;

    /** The ticker columns of a table file, in file order; empty for an OHLCV or close-only file. */
    public static List<String> columns(Path file) {
        return withFile(file, in -> BarCsvReader.header(in, file.toString()).tickers());
    }

    /**
     * Writes {@code bars} (one symbol, in time order) in the format this class reads, as
     * {@link BarCsvWriter} does (which writes one bar at a time, for series too long to hold).
     */
    public static void write(Iterable<Bar> bars, Timeframe timeframe, boolean closeOnly, Writer out) throws IOException {
        BarCsvWriter writer = new BarCsvWriter(out, timeframe, closeOnly);
        for (Bar bar : bars) {
            writer.write(bar);
        }
    }

    private interface Read<T> {
        T from(BufferedReader in) throws IOException;
    }

    private static <T> T withFile(Path file, Read<T> read) {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read.from(in);
        } catch (NoSuchFileException e) {
            throw new BarFileException(file.toString(), "no such file");
        } catch (CharacterCodingException e) {
            throw new BarFileException(file.toString(), "not UTF-8 text", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new BarFileException(file.toString(), "is a directory, not a file");
            }
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a symbol is required to name the bars");
        }
    }
}
