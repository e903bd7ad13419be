package io.tradebook.cli;

import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.indicators.IndicatorSpec;
import io.tradebook.core.indicators.Output;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV table of {@code tradebook indicators}: a header {@code date,<columns>} (the columns of
 * each spec in the order given), then one row per bar. The first cell is the bar's date for daily
 * bars ({@code 2013-01-02}) and its start as a UTC instant otherwise ({@code 2013-11-25T00:05:00Z});
 * an undefined value (warm-up) is an empty cell; a value is rounded half-even to 8 decimals and
 * written plainly, without exponent or trailing zeros ({@code 35.28818686}, {@code 0.5}, {@code 0}).
 * Immutable: each {@link #write} starts fresh indicators.
 */
final class IndicatorTable {
    static final int DECIMALS = 8;

    private final List<IndicatorSpec> specs;
    private final Timeframe timeframe;

    IndicatorTable(List<IndicatorSpec> specs, Timeframe timeframe) {
        this.specs = List.copyOf(specs);
        this.timeframe = timeframe;
    }

    void write(List<Bar> bars, Writer out) {
        List<Indicator> indicators = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        StringBuilder line = new StringBuilder("date");
        for (IndicatorSpec spec : specs) {
            Indicator indicator = spec.create();
            indicators.add(indicator);
            outputs.addAll(indicator.outputs());
            spec.columns().forEach(column -> line.append(',').append(column));
        }
        try {
            out.write(line.append('\n').toString());
            for (Bar bar : bars) {
                double high = bar.high().value().doubleValue();
                double low = bar.low().value().doubleValue();
                double close = bar.close().value().doubleValue();
                for (Indicator indicator : indicators) {
                    indicator.update(high, low, close);
                }
                line.setLength(0);
                line.append(timeframe == Timeframe.D1 ? bar.time().atZone(ZoneOffset.UTC).toLocalDate().toString() : bar.time().toString());
                for (Output output : outputs) {
                    line.append(',');
                    if (output.isDefined()) {
                        line.append(format(output.value()));
                    }
                }
                out.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} rounded half-even to {@value #DECIMALS} decimals, plainly, without trailing zeros. */
    static String format(double value) {
        return new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
