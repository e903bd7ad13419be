package io.tradebook.core.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BarTest {
    private static final Instant T = Instant.parse("2024-01-02T00:00:00Z");

    private static Price p(String v) {
        return Price.of(v, Currency.USD);
    }

    @Test
    void aCloseOnlyBarReadsAsAFlatBarButSaysItIsCloseOnly() {
        Bar bar = Bar.closeOnly("KO", T, p("9.88"));
        assertThat(bar.open()).isEqualTo(p("9.88"));
        assertThat(bar.high()).isEqualTo(p("9.88"));
        assertThat(bar.low()).isEqualTo(p("9.88"));
        assertThat(bar.volume()).isEqualTo(Quantity.ZERO);
        assertThat(bar.closeOnly()).isTrue();
        Bar flat = new Bar("KO", T, p("9.88"), p("9.88"), p("9.88"), p("9.88"), Quantity.ZERO);
        assertThat(flat.closeOnly()).isFalse();
        assertThat(flat).isNotEqualTo(bar);
    }

    @Test
    void aCloseOnlyBarRefusesOtherValues() {
        assertThatThrownBy(() -> new Bar("KO", T, p("9"), p("10"), p("9"), p("10"), Quantity.ZERO, true))
                .hasMessageContaining("close-only bar of KO").hasMessageContaining("must equal the close");
        assertThatThrownBy(() -> new Bar("KO", T, p("10"), p("10"), p("10"), p("10"), Quantity.of(1), true))
                .hasMessageContaining("the volume must be zero");
    }

    @Test
    void aBarRefusesAnImpossibleRange() {
        assertThatThrownBy(() -> new Bar("X", T, p("10"), p("9"), p("11"), p("10"), Quantity.ZERO)).hasMessageContaining("high 9 below low 11");
        assertThatThrownBy(() -> new Bar("X", T, p("12"), p("11"), p("9"), p("10"), Quantity.ZERO))
                .hasMessageContaining("open 12 outside [low 9, high 11]");
        assertThatThrownBy(() -> new Bar("X", T, p("10"), p("11"), p("9"), p("8"), Quantity.ZERO))
                .hasMessageContaining("close 8 outside [low 9, high 11]");
        assertThatThrownBy(() -> new Bar("X", T, p("10"), p("11"), p("9"), p("10"), Quantity.of(-1))).hasMessageContaining("negative volume");
    }
}
