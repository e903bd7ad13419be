package io.tradebook.core.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A parsed indicator spec such as {@code rsi:14} or {@code bbands:20:2}: a name and up to three
 * parameters separated by colons; omitted trailing parameters take their defaults. Immutable.
 * Refuses (with {@link IllegalArgumentException}, naming the spec and what is allowed) an unknown
 * name, too many parameters, a parameter that is not a number of the right kind, and a value the
 * indicator refuses.
 *
 * <table>
 *   <caption>Specs and their output columns</caption>
 *   <tr><th>spec (defaults)</th><th>columns</th></tr>
 *   <tr><td>{@code sma:20}</td><td>{@code sma_20}</td></tr>
 *   <tr><td>{@code ema:20}</td><td>{@code ema_20}</td></tr>
 *   <tr><td>{@code rsi:14}</td><td>{@code rsi_14}</td></tr>
 *   <tr><td>{@code atr:14}</td><td>{@code atr_14}</td></tr>
 *   <tr><td>{@code dmi:14} or {@code adx:14}</td><td>{@code plus_di_14, minus_di_14, adx_14}</td></tr>
 *   <tr><td>{@code bbands:20:2}</td><td>{@code bbands_20_2_lower, _middle, _upper}</td></tr>
 *   <tr><td>{@code donchian:20}</td><td>{@code donchian_20_high, _low}</td></tr>
 *   <tr><td>{@code macd:12:26:9}</td><td>{@code macd_12_26_9_macd, _signal, _histogram}</td></tr>
 * </table>
 */
public final class IndicatorSpec {
    /** What each name accepts, in the order of the messages. */
    private enum Kind {
        SMA("sma", "n", new double[] {20}, p -> new Sma(whole(p[0]))),
        EMA("ema", "n", new double[] {20}, p -> new Ema(whole(p[0]))),
        RSI("rsi", "n", new double[] {14}, p -> new Rsi(whole(p[0]))),
        ATR("atr", "n", new double[] {14}, p -> new Atr(whole(p[0]))),
        DMI("dmi", "n", new double[] {14}, p -> new Dmi(whole(p[0]))),
        ADX("adx", "n", new double[] {14}, p -> new Dmi(whole(p[0]))),
        BBANDS("bbands", "n:k", new double[] {20, 2}, p -> new BollingerBands(whole(p[0]), p[1])),
        DONCHIAN("donchian", "n", new double[] {20}, p -> new DonchianChannel(whole(p[0]))),
        MACD("macd", "fast:slow:signal", new double[] {12, 26, 9}, p -> new Macd(whole(p[0]), whole(p[1]), whole(p[2])));

        final String name;
        final String[] parameters;
        final double[] defaults;
        final Function<double[], Indicator> factory;

        Kind(String name, String parameters, double[] defaults, Function<double[], Indicator> factory) {
            this.name = name;
            this.parameters = parameters.split(":");
            this.defaults = defaults;
            this.factory = factory;
        }

        /** Whether a parameter may have a fraction (only Bollinger's k). */
        boolean decimal(int i) {
            return this == BBANDS && i == 1;
        }

        String usage() {
            StringBuilder s = new StringBuilder(name);
            for (int i = 0; i < parameters.length; i++) {
                s.append(':').append(parameters[i]).append('=').append(BollingerBands.plain(defaults[i]));
            }
            return s.toString();
        }

        static Kind named(String name) {
            for (Kind kind : values()) {
                if (kind.name.equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final String text;
    private final Kind kind;
    private final double[] parameters;
    private final List<String> columns;

    private IndicatorSpec(String text, Kind kind, double[] parameters) {
        this.text = text;
        this.kind = kind;
        this.parameters = parameters;
        List<String> names = new ArrayList<>();
        for (Output output : create().outputs()) {
            names.add(output.name());
        }
        this.columns = Collections.unmodifiableList(names);
    }

    /** Parses a spec; names are case-insensitive and surrounding blanks are ignored. */
    public static IndicatorSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty indicator spec; " + allowed());
        }
        String text = spec.strip();
        String[] parts = text.split(":", -1);
        Kind kind = Kind.named(parts[0].toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new IllegalArgumentException("unknown indicator '" + parts[0] + "' in spec '" + text + "'; " + allowed());
        }
        if (parts.length - 1 > kind.parameters.length) {
            throw new IllegalArgumentException("spec '" + text + "' has " + (parts.length - 1) + " parameters; "
                    + kind.name + " takes at most " + kind.parameters.length + ": " + kind.usage());
        }
        double[] values = kind.defaults.clone();
        for (int i = 1; i < parts.length; i++) {
            values[i - 1] = number(text, kind, i - 1, parts[i].strip());
        }
        try {
            return new IndicatorSpec(text, kind, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec '" + text + "': " + e.getMessage() + " (" + kind.usage() + ")", e);
        }
    }

    private static double number(String text, Kind kind, int index, String part) {
        String parameter = kind.parameters[index];
        try {
            if (kind.decimal(index)) {
                return Double.parseDouble(part);
            }
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            if (part.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException("spec '" + text + "': " + parameter + " must be between 1 and "
                        + Argument.MAX_PERIOD + ", not " + part + " (" + kind.usage() + ")", e);
            }
            String wanted = kind.decimal(index) ? "a number" : "a whole number";
            throw new IllegalArgumentException("spec '" + text + "': " + parameter + " must be " + wanted + ", not '" + part
                    + "' (" + kind.usage() + ")", e);
        }
    }

    private static int whole(double value) {
        return (int) value;
    }

    /** The accepted specs with their defaults, for messages and help texts. */
    public static String allowed() {
        StringBuilder s = new StringBuilder("allowed: ");
        for (Kind kind : Kind.values()) {
            if (kind.ordinal() > 0) {
                s.append(", ");
            }
            s.append(kind.usage());
        }
        return s.toString();
    }

    /**
     * Whether the indicator reads highs and lows (ATR, DMI/ADX, Donchian), so that a close-only
     * series, whose high and low are its close, would give it meaningless values.
     */
    public boolean usesHighLow() {
        return kind == Kind.ATR || kind == Kind.DMI || kind == Kind.ADX || kind == Kind.DONCHIAN;
    }

    /** A new indicator, in its initial state, as the spec describes it. */
    public Indicator create() {
        return kind.factory.apply(parameters.clone());
    }

    /** The names of the indicator's outputs, in order: the CLI's column names. */
    public List<String> columns() {
        return columns;
    }

    /** The spec as written (stripped of surrounding blanks). */
    @Override
    public String toString() {
        return text;
    }
}
