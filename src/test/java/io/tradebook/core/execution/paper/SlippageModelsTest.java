package io.tradebook.core.execution.paper;

import static io.tradebook.core.books.Side.BUY;
import static io.tradebook.core.books.Side.SELL;
import static io.tradebook.core.execution.paper.PaperFixtures.AAPL;
import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The slippage models on their own, and the adverse rounding to the tick that follows them. */
class SlippageModelsTest {

    @Test
    void noSlippageLeavesThePriceAlone() {
        assertThat(new NoSlippage().adjust(BUY, px("100.02"), AAPL)).isEqualTo(px("100.02"));
        assertThat(new NoSlippage().adjust(SELL, px("99.98"), AAPL)).isEqualTo(px("99.98"));
    }

    @Test
    void basisPointsAreAlwaysAgainstTheTrader() {
        BasisPointsSlippage tenBps = BasisPointsSlippage.of("10");
        assertThat(tenBps.adjust(BUY, px("100"), AAPL)).isEqualTo(px("100.1")); // 100 × 1.001
        assertThat(tenBps.adjust(SELL, px("100"), AAPL)).isEqualTo(px("99.9")); // 100 × 0.999
        assertThat(BasisPointsSlippage.of("2.5").adjust(BUY, px("40.00"), AAPL)).isEqualTo(px("40.01")); // 40 × 1.00025
    }

    @Test
    void fixedSlippageIsAnAmountPerUnitAgainstTheTraderNeverBelowZero() {
        FixedSlippage fiveCents = FixedSlippage.of("0.05");
        assertThat(fiveCents.adjust(BUY, px("100"), AAPL)).isEqualTo(px("100.05"));
        assertThat(fiveCents.adjust(SELL, px("100"), AAPL)).isEqualTo(px("99.95"));
        assertThat(fiveCents.adjust(SELL, px("0.03"), AAPL)).isEqualTo(px("0"));
    }

    @Test
    void negativeSlippageIsRefused() {
        assertThatThrownBy(() -> BasisPointsSlippage.of("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedSlippage.of("-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedSlippage.of("0.0000000000001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillPricesAreRoundedToTheTickUpForABuyAndDownForASell() {
        BigDecimal cent = new BigDecimal("0.01");
        assertThat(FillPricing.toTick(BUY, px("100.07001"), cent)).isEqualTo(px("100.08"));
        assertThat(FillPricing.toTick(SELL, px("100.07999"), cent)).isEqualTo(px("100.07"));
        assertThat(FillPricing.toTick(BUY, px("100.07"), cent)).isEqualTo(px("100.07"));
        assertThat(FillPricing.toTick(SELL, px("100.07"), cent)).isEqualTo(px("100.07"));
        assertThat(FillPricing.toTick(BUY, px("12.3"), new BigDecimal("0.25"))).isEqualTo(px("12.5"));
        assertThat(FillPricing.toTick(SELL, px("12.3"), new BigDecimal("0.25"))).isEqualTo(px("12.25"));
    }
}
