package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import java.io.IOException;
import java.io.Writer;

/** Writes bars in the bar file format {@link BarCsv} reads. Stateless. */
final class BarCsvWriter {
    private BarCsvWriter() {
    }

    static void write(Iterable<Bar> bars, Timeframe timeframe, boolean closeOnly, Writer out) throws IOException {
        out.write(closeOnly ? BarCsv.CLOSE_HEADER : BarCsv.OHLCV_HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(96);
        for (Bar bar : bars) {
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
}
