package io.tradebook.marketdata;

import io.tradebook.core.marketdata.Timeframe;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;

/**
 * Tells the timeframe of a bar file from its first rows, for {@link BarCsv#timeframeOf}: dates mean
 * daily bars, otherwise the shortest step between consecutive times must be one of the
 * timeframes. Stateless.
 */
final class BarCsvTimeframe {
    private BarCsvTimeframe() {
    }

    /** See {@link BarCsv#timeframeOf}: the timeframe the first {@code sample} rows of {@code in} show. */
    static Timeframe timeframeOf(BufferedReader in, String source, int sample) throws IOException {
        BarCsvHeader header = BarCsvReader.header(in, source);
        BarCsvTimes times = new BarCsvTimes();
        String[] fields = new String[header.names.size()];
        Instant previous = null;
        long step = Long.MAX_VALUE;
        int line = 1;
        int rows = 0;
        for (String text = in.readLine(); text != null && rows < sample; text = in.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            rows++;
            BarCsvFields.split(text, fields);
            Instant time;
            try {
                time = times.parse(fields[0]);
            } catch (IllegalArgumentException e) {
                throw new BarFileException(source, rows, line, e.getMessage());
            }
            if (times.wasDate) {
                return Timeframe.D1;
            }
            if (previous != null && time.isAfter(previous)) {
                step = Math.min(step, time.getEpochSecond() - previous.getEpochSecond());
            }
            previous = time;
        }
        if (step == Long.MAX_VALUE) {
            throw new BarFileException(source, "cannot tell the timeframe: fewer than two different times in the first rows");
        }
        for (Timeframe t : Timeframe.values()) {
            if (t.duration().getSeconds() == step) {
                return t;
            }
        }
        throw new BarFileException(source, "cannot tell the timeframe: the closest bars are " + step + " seconds apart, which is none of "
                + Timeframe.codes());
    }
}
