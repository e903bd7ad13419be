package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import java.util.List;
import java.util.Objects;

/**
 * The bars read from one file (or one ticker column of a file), in strictly increasing time
 * order, with what the reader did about every odd case it met ({@code notes}: plain English
 * sentences, e.g. a skipped repeated row, gaps, close-only data, fractional volumes). Immutable.
 *
 * @param source the file or resource name
 * @param symbol the symbol every bar carries
 * @param rows   the data rows read (the bars plus the rows skipped, as the notes explain)
 */
public record BarFile(String source, String symbol, Timeframe timeframe, List<Bar> bars, int rows, List<String> notes) {
    public BarFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        bars = List.copyOf(bars);
        notes = List.copyOf(notes);
    }

    /** True when every bar is close-only (the file had no open, high, low or volume). */
    public boolean closeOnly() {
        return bars.stream().allMatch(Bar::closeOnly);
    }
}
