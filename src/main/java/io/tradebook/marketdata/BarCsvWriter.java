package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes bars, one at a time, in the bar file format {@link BarCsv} reads: dates for daily bars,
 * UTC instants otherwise; {@code date,close} when the series is close-only, else OHLCV with a
 * close-only bar's open, high, low and volume left empty. Numbers are written plainly without
 * trailing zeros ({@code 1469.25} for {@code 1469.250000}). The header is written on creation.
 * Mutable (it writes); not thread-safe. Refuses a full bar in a close-only file, which would lose
 * its open, high, low and volume.
 */
public final class BarCsvWriter {
    private final Writer out;
    private final Timeframe timeframe;
    private final boolean closeOnly;
    private final StringBuilder line = new StringBuilder(96);

    /** Writes the header of a {@code closeOnly} or OHLCV file of {@code timeframe} bars to {@code out}. */
    public BarCsvWriter(Writer out, Timeframe timeframe, boolean closeOnly) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.closeOnly = closeOnly;
        out.write(closeOnly ? BarCsv.CLOSE_HEADER : BarCsv.OHLCV_HEADER);
        out.write('\n');
    }

    /** Writes one bar's row. */
    public void write(Bar bar) throws IOException {
        line.setLength(0);
        String time = bar.time().toString();
        line.append(timeframe == Timeframe.D1 && timeframe.isBarStart(bar.time()) ? time.substring(0, time.indexOf('T')) : time);
        if (closeOnly) {
            if (!bar.closeOnly()) {
                throw new IllegalArgumentException("bar of " + bar.symbol() + " at " + bar.time() + " is not close-only; "
                        + "a date,close file would lose its open, high, low and volume");
            }
            line.append(',').append(bar.close().toPlainString());
        } else if (bar.closeOnly()) {
            line.append(",,,,").append(bar.close().toPlainString()).append(',');
        } else {
            line.append(',').append(bar.open().toPlainString())
                    .append(',').append(bar.high().toPlainString())
                    .append(',').append(bar.low().toPlainString())
                    .append(',').append(bar.close().toPlainString())
                    .append(',').append(bar.volume().toPlainString());
        }
        line.append('\n');
        out.append(line);
    }
}
