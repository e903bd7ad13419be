package io.tradebook.core.backtest;

import io.tradebook.core.marketdata.Bar;
import java.util.Arrays;
import java.util.List;

/**
 * The built-ins' rules written again, plainly, for cross-checks: every indicator recomputed over
 * whole arrays with straightforward loops (windows summed afresh, recurrences over the series), and
 * each rule as docs/strategies.md states it. Shares no code with the strategies or the indicators.
 * A signal at bar t is an entry, an exit or nothing, with its confidence.
 */
final class ReferenceSignals {
    /** What the rule says at the close of one bar. */
    record Signal(boolean entry, boolean exit, double confidence) {
        static final Signal NONE = new Signal(false, false, Double.NaN);
    }

    private final double[] high;
    private final double[] low;
    private final double[] close;

    ReferenceSignals(List<Bar> bars) {
        int n = bars.size();
        high = new double[n];
        low = new double[n];
        close = new double[n];
        for (int i = 0; i < n; i++) {
            high[i] = bars.get(i).high().value().doubleValue();
            low[i] = bars.get(i).low().value().doubleValue();
            close[i] = bars.get(i).close().value().doubleValue();
        }
    }

    /** The signals of {@code code} at its default parameters, one per bar. */
    Signal[] defaults(String code) {
        return switch (code) {
            case "ema-cross" -> emaCross(12, 26);
            case "rsi" -> rsi(14, 30, 70);
            case "rsi-dmi" -> rsiDmi(14, 30, 70, 14, 25);
            case "bollinger-reversion" -> bollinger(20, 2);
            case "donchian-breakout" -> donchian(20, 10);
            default -> throw new IllegalArgumentException(code);
        };
    }

    Signal[] emaCross(int fast, int slow) {
        double[] f = ema(fast);
        double[] s = ema(slow);
        Signal[] out = none();
        for (int t = 1; t < close.length; t++) {
            double d = f[t] - s[t];
            double before = f[t - 1] - s[t - 1];
            if (Double.isNaN(d) || Double.isNaN(before)) {
                continue;
            }
            double confidence = Math.abs(d) / (Math.abs(d) + Math.abs(before));
            if (d > 0 && before <= 0) {
                out[t] = new Signal(true, false, confidence);
            } else if (d < 0 && before >= 0) {
                out[t] = new Signal(false, true, confidence);
            }
        }
        return out;
    }

    Signal[] rsi(int period, double oversold, double overbought) {
        double[] r = rsiValues(period);
        Signal[] out = none();
        for (int t = 0; t < close.length; t++) {
            if (r[t] < oversold) {
                out[t] = new Signal(true, false, (oversold - r[t]) / oversold);
            } else if (r[t] > overbought) {
                out[t] = new Signal(false, true, (r[t] - overbought) / (100 - overbought));
            }
        }
        return out;
    }

    Signal[] rsiDmi(int rsiPeriod, double oversold, double overbought, int dmiPeriod, double threshold) {
        double[] r = rsiValues(rsiPeriod);
        double[][] dmi = dmi(dmiPeriod);
        Signal[] out = none();
        for (int t = 0; t < close.length; t++) {
            double plus = dmi[0][t];
            double minus = dmi[1][t];
            double adx = dmi[2][t];
            if (Double.isNaN(r[t]) || Double.isNaN(adx)) {
                continue;
            }
            double up = plus + minus > 0 ? plus / (plus + minus) : 0.5;
            boolean downtrend = adx >= threshold && minus > plus;
            if (r[t] < oversold && !downtrend) {
                out[t] = new Signal(true, false, ((oversold - r[t]) / oversold + up) / 2);
            } else if (r[t] > overbought) {
                out[t] = new Signal(false, true, ((r[t] - overbought) / (100 - overbought) + 1 - up) / 2);
            }
        }
        return out;
    }

    Signal[] bollinger(int period, double k) {
        Signal[] out = none();
        for (int t = period - 1; t < close.length; t++) {
            double mean = 0;
            for (int i = t - period + 1; i <= t; i++) {
                mean += close[i];
            }
            mean /= period;
            double squares = 0;
            for (int i = t - period + 1; i <= t; i++) {
                squares += (close[i] - mean) * (close[i] - mean);
            }
            double width = k * Math.sqrt(squares / period);
            double lower = mean - width;
            if (close[t] < lower) {
                out[t] = new Signal(true, false, width > 0 ? Math.min(1, (lower - close[t]) / width) : 1);
            } else if (close[t] >= mean) {
                out[t] = new Signal(false, true, width > 0 ? Math.min(1, (close[t] - mean) / width) : close[t] > mean ? 1 : 0);
            }
        }
        return out;
    }

