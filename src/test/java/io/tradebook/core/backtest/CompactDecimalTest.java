package io.tradebook.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The compact decimals of the equity recording: exact when they fit, OVERFLOW (never a wrong number) when they do not. */
class CompactDecimalTest {

    @Test
    void fitsUpToEighteenDigits() {
        assertThat(CompactDecimal.fits(new BigDecimal("123456789012345678"))).isTrue();
        assertThat(CompactDecimal.fits(new BigDecimal("1234567890123456789"))).isFalse();
        assertThat(CompactDecimal.fits(new BigDecimal("0.000000000000000000001"))).isTrue();
        assertThat(CompactDecimal.fits(new BigDecimal("1E+3"))).isTrue();
        assertThat(CompactDecimal.unscaled(new BigDecimal("1E+3"))).isEqualTo(1000);
        assertThat(CompactDecimal.scale(new BigDecimal("1E+3"))).isZero();
        assertThat(CompactDecimal.unscaled(new BigDecimal("-12.340"))).isEqualTo(-12340);
        assertThat(CompactDecimal.scale(new BigDecimal("-12.340"))).isEqualTo(3);
    }

    @Test
    void arithmeticIsExactOrOverflows() {
        assertThat(CompactDecimal.multiply(3_000_000_000L, 3_000_000_000L)).isEqualTo(9_000_000_000_000_000_000L / 1000 * 1000);
        assertThat(CompactDecimal.multiply(4_000_000_000L, 3_000_000_000L)).isEqualTo(CompactDecimal.OVERFLOW);
        assertThat(CompactDecimal.multiply(-4_000_000_000L, 3_000_000_000L)).isEqualTo(CompactDecimal.OVERFLOW);
        assertThat(CompactDecimal.multiply(-3, 7)).isEqualTo(-21);
        assertThat(CompactDecimal.add(Long.MAX_VALUE - 1, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(CompactDecimal.add(Long.MAX_VALUE, 1)).isEqualTo(CompactDecimal.OVERFLOW);
        assertThat(CompactDecimal.add(-Long.MAX_VALUE, -1)).isEqualTo(CompactDecimal.OVERFLOW);
        assertThat(CompactDecimal.rescale(12, 2, 5)).isEqualTo(12_000);
        assertThat(CompactDecimal.rescale(12, 0, 19)).isEqualTo(CompactDecimal.OVERFLOW);
        assertThat(CompactDecimal.rescale(1_000_000_000_000L, 0, 10)).isEqualTo(CompactDecimal.OVERFLOW);
    }
}
