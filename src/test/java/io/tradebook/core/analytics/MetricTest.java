package io.tradebook.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a statistic prints: 10 significant digits, half-even, from the exact double; never NaN or Infinity. */
class MetricTest {

    @Test
    void finiteValuesPrintWithTenSignificantDigits() {
        assertThat(Metric.of(1.0 / 3).plain()).isEqualTo("0.3333333333");
        assertThat(Metric.of(2.0 / 3).plain()).isEqualTo("0.6666666667");
        assertThat(Metric.of(-0.05).plain()).isEqualTo("-0.05");
        assertThat(Metric.of(0.1).plain()).as("0.1000000000000000055… rounds to 0.1").isEqualTo("0.1");
        assertThat(Metric.of(1234567.891234).plain()).isEqualTo("1234567.891");
        assertThat(Metric.of(1.5e12).plain()).isEqualTo("1500000000000");
        assertThat(Metric.of(1e-12).plain()).isEqualTo("0.000000000001");
        assertThat(Metric.of(7.937253933193772).plain()).isEqualTo("7.937253933");
        assertThat(Metric.count(12).plain()).isEqualTo("12");
        assertThat(Metric.of(0.0).plain()).isEqualTo("0");
        assertThat(Metric.of(-0.0).plain()).isEqualTo("0");
        assertThat(Metric.of(-0.0)).isEqualTo(Metric.of(0.0));
    }

    @Test
    void roundingUsesTheExactBinaryValueNotItsShortestDecimal() {
        // 0.12345678905 is stored as 0.12345678905000000147…: above the half, so up (the decimal text would round to even, 0)
        assertThat(Metric.of(0.12345678905).plain()).isEqualTo("0.1234567891");
        // 0.12345678915 is stored as 0.12345678914999999586…: below the half, so down (the text would round to even, 2)
        assertThat(Metric.of(0.12345678915).plain()).isEqualTo("0.1234567891");
        // 0.1 + 0.2 = 0.30000000000000004440…
        assertThat(Metric.of(0.1 + 0.2).plain()).isEqualTo("0.3");
    }

    @Test
    void undefinedAndInfiniteHaveNoDecimal() {
        assertThat(Metric.of(Double.NaN).kind()).isEqualTo(Metric.Kind.UNDEFINED);
        assertThat(Metric.of(Double.NaN).plain()).isNull();
        assertThat(Metric.of(Double.NaN)).isEqualTo(Metric.undefined());
        assertThat(Metric.of(Double.POSITIVE_INFINITY).kind()).isEqualTo(Metric.Kind.POSITIVE_INFINITY);
        assertThat(Metric.of(Double.POSITIVE_INFINITY).decimal()).isEmpty();
        assertThat(Metric.of(Double.NEGATIVE_INFINITY).kind()).isEqualTo(Metric.Kind.NEGATIVE_INFINITY);
        assertThat(Metric.of(Double.NEGATIVE_INFINITY).isFinite()).isFalse();
        assertThat(Metric.of(Double.POSITIVE_INFINITY).toString()).isEqualTo("+infinity");
        assertThat(Metric.undefined().toString()).isEqualTo("undefined");
    }
}