    Signal[] donchian(int entry, int exit) {
        Signal[] out = none();
        for (int t = 1; t < close.length; t++) {
            if (t >= entry) {
                double hi = max(high, t - entry, t - 1);
                double lo = min(low, t - entry, t - 1);
                if (close[t] > hi) {
                    out[t] = new Signal(true, false, hi > lo ? Math.min(1, (close[t] - hi) / (hi - lo)) : 1);
                    continue;
                }
            }
            if (t >= exit) {
                double hi = max(high, t - exit, t - 1);
                double lo = min(low, t - exit, t - 1);
                if (close[t] < lo) {
                    out[t] = new Signal(false, true, hi > lo ? Math.min(1, (lo - close[t]) / (hi - lo)) : 1);
                }
            }
        }
        return out;
    }

    private Signal[] none() {
        Signal[] out = new Signal[close.length];
        Arrays.fill(out, Signal.NONE);
        return out;
    }

    private static double max(double[] x, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    private static double min(double[] x, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            m = Math.min(m, x[i]);
        }
        return m;
    }

    /** EMA seeded with the mean of the first n closes (defined from index n − 1). */
    private double[] ema(int n) {
        double[] out = nan();
        double v = 0;
        for (int i = 0; i < n && i < close.length; i++) {
            v += close[i];
        }
        if (close.length < n) {
            return out;
        }
        v /= n;
        out[n - 1] = v;
        for (int i = n; i < close.length; i++) {
            v += 2.0 / (n + 1) * (close[i] - v);
            out[i] = v;
        }
        return out;
    }

    /** Wilder's RSI, its averages seeded with the means of the first n changes (defined from index n). */
    private double[] rsiValues(int n) {
        double[] out = nan();
        double gains = 0;
        double losses = 0;
        for (int i = 1; i < close.length; i++) {
            double d = close[i] - close[i - 1];
            double g = Math.max(d, 0);
            double l = Math.max(-d, 0);
            if (i <= n) {
                gains += g / n;
                losses += l / n;
                if (i < n) {
                    continue;
                }
            } else {
                gains += (g - gains) / n;
                losses += (l - losses) / n;
            }
            out[i] = gains + losses == 0 ? 50 : 100 * gains / (gains + losses);
        }
        return out;
    }

    /** +DI, −DI and ADX: Wilder's running sums seeded with the plain sum of the first n − 1 values; ADX seeded with the mean of n DX. */
    private double[][] dmi(int n) {
        double[] plusDi = nan();
        double[] minusDi = nan();
        double[] adx = nan();
        double sp = 0;
        double sm = 0;
        double st = 0;
        double dxSum = 0;
        int dxCount = 0;
        double a = Double.NaN;
        for (int i = 1; i < close.length; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            double p = up > down && up > 0 ? up : 0;
            double m = down > up && down > 0 ? down : 0;
            double tr = Math.max(high[i], close[i - 1]) - Math.min(low[i], close[i - 1]);
            if (i < n) {
                sp += p;
                sm += m;
                st += tr;
                continue;
            }
            sp = p + sp * (n - 1) / n;
            sm = m + sm * (n - 1) / n;
            st = tr + st * (n - 1) / n;
            double pdi = st == 0 ? 0 : 100 * sp / st;
            double mdi = st == 0 ? 0 : 100 * sm / st;
            plusDi[i] = pdi;
            minusDi[i] = mdi;
            double dx = pdi + mdi == 0 ? 0 : 100 * Math.abs(pdi - mdi) / (pdi + mdi);
            if (dxCount < n) {
                dxSum += dx;
                if (++dxCount == n) {
                    a = dxSum / n;
                }
            } else {
                a += (dx - a) / n;
            }
            adx[i] = a;
        }
        return new double[][] {plusDi, minusDi, adx};
    }

    private double[] nan() {
        double[] out = new double[close.length];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
