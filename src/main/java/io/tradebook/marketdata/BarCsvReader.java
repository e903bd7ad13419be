package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.marketdata.BarCsvHeader.Layout;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one series of bars from a bar file, checking every row, and collects what it did about
 * each odd case in {@link BarCsvNotes}. The rules (see docs/market-data.md): rows in strictly
 * increasing time order, each time the start of a bar of the timeframe; a row that repeats the row
 * before (same time, same values) is skipped; a first row that repeats every value of the second
 * under an earlier time is a padding copy and is skipped (only where that cannot be chance: an
 * OHLCV bar with a range and a volume, or a table of several tickers). One use; not thread-safe.
 */
final class BarCsvReader {
    private static final int PRICE_SCALE = 12;
    private static final int VOLUME_SCALE = 8;

    private final String source;
    private final Timeframe timeframe;
    private final Currency currency;
    private final BarCsvNotes notes;
    private final BarCsvTimes times = new BarCsvTimes();
    private final List<Bar> bars = new ArrayList<>();

    private BarCsvHeader header;
    private String symbol;
    private int column;
    private int row;
    private int line;

    private Bar previous;
    private int previousRow;
    private int previousLine;
    private Pending pending;

    /** The first bar, held until the second row says whether it is a padding copy. */
    private record Pending(Bar bar, String[] fields, int row, int line) {
    }

    BarCsvReader(String source, Timeframe timeframe, Currency currency) {
        this.source = source;
        this.timeframe = timeframe;
        this.currency = currency;
        this.notes = new BarCsvNotes(timeframe);
    }

