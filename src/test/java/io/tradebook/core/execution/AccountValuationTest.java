package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Books;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Equity, P&L and buying power of an account, as the API shows them, against figures worked by hand. */
class AccountValuationTest {
    private static final Currency USD = Currency.USD;
    private static final Instant T = Instant.parse("2026-03-02T14:30:00Z");
    private InMemoryBookKeeper books;

    @BeforeEach
    void books() {
        books = new InMemoryBookKeeper(Books.keepingEntries(USD));
        books.activate("A", "alpha", "beta");
        books.deposit("A", Money.of("10000", USD), T, "open");
        books.record(Fill.of("t1", "A", "alpha", "AAPL", Side.BUY, Quantity.of(10), Price.of("100", USD), Money.of("1", USD), T));
        books.record(Fill.of("t2", "A", "beta", "AAPL", Side.BUY, Quantity.of(10), Price.of("110", USD), Money.of("1", USD), T));
        books.record(Fill.of("t3", "A", "beta", "MSFT", Side.SELL, Quantity.of(5), Price.of("400", USD), Money.of("1", USD), T));
    }

    @Test
    void marksEveryPositionAndSumsTheAccount() {
        AccountValuation v = value(AccountType.MARGIN, Map.of("AAPL", "105"), List.of());
        // cash: 10,000 − 1,001 − 1,101 + 1,999 = 9,897; AAPL 20 × 105 = 2,100; MSFT short 5 at its average 400 = −2,000
        assertThat(v.cash().amount()).isEqualByComparingTo("9897");
        assertThat(v.marketValue().amount()).isEqualByComparingTo("100");
        assertThat(v.grossExposure().amount()).isEqualByComparingTo("4100");
        assertThat(v.equity().amount()).isEqualByComparingTo("9997");
        assertThat(v.unrealizedPnl().amount()).as("+50 − 50 + 0").isEqualByComparingTo("0");
        assertThat(v.realizedPnl().amount()).as("the three fees").isEqualByComparingTo("-3");
        assertThat(v.positions()).hasSize(3);
        var alpha = v.positions().stream().filter(m -> m.position().strategy().equals("alpha")).findFirst().orElseThrow();
        assertThat(alpha.unrealizedPnl().amount()).isEqualByComparingTo("50");
        assertThat(alpha.mark().value()).isEqualByComparingTo("105");
    }

    @Test
    void aMarginAccountsBuyingPowerIsTheExposureHalfItsEquityAllows() {
        Order working = Order.accept("o1", OrderRequest.market("A", "alpha", "AAPL", Side.BUY, Quantity.of(1)), Money.of("500", USD), T);
        AccountValuation v = value(AccountType.MARGIN, Map.of("AAPL", "105"), List.of(working));
        // 2 × (9,997 − 500) − 4,100
        assertThat(v.held().amount()).isEqualByComparingTo("500");
        assertThat(v.buyingPower().amount()).isEqualByComparingTo("14894");
    }

    @Test
    void aCashAccountsBuyingPowerIsThePoolsFreeCashAndNeverNegative() {
        Order working = Order.accept("o1", OrderRequest.market("A", "alpha", "AAPL", Side.BUY, Quantity.of(1)), Money.of("897", USD), T);
        assertThat(value(AccountType.CASH, Map.of(), List.of(working)).buyingPower().amount()).isEqualByComparingTo("9000");
        Order big = Order.accept("o2", OrderRequest.market("A", "alpha", "AAPL", Side.BUY, Quantity.of(1)), Money.of("20000", USD), T);
        assertThat(value(AccountType.CASH, Map.of(), List.of(big)).buyingPower().amount()).isZero();
    }

    private AccountValuation value(AccountType type, Map<String, String> prices, List<Order> open) {
        return AccountValuation.of(new TradingAccount("A", type, USD), books.snapshot("A"), books.snapshot("A").cash(),
                s -> Optional.ofNullable(prices.get(s)).map(p -> Price.of(p, USD)), open, s -> false);
    }
}
