package io.tradebook.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTypesTest {
    private static final Currency USD = Currency.USD;
    private static final Currency EUR = Currency.of("EUR");

    @Test
    void quantityTimesPriceIsExactMoneyInThePriceCurrency() {
        Money notional = Quantity.of("0.12345678").times(Price.of("806.78", USD));
        assertThat(notional.amount()).isEqualByComparingTo("99.6024609684");
        assertThat(notional.currency()).isSameAs(USD);
    }

    @Test
    void theLargestScalesMultiplyWithoutRounding() {
        Money notional = Quantity.of("0.00000001").times(Price.of("0.000000000001", USD));
        assertThat(notional.amount()).isEqualByComparingTo(new BigDecimal("1E-20"));
    }

    @Test
    void refusesMixedCurrencies() {
        Money usd = Money.of("1", USD);
        Money eur = Money.of("1", EUR);
        assertThatThrownBy(() -> usd.plus(eur)).hasMessageContaining("currency mismatch");
        assertThatThrownBy(() -> usd.compareTo(eur)).hasMessageContaining("currency mismatch");
    }

    @Test
    void refusesTooManyDecimalsButAcceptsTrailingZeros() {
        assertThatThrownBy(() -> Quantity.of("0.000000001")).hasMessageContaining("more than 8 decimals");
        assertThatThrownBy(() -> Price.of("1.0000000000001", USD)).hasMessageContaining("more than 12 decimals");
        assertThat(Quantity.of("1.500000000000")).isEqualTo(Quantity.of("1.5"));
    }

    @Test
    void refusesNegativePricesAndGarbage() {
        assertThatThrownBy(() -> Price.of("-1", USD)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Quantity.of("1e3")).hasMessageContaining("plain decimal");
        assertThatThrownBy(() -> Quantity.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Money.of("12,5", USD)).hasMessageContaining("plain decimal");
        assertThatThrownBy(() -> Currency.of("usd")).hasMessageContaining("upper-case");
    }

    @Test
    void equalityIgnoresScaleButNotCurrency() {
        assertThat(Money.of("1.50", USD)).isEqualTo(Money.of("1.5", USD)).hasSameHashCodeAs(Money.of("1.5", USD));
        assertThat(Money.of("1.5", USD)).isNotEqualTo(Money.of("1.5", EUR));
        assertThat(Money.of("0.00", USD)).isEqualTo(Money.zero(USD)).hasSameHashCodeAs(Money.zero(USD));
    }

    @Test
    void averagePriceRoundsHalfEvenToTwelveDecimals() {
        Price avg = Price.average(Money.of("302", USD), Quantity.of(3));
        assertThat(avg.value()).isEqualByComparingTo("100.666666666667");
    }

    @Test
    void proRataSplitsAFeeAndTheTwoPartsAddBack() {
        Money fee = Money.of("1", USD);
        Money part = fee.proRata(Quantity.of(1), Quantity.of(3));
        assertThat(part.amount()).isEqualByComparingTo("0.33333333333333333333");
        assertThat(part.plus(fee.minus(part))).isEqualTo(fee);
    }

    @Test
    void plainStringsHaveNoExponentAndNoTrailingZeros() {
        assertThat(Money.of("100.500", USD).toPlainString()).isEqualTo("100.5");
        assertThat(Money.of(new BigDecimal("1E+3"), USD).toPlainString()).isEqualTo("1000");
        assertThat(Quantity.of("0.00000001").toPlainString()).isEqualTo("0.00000001");
        assertThat(Money.of("0.000", USD).toPlainString()).isEqualTo("0");
    }
}
