package io.tradebook.core.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test series of bars as plain arrays, read from a bundled {@code date,open,high,low,close,volume} resource. */
record Bars(String[] dates, double[] high, double[] low, double[] close) {
    static final String AAPL = "/marketdata/AAPL_2013-01-02_2013-12-31_daily.csv";
    static final String SPX = "/marketdata/SPX_2000-01-03_2020-04-17_daily.csv";
    static final String BTC = "/marketdata/BTCUSD_bitstamp_2013-11-25_2013-12-01_5min.csv";

    int size() {
        return close.length;
    }

    static Bars resource(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Bars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        Bars bars = new Bars(new String[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            bars.dates[i] = row[0];
            bars.high[i] = Double.parseDouble(row[2]);
            bars.low[i] = Double.parseDouble(row[3]);
            bars.close[i] = Double.parseDouble(row[4]);
        }
        return bars;
    }

    /** Feeds every bar to the indicator and records each output's value at every bar. */
    double[][] run(Indicator indicator) {
        List<Output> outputs = indicator.outputs();
        double[][] values = new double[outputs.size()][size()];
        for (int i = 0; i < size(); i++) {
            indicator.update(high[i], low[i], close[i]);
            for (int o = 0; o < outputs.size(); o++) {
                values[o][i] = outputs.get(o).value();
            }
        }
        return values;
    }
}
