package io.tradebook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chart downsampling keeps the first and last points and every extreme, deterministically. */
class DownsamplingTest {

    @Test
    void shortSeriesAreKeptWhole() {
        assertThat(Downsampling.extremes(new double[] {3, 1, 2})).containsExactly(0, 1, 2);
        assertThat(Downsampling.extremes(new double[0])).isEmpty();
    }

    @Test
    void longSeriesKeepTheirExtremesInOrder() {
        Random random = new Random(42);
        double[] walk = new double[1_000_003];
        for (int i = 1; i < walk.length; i++) {
            walk[i] = walk[i - 1] + random.nextGaussian();
        }
        int[] picked = Downsampling.extremes(walk);
        assertThat(picked.length).isLessThanOrEqualTo(Downsampling.MAX_POINTS).isGreaterThan(Downsampling.MAX_POINTS - 10);
        assertThat(picked[0]).isZero();
        assertThat(picked[picked.length - 1]).isEqualTo(walk.length - 1);
        int[] sorted = picked.clone();
        Arrays.sort(sorted);
        assertThat(picked).isEqualTo(sorted).doesNotHaveDuplicates();
        int argMax = 0;
        int argMin = 0;
        for (int i = 0; i < walk.length; i++) {
            argMax = walk[i] > walk[argMax] ? i : argMax;
            argMin = walk[i] < walk[argMin] ? i : argMin;
        }
        assertThat(picked).contains(argMax, argMin);
        assertThat(Downsampling.extremes(walk)).isEqualTo(picked);
    }

    @Test
    void fixedDecimalsAreExactAndSigned() {
        assertThat(Html.fixed2(80)).isEqualTo("80.00");
        assertThat(Html.fixed2(1.235)).isEqualTo("1.24");
        assertThat(Html.fixed2(-1.234)).isEqualTo("-1.23");
        assertThat(Html.fixed2(-0.05)).isEqualTo("-0.05");
        assertThat(Html.fixed2(-0.004)).isEqualTo("0.00");
        assertThat(SvgChart.axisLabel(-0.0, 0.2, true)).isEqualTo("0.0%");
        assertThat(SvgChart.axisLabel(100_123.456, 400, false)).isEqualTo("100123");
        assertThat(SvgChart.axisLabel(0.123456, 0.004, false)).isEqualTo("0.1235");
    }
}
