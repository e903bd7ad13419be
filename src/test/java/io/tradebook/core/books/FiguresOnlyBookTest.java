package io.tradebook.core.books;

import static io.tradebook.core.books.BookFixtures.T0;
import static io.tradebook.core.books.BookFixtures.fill;
import static io.tradebook.core.books.BookFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.money.Currency;
import org.junit.jupiter.api.Test;

/** A book of running figures only agrees with a full book on every figure, counts round trips and keeps none. */
class FiguresOnlyBookTest {

    @Test
    void keepsTheSameFiguresAndTheRoundTripCountButNotTheRoundTrips() {
        AccountBook full = AccountBook.open("A", Currency.USD);
        AccountBook figures = AccountBook.figuresOnly("A", Currency.USD);
        for (AccountBook book : java.util.List.of(full, figures)) {
            book.deposit(usd("10000"), T0, "funding");
            book.apply(fill("A", "s", "AAPL", Side.BUY, "10", "100", "1", 1));
            book.apply(fill("A", "s", "AAPL", Side.SELL, "10", "110", "1", 2));
            book.apply(fill("A", "s", "AAPL", Side.SELL, "5", "120", "1", 3)); // a short opens
        }
        assertThat(figures.cash()).isEqualTo(full.cash());
        assertThat(figures.realizedPnl()).isEqualTo(full.realizedPnl());
        assertThat(figures.fees()).isEqualTo(full.fees());
        assertThat(figures.snapshot()).isEqualTo(full.snapshot());
        assertThat(figures.snapshot().positions()).singleElement().satisfies(p -> assertThat(p.roundTrips()).isEqualTo(1));
        assertThat(full.roundTrips()).hasSize(1);
        assertThatThrownBy(figures::roundTrips).isInstanceOf(IllegalStateException.class).hasMessageContaining("count");
        assertThat(figures.verify()).isEmpty();
    }
}
