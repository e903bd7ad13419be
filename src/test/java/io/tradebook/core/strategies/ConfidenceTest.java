package io.tradebook.core.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The confidence arithmetic of the built-ins, and the refusals of {@link StrategyExpectations}. */
class ConfidenceTest {
    @Test
    void staysBetweenZeroAndOne() {
        assertThat(Confidence.clamp(0.25)).isEqualTo(0.25);
        assertThat(Confidence.clamp(1.7)).isEqualTo(1);
        assertThat(Confidence.clamp(-0.1)).isEqualTo(0);
        assertThatThrownBy(() -> Confidence.clamp(Double.NaN)).hasMessage("a confidence computed from an undefined value");
        assertThat(Confidence.ratio(1, 4)).isEqualTo(0.25);
        assertThat(Confidence.ratio(5, 4)).isEqualTo(1);
        assertThat(Confidence.ratio(0.3, 0)).isEqualTo(1);
        assertThat(Confidence.ratio(0, 0)).isEqualTo(0);
        assertThat(EmaCross.confidence(5.0 / 18, -1.0 / 6)).isEqualTo(0.625, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(RsiDmi.upwardShare(0, 0)).isEqualTo(0.5);
        assertThat(RsiDmi.upwardShare(30, 10)).isEqualTo(0.75);
    }

    @Test
    void expectationsRefuseImpossibleFigures() {
        assertThatThrownBy(() -> new StrategyExpectations(new BigDecimal("-1"), BigDecimal.ZERO, "x"))
                .hasMessage("an expected yearly return must be above -1, not -1");
        assertThatThrownBy(() -> new StrategyExpectations(BigDecimal.ZERO, new BigDecimal("1.2"), "x"))
                .hasMessage("a maximum drawdown is a fraction from 0 to 1, not 1.2");
        assertThatThrownBy(() -> new StrategyExpectations(BigDecimal.ZERO, BigDecimal.ZERO, " "))
                .hasMessage("expectations need a basis: where the figures come from");
    }
}
