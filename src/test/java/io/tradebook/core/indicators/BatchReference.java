package io.tradebook.core.indicators;

import java.util.Arrays;

/**
 * The indicators recomputed the plain way, from whole arrays: windowed ones over their window at
 * every bar, recursive ones by their defining recurrence over the whole history. NaN means
 * undefined. Written from the definitions in docs/indicators.md, independently of the streaming
 * classes, to check them.
 */
final class BatchReference {
    private BatchReference() {
    }

    static double[] sma(double[] x, int n) {
        double[] out = undefined(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double sum = 0;
            for (int j = i - n + 1; j <= i; j++) {
                sum += x[j];
            }
            out[i] = sum / n;
        }
        return out;
    }

    /** Population standard deviation of the window ending at each bar, two passes over the window. */
    static double[] stdev(double[] x, int n) {
        double[] mean = sma(x, n);
        double[] out = undefined(x.length);
        for (int i = n - 1; i < x.length; i++) {
            double squares = 0;
            for (int j = i - n + 1; j <= i; j++) {
                squares += (x[j] - mean[i]) * (x[j] - mean[i]);
            }
            out[i] = Math.sqrt(squares / n);
        }
        return out;
    }

    static double[] highest(double[] x, int n) {
        double[] out = undefined(x.length);
        for (int i = n - 1; i < x.length; i++) {
            out[i] = Arrays.stream(x, i - n + 1, i + 1).max().orElseThrow();
        }
        return out;
    }

    static double[] lowest(double[] x, int n) {
        double[] out = undefined(x.length);
        for (int i = n - 1; i < x.length; i++) {
            out[i] = Arrays.stream(x, i - n + 1, i + 1).min().orElseThrow();
        }
        return out;
    }

    /**
     * Exponential average with the given alpha of the defined values of {@code x} (leading NaNs are
     * skipped), seeded with the mean of the first n defined values.
     */
    static double[] seededAverage(double[] x, int n, double alpha) {
        double[] out = undefined(x.length);
        int first = 0;
        while (first < x.length && Double.isNaN(x[first])) {
            first++;
        }
        int seedAt = first + n - 1;
        if (seedAt >= x.length) {
            return out;
        }
        double sum = 0;
        for (int j = first; j <= seedAt; j++) {
            sum += x[j];
        }
        out[seedAt] = sum / n;
        for (int i = seedAt + 1; i < x.length; i++) {
            out[i] = alpha * x[i] + (1 - alpha) * out[i - 1];
        }
        return out;
    }

    static double[] ema(double[] x, int n) {
        return seededAverage(x, n, 2.0 / (n + 1));
    }

    static double[] wilder(double[] x, int n) {
        return seededAverage(x, n, 1.0 / n);
    }

    static double[] rsi(double[] close, int n) {
        double[] gains = undefined(close.length);
        double[] losses = undefined(close.length);
        for (int i = 1; i < close.length; i++) {
            gains[i] = Math.max(close[i] - close[i - 1], 0);
            losses[i] = Math.max(close[i - 1] - close[i], 0);
        }
        double[] gain = wilder(gains, n);
        double[] loss = wilder(losses, n);
        double[] out = undefined(close.length);
        for (int i = 0; i < close.length; i++) {
            if (!Double.isNaN(gain[i])) {
                out[i] = gain[i] + loss[i] == 0 ? 50 : 100 * gain[i] / (gain[i] + loss[i]);
            }
        }
        return out;
    }

    static double[] trueRange(Bars bars) {
        double[] out = undefined(bars.size());
        for (int i = 1; i < bars.size(); i++) {
            out[i] = Math.max(bars.high()[i], bars.close()[i - 1]) - Math.min(bars.low()[i], bars.close()[i - 1]);
        }
        return out;
    }

    static double[] atr(Bars bars, int n) {
        return wilder(trueRange(bars), n);
    }

    /** Wilder's sum of x[1..]: at bar n it is x[n] + (x[1] + ... + x[n-1]) × (n-1)/n, then recursive. */
    static double[] wilderSum(double[] x, int n) {
        double[] out = undefined(x.length);
        if (n >= x.length) {
            return out;
        }
        double seed = 0;
        for (int j = 1; j < n; j++) {
            seed += x[j];
        }
        out[n] = x[n] + seed * (n - 1) / n;
        for (int i = n + 1; i < x.length; i++) {
            out[i] = x[i] + out[i - 1] * (n - 1) / n;
        }
        return out;
    }

    /** +DI, −DI and ADX as three arrays. */
    static double[][] dmi(Bars bars, int n) {
        int size = bars.size();
        double[] plusDm = undefined(size);
        double[] minusDm = undefined(size);
        for (int i = 1; i < size; i++) {
            double up = bars.high()[i] - bars.high()[i - 1];
            double down = bars.low()[i - 1] - bars.low()[i];
            plusDm[i] = up > down && up > 0 ? up : 0;
            minusDm[i] = down > up && down > 0 ? down : 0;
        }
        double[] tr = wilderSum(trueRange(bars), n);
        double[] plus = wilderSum(plusDm, n);
        double[] minus = wilderSum(minusDm, n);
        double[] plusDi = undefined(size);
        double[] minusDi = undefined(size);
        double[] dx = undefined(size);
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(tr[i])) {
                plusDi[i] = tr[i] == 0 ? 0 : 100 * plus[i] / tr[i];
                minusDi[i] = tr[i] == 0 ? 0 : 100 * minus[i] / tr[i];
                double total = plusDi[i] + minusDi[i];
                dx[i] = total == 0 ? 0 : 100 * Math.abs(plusDi[i] - minusDi[i]) / total;
            }
        }
        return new double[][] {plusDi, minusDi, wilder(dx, n)};
    }

    /** macd line, signal and histogram as three arrays. */
    static double[][] macd(double[] close, int fast, int slow, int signal) {
        double[] fastEma = ema(close, fast);
        double[] slowEma = ema(close, slow);
        double[] line = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            line[i] = fastEma[i] - slowEma[i];
        }
        double[] smoothed = ema(line, signal);
        double[] histogram = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            histogram[i] = line[i] - smoothed[i];
        }
        return new double[][] {line, smoothed, histogram};
    }

    private static double[] undefined(int size) {
        double[] out = new double[size];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