    /** The header of {@code in}; refuses an empty file and a line 1 that is not a bar header. */
    static BarCsvHeader header(BufferedReader in, String source) throws IOException {
        String first = in.readLine();
        if (first == null) {
            throw new BarFileException(source, "the file is empty; expected a header line: " + BarCsvHeader.EXPECTED);
        }
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
            first = first.substring(1);
        }
        if (first.isBlank()) {
            throw new BarFileException(source, "line 1 is blank; expected a header line: " + BarCsvHeader.EXPECTED);
        }
        return BarCsvHeader.parse(source, first);
    }

    /**
     * Reads the series: a table's column {@code ticker} when not null (bars named {@code symbol},
     * or the column's own name when {@code symbol} is null), else the file's OHLCV or close column.
     */
    BarFile read(BufferedReader in, String symbol, String ticker) throws IOException {
        header = header(in, source);
        select(symbol, ticker);
        line = 1;
        String[] fields = new String[header.names.size()];
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            if (text.isBlank()) {
                notes.blankLine();
                continue;
            }
            row++;
            int count = BarCsvFields.split(text, fields);
            if (count != fields.length) {
                throw rowProblem((count > fields.length ? "more than " + fields.length : String.valueOf(count)) + " fields, but the header has "
                        + fields.length);
            }
            Bar bar;
            try {
                bar = bar(fields);
            } catch (IllegalArgumentException e) {
                throw rowProblem(e.getMessage());
            }
            if (bar != null) {
                offer(bar, fields);
            }
        }
        if (pending != null) {
            emit(pending.bar, pending.row, pending.line);
        }
        if (bars.isEmpty()) {
            throw new BarFileException(source, row == 0 ? "no bars: the file has a header but no rows"
                    : "no bars: none of the " + row + " rows has a value for " + this.symbol);
        }
        return new BarFile(source, this.symbol, timeframe, bars, row, notes.list());
    }

    private void select(String symbol, String ticker) {
        if (ticker == null) {
            if (header.layout == Layout.TABLE) {
                throw new BarFileException(source, "the file has one close column per ticker (" + shortList(header.tickers())
                        + "); choose one column to read");
            }
            this.symbol = symbol;
            if (header.layout == Layout.CLOSE) {
                notes.closeOnlySeries("a date,close file");
            }
            return;
        }
        if (header.layout != Layout.TABLE) {
            throw new BarFileException(source, "the file is not a table of ticker columns (its header is "
                    + String.join(",", header.names) + "), so there is no column '" + ticker + "' to choose; read it whole");
        }
        column = header.tickerColumn(ticker);
        if (column < 0) {
            throw new BarFileException(source, "there is no column '" + ticker + "'; the columns are " + String.join(", ", header.tickers()));
        }
        this.symbol = symbol != null ? symbol : header.names.get(column);
        notes.closeOnlySeries("column " + header.names.get(column) + " of a table of " + header.tickers().size() + " tickers' closes");
    }

    private static String shortList(List<String> tickers) {
        return tickers.size() <= 8 ? String.join(", ", tickers) : String.join(", ", tickers.subList(0, 8)) + ", … " + tickers.size() + " in all";
    }

    /** The bar of one row, or null when the row has no value to read (noted). */
    private Bar bar(String[] fields) {
        Instant time = time(fields[0]);
        if (header.layout == Layout.OHLCV) {
            return ohlcv(fields, time);
        }
        int at = header.layout == Layout.TABLE ? column : header.close;
        if (BarCsvFields.isMissing(fields[at])) {
            notes.emptyRow(row, line, time, header.layout == Layout.TABLE ? "no close for " + header.names.get(at) : "no close");
            return null;
        }
        return Bar.closeOnly(symbol, time, price(fields[at], "close"));
    }

    private Instant time(String text) {
        Instant time = times.parse(text);
        if (times.wasDate) {
            if (timeframe != Timeframe.D1) {
                throw new IllegalArgumentException("'" + text + "' is a date without a time of day, but " + timeframe
                        + " bars need one (2013-11-25T00:05:00Z); is the timeframe right?");
            }
            notes.date();
        } else if (times.hadOffset) {
            notes.offset(text, time);
        }
        if (!timeframe.isBarStart(time)) {
            throw new IllegalArgumentException(timeframe == Timeframe.D1
                    ? "time " + text + " is not 00:00 UTC, where a daily bar starts; write the date alone (2013-01-02), "
                            + "or is the timeframe wrong?"
                    : "time " + text + " does not start a " + timeframe + " bar (they start every "
                            + timeframe.duration().toMinutes() + " minutes from 00:00 UTC); is the timeframe right?");
        }
        return time;
    }

    private Bar ohlcv(String[] f, Instant time) {
        boolean noOpen = BarCsvFields.isMissing(f[header.open]);
        boolean noHigh = BarCsvFields.isMissing(f[header.high]);
        boolean noLow = BarCsvFields.isMissing(f[header.low]);
        boolean noClose = BarCsvFields.isMissing(f[header.close]);
        boolean noVolume = BarCsvFields.isMissing(f[header.volume]);
        if (noOpen && noHigh && noLow && noClose && noVolume) {
            notes.emptyRow(row, line, time, "no values at all");
            return null;
        }
        if (noClose) {
            throw new IllegalArgumentException("close is empty");
        }
        Price close = price(f[header.close], "close");
        if (noOpen && noHigh && noLow && noVolume) {
            notes.closeOnlyRow(row, line, time);
            return Bar.closeOnly(symbol, time, close);
        }
        String empty = noOpen ? "open" : noHigh ? "high" : noLow ? "low" : noVolume ? "volume" : null;
        if (empty != null) {
            throw new IllegalArgumentException(empty + " is empty while other values are given (a close-only row leaves open, high, "
                    + "low and volume all empty)");
        }
        Price open = price(f[header.open], "open");
        Price high = price(f[header.high], "high");
        Price low = price(f[header.low], "low");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("high " + f[header.high] + " is below low " + f[header.low]);
        }
        if (open.compareTo(low) < 0 || open.compareTo(high) > 0) {
            throw new IllegalArgumentException("open " + f[header.open] + " is outside [low " + f[header.low] + ", high " + f[header.high] + "]");
        }
        if (close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("close " + f[header.close] + " is outside [low " + f[header.low] + ", high "
                    + f[header.high] + "]");
        }
        return new Bar(symbol, time, open, high, low, close, volume(f[header.volume], time));
    }

    private Price price(String text, String name) {
        BigDecimal value = BarCsvFields.decimal(text, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " " + text + " is negative");
        }
        if (value.scale() > PRICE_SCALE && value.stripTrailingZeros().scale() > PRICE_SCALE) {
            throw new IllegalArgumentException(name + " " + text + " has more than " + PRICE_SCALE + " decimals");
        }
        return Price.of(value, currency);
    }

    private Quantity volume(String text, Instant time) {
        BigDecimal value = BarCsvFields.decimal(text, "volume");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("volume " + text + " is negative");
        }
        if (value.scale() > VOLUME_SCALE && value.stripTrailingZeros().scale() > VOLUME_SCALE) {
            throw new IllegalArgumentException("volume " + text + " has more than " + VOLUME_SCALE
                    + " decimals (volumes are kept to 8 decimals, one satoshi)");
        }
        notes.volumeScale(value.scale(), text, time);
        return Quantity.of(value);
    }

    /** Holds the first bar until the second row shows whether it is a padding copy. */
    private void offer(Bar bar, String[] fields) {
        if (row == 1 && canBeLeadingCopy()) {
            pending = new Pending(bar, fields.clone(), row, line);
            return;
        }
        if (pending != null) {
            Pending first = pending;
            pending = null;
            if (first.bar.time().isBefore(bar.time()) && sameValues(first.fields, fields) && distinctive(first.bar)) {
                notes.leadingCopy(first.row, first.line, first.bar.time(), row, bar.time());
            } else {
                emit(first.bar, first.row, first.line);
            }
        }
        emit(bar, row, line);
    }

    private boolean canBeLeadingCopy() {
        return header.layout == Layout.OHLCV || (header.layout == Layout.TABLE && header.tickers().size() > 1);
    }

    /**
     * Whether equal values are too unlikely to be chance: several tickers' closes, or a bar with a
     * range and a volume (two flat bars of one trade each at one price are ordinary).
     */
    private boolean distinctive(Bar bar) {
        return header.layout == Layout.TABLE || (!bar.volume().isZero() && bar.high().compareTo(bar.low()) > 0);
    }

    private static boolean sameValues(String[] a, String[] b) {
        for (int i = 1; i < a.length; i++) {
            boolean missingA = BarCsvFields.isMissing(a[i]);
            if (missingA != BarCsvFields.isMissing(b[i])) {
                return false;
            }
            if (!missingA && !a[i].equals(b[i]) && !sameNumber(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void emit(Bar bar, int barRow, int barLine) {
        if (previous != null) {
            int order = bar.time().compareTo(previous.time());
            if (order < 0) {
                throw new BarFileException(source, barRow, barLine, "time " + show(bar) + " is before " + show(previous) + " of row "
                        + previousRow + " (line " + previousLine + "); rows must be in increasing time order");
            }
            if (order == 0) {
                if (!bar.equals(previous)) {
                    throw new BarFileException(source, barRow, barLine, "same time " + show(bar) + " as row " + previousRow + " (line "
                            + previousLine + ") but different values: " + BarDifference.describe(previous, bar));
                }
                notes.repeatedRow(barRow, barLine, bar.time());
                return;
            }
            notes.between(previous.time(), bar.time());
        }
        bars.add(bar);
        previous = bar;
        previousRow = barRow;
        previousLine = barLine;
    }

    private String show(Bar bar) {
        String time = bar.time().toString();
        return timeframe == Timeframe.D1 ? time.substring(0, 10) : time;
    }

    private BarFileException rowProblem(String problem) {
        return new BarFileException(source, row, line, problem);
    }
}
