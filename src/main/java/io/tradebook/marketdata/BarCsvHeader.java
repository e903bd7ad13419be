package io.tradebook.marketdata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header line of a bar file, and which of the three layouts it has: OHLCV
 * ({@code date,open,high,low,close,volume}, the five value columns in any order), close only
 * ({@code date,close}), or a table of closes with one column per ticker ({@code date,AA,AXP,…}).
 * The first column is the bar's time, named {@code date}, {@code time} or {@code timestamp}.
 * Names are matched ignoring case and surrounding spaces; tickers keep their case. Immutable.
 */
final class BarCsvHeader {
    enum Layout { OHLCV, CLOSE, TABLE }

    static final String EXPECTED = "date,open,high,low,close,volume (OHLCV), date,close (close only) "
            + "or date,TICKER,TICKER,... (one close column per ticker)";
    private static final List<String> OHLCV = List.of("open", "high", "low", "close", "volume");

    final Layout layout;
    final List<String> names;
    /** Positions of open, high, low, close, volume (OHLCV) or of close (CLOSE); unused for TABLE. */
    final int open;
    final int high;
    final int low;
    final int close;
    final int volume;

    private BarCsvHeader(Layout layout, List<String> names, int open, int high, int low, int close, int volume) {
        this.layout = layout;
        this.names = names;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    static BarCsvHeader parse(String source, String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.split(",", -1)) {
            names.add(BarCsvFields.unquote(name.strip()));
        }
        String first = names.get(0).toLowerCase(Locale.ROOT);
        if (!first.equals("date") && !first.equals("time") && !first.equals("timestamp")) {
            throw new BarFileException(source, "line 1 is not a bar header: its first column must be the bar's date or time "
                    + "('date'), not '" + names.get(0) + "'; expected " + EXPECTED);
        }
        if (names.size() < 2) {
            throw new BarFileException(source, "line 1 has only a date column; expected " + EXPECTED);
        }
        List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                throw new BarFileException(source, "line 1: column " + (i + 1) + " has no name; expected " + EXPECTED);
            }
            if (!seen.add(lower.get(i))) {
                throw new BarFileException(source, "line 1: column '" + names.get(i) + "' appears twice");
            }
        }
        List<String> valueNames = lower.subList(1, lower.size());
        List<String> known = valueNames.stream().filter(OHLCV::contains).toList();
        if (known.isEmpty()) {
            return new BarCsvHeader(Layout.TABLE, List.copyOf(names), -1, -1, -1, -1, -1);
        }
        if (valueNames.equals(List.of("close"))) {
            return new BarCsvHeader(Layout.CLOSE, List.copyOf(names), -1, -1, -1, 1, -1);
        }
        if (known.size() == OHLCV.size() && valueNames.size() == OHLCV.size()) {
            return new BarCsvHeader(Layout.OHLCV, List.copyOf(names), lower.indexOf("open"), lower.indexOf("high"),
                    lower.indexOf("low"), lower.indexOf("close"), lower.indexOf("volume"));
        }
        List<String> missing = OHLCV.stream().filter(n -> !valueNames.contains(n)).toList();
        List<String> extra = valueNames.stream().filter(n -> !OHLCV.contains(n)).toList();
        throw new BarFileException(source, "line 1: header '" + line.strip() + "' is not a bar header"
                + (missing.isEmpty() ? "" : " (no " + String.join(", ", missing) + " column)")
                + (extra.isEmpty() ? "" : " (unknown column " + String.join(", ", extra) + ")")
                + "; expected " + EXPECTED);
    }

    /** The ticker columns of a TABLE header, in file order. */
    List<String> tickers() {
        return layout == Layout.TABLE ? names.subList(1, names.size()) : List.of();
    }

    /** The position of {@code ticker} in a TABLE header (exact case first, then ignoring case), or -1. */
    int tickerColumn(String ticker) {
        int exact = names.indexOf(ticker);
        if (exact > 0) {
            return exact;
        }
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(ticker)) {
                return i;
            }
        }
        return -1;
    }
}
