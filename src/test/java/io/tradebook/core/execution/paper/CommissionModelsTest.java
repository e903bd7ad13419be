package io.tradebook.core.execution.paper;

import static io.tradebook.core.execution.paper.PaperFixtures.px;
import static io.tradebook.core.execution.paper.PaperFixtures.qty;
import static io.tradebook.core.execution.paper.PaperFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commission models on their own: exact money, and per-order charges that add up over partial fills. */
class CommissionModelsTest {
    private static final Price P = px("100");

    /** The charges of an order filled in {@code parts}, one after another. */
    private static List<Money> charges(CommissionModel model, String... parts) {
        Quantity filled = Quantity.ZERO;
        List<Money> out = new java.util.ArrayList<>();
        for (String part : parts) {
            out.add(model.commission(filled, qty(part), P));
            filled = filled.plus(qty(part));
        }
        return out;
    }

    private static Money sum(List<Money> charges) {
        return charges.stream().reduce(usd("0"), Money::plus);
    }

    @Test
    void perShareChargesTheIncreaseOfMaxOfMinimumAndRateTimesFilled() {
        PerShareCommission model = new PerShareCommission(usd("0.005"), usd("1.00"));

        // totals after 100, 250, 500: max(1, 0.5) = 1, max(1, 1.25) = 1.25, max(1, 2.5) = 2.5
        assertThat(charges(model, "100", "150", "250")).containsExactly(usd("1"), usd("0.25"), usd("1.25"));
        // totals after 10, 20, 30: 1, 1, 1 (the rate never catches up with the minimum)
        assertThat(charges(model, "10", "10", "10")).containsExactly(usd("1"), usd("0"), usd("0"));
        // however the 500 is split, it costs 2.50 in all
        assertThat(sum(charges(model, "500"))).isEqualTo(usd("2.50"));
        assertThat(sum(charges(model, "1", "199", "3", "297"))).isEqualTo(usd("2.50"));
        assertThat(sum(charges(model, "7", "13", "180", "300"))).isEqualTo(usd("2.50"));
    }

    @Test
    void perShareOnFractionalQuantitiesIsExact() {
        PerShareCommission model = new PerShareCommission(usd("0.0035"), usd("0.35"));

        // totals after 100.5 and 300.25: 0.35175 and 1.050875
        assertThat(charges(model, "100.5", "199.75")).containsExactly(usd("0.35175"), usd("0.699125"));
    }

    @Test
    void basisPointsAreAShareOfEachFillsNotional() {
        BasisPointsCommission model = BasisPointsCommission.of("2.5");

        assertThat(model.commission(Quantity.ZERO, qty("10"), px("100.02"))).isEqualTo(usd("0.25005")); // 1000.20 × 0.00025
        assertThat(model.commission(qty("10"), qty("3"), px("99.98"))).isEqualTo(usd("0.074985")); // 299.94 × 0.00025
        // 0.00000001 × 0.000000000001 × 1 bps has 24 decimals: rounded half-even to 20, i.e. to zero
        assertThat(BasisPointsCommission.of("1").commission(Quantity.ZERO, qty("0.00000001"), px("0.000000000001")))
                .isEqualTo(usd("0"));
    }

    @Test
    void fixedPerOrderIsChargedOnTheFirstFillOnly() {
        FixedPerOrderCommission model = new FixedPerOrderCommission(usd("4.95"));

        assertThat(charges(model, "100", "50", "1")).containsExactly(usd("4.95"), usd("0"), usd("0"));
    }

    @Test
    void noCommissionIsZeroInThePricesCurrency() {
        assertThat(new NoCommission().commission(Quantity.ZERO, qty("100"), P)).isEqualTo(usd("0"));
    }

    @Test
    void refusesNegativeAmountsMixedCurrenciesAndAFillInAnotherCurrency() {
        Money euro = Money.of("1", Currency.of("EUR"));
        assertThatThrownBy(() -> new PerShareCommission(usd("-0.01"), usd("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PerShareCommission(usd("0.01"), euro)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasisPointsCommission.of("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedPerOrderCommission(usd("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixedPerOrderCommission(euro).commission(Quantity.ZERO, qty("1"), P))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
