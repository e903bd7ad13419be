package io.tradebook.core.books;

import static io.tradebook.core.books.BookFixtures.T0;
import static io.tradebook.core.books.BookFixtures.USD;
import static io.tradebook.core.books.BookFixtures.buy;
import static io.tradebook.core.books.BookFixtures.price;
import static io.tradebook.core.books.BookFixtures.sell;
import static io.tradebook.core.books.BookFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Books worked out by hand: every figure below was computed on paper first. */
class WorkedExamplesTest {
    private AccountBook book;

    @BeforeEach
    void openWithTenThousand() {
        book = AccountBook.open("A", USD);
        book.deposit(usd("10000"), T0, "initial");
    }

    @Test
    void longScaledInThenClosedInTwoSteps() {
        book.apply(buy("s", "AAPL", "10", "100", "1", 1));
        book.apply(buy("s", "AAPL", "10", "110", "1", 2));
        StrategyPosition p = book.position("s", "AAPL");
        assertThat(p.quantity()).isEqualTo(Quantity.of(20));
        assertThat(p.open().costBasis()).isEqualTo(usd("2100"));
        assertThat(p.averagePrice()).isEqualTo(price("105"));
        assertThat(p.realizedPnl()).isEqualTo(usd("-2"));
        assertThat(book.cash()).isEqualTo(usd("7898"));

        book.apply(sell("s", "AAPL", "5", "120", "1", 3));
        assertThat(p.realizedPnl()).isEqualTo(usd("72")); // -2 + (120-105)*5 - 1
        assertThat(p.open().costBasis()).isEqualTo(usd("1575"));
        assertThat(p.averagePrice()).isEqualTo(price("105"));
        assertThat(book.cash()).isEqualTo(usd("8497"));

        FillResult last = book.apply(sell("s", "AAPL", "15", "100", "1", 4));
        assertThat(p.side()).isEqualTo(PositionSide.FLAT);
        assertThat(p.realizedPnl()).isEqualTo(usd("-4")); // proceeds 2100 - cost 2100 - fees 4
        assertThat(p.fees()).isEqualTo(usd("4"));
        assertThat(book.cash()).isEqualTo(usd("9996"));
        RoundTrip trip = last.closedRoundTrip();
        assertThat(trip.direction()).isEqualTo(PositionSide.LONG);
        assertThat(trip.entryPrice()).isEqualTo(price("105"));
        assertThat(trip.exitPrice()).isEqualTo(price("105"));
        assertThat(trip.size()).isEqualTo(Quantity.of(20));
        assertThat(trip.pnl()).isEqualTo(usd("-4"));
        assertThat(trip.fees()).isEqualTo(usd("4"));
        assertThat(trip.entryTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(trip.exitTime()).isEqualTo(T0.plusSeconds(240));
        assertThat(book.verify()).isEmpty();
    }

    @Test
    void shortReducedThenMarked() {
        book.apply(sell("s", "XYZ", "10", "50", "0.5", 1));
        book.apply(buy("s", "XYZ", "4", "40", "0.5", 2));
        StrategyPosition p = book.position("s", "XYZ");
        assertThat(p.side()).isEqualTo(PositionSide.SHORT);
        assertThat(p.quantity()).isEqualTo(Quantity.of(6));
        assertThat(p.signedQuantity()).isEqualTo(Quantity.of(-6));
        assertThat(p.realizedPnl()).isEqualTo(usd("39")); // (50-40)*4 - 1
        assertThat(p.open().costBasis()).isEqualTo(usd("300"));
        Map<String, Price> marks = Map.of("XYZ", price("45"));
        assertThat(p.unrealizedPnl(marks.get("XYZ"))).isEqualTo(usd("30"));
        assertThat(book.cash()).isEqualTo(usd("10339")); // 10000 + 499.5 - 160.5
        assertThat(book.equity(marks)).isEqualTo(usd("10069")); // cash - 6*45
        assertThat(book.realizedPnl().plus(book.unrealizedPnl(marks))).isEqualTo(book.equity(marks).minus(book.netDeposits()));
        assertThat(book.journal().balance(LedgerAccount.positionCost("s", "XYZ"))).isEqualTo(usd("-300"));
        assertThat(book.verify()).isEmpty();
    }

    @Test
    void flipThroughZeroClosesAtTheFillPriceAndOpensTheRest() {
        book.apply(buy("s", "AAPL", "10", "100", "0", 1));
        FillResult flip = book.apply(sell("s", "AAPL", "15", "110", "3", 2));
        RoundTrip closed = flip.closedRoundTrip();
        assertThat(closed.pnl()).isEqualTo(usd("98")); // 10*10 - 3*10/15
        assertThat(closed.exitPrice()).isEqualTo(price("110"));
        Holding opened = flip.change().opened();
        assertThat(opened.side()).isEqualTo(PositionSide.SHORT);
        assertThat(opened.quantity()).isEqualTo(Quantity.of(5));
        assertThat(opened.averagePrice()).isEqualTo(price("110"));
        assertThat(opened.realizedPnl()).isEqualTo(usd("-1"));
        assertThat(opened.openedAt()).isEqualTo(closed.exitTime());
        StrategyPosition p = book.position("s", "AAPL");
        assertThat(p.realizedPnl()).isEqualTo(usd("97"));
        assertThat(book.journal().balance(LedgerAccount.positionCost("s", "AAPL"))).isEqualTo(usd("-550"));
        assertThat(book.cash()).isEqualTo(usd("10647")); // 10000 - 1000 + 1650 - 3
        assertThat(book.verify()).isEmpty();
    }

    @Test
    void partialFillsGiveTheSameBooksAsOneFill() {
        AccountBook whole = AccountBook.open("A", USD);
        whole.apply(buy("s", "AAPL", "10", "100.25", "1", 1));
        whole.apply(sell("s", "AAPL", "7", "101.5", "0.7", 2));
        book.apply(buy("s", "AAPL", "3", "100.25", "0.3", 1));
        book.apply(buy("s", "AAPL", "7", "100.25", "0.7", 1));
        book.apply(sell("s", "AAPL", "2", "101.5", "0.2", 2));
        book.apply(sell("s", "AAPL", "5", "101.5", "0.5", 2));
        StrategyPosition a = whole.position("s", "AAPL");
        StrategyPosition b = book.position("s", "AAPL");
        assertThat(b.quantity()).isEqualTo(a.quantity()).isEqualTo(Quantity.of(3));
        assertThat(b.open().costBasis()).isEqualTo(a.open().costBasis()).isEqualTo(usd("300.75"));
        assertThat(b.realizedPnl()).isEqualTo(a.realizedPnl()).isEqualTo(usd("7.05")); // 7*1.25 - 1.7
        assertThat(book.cash().minus(usd("10000"))).isEqualTo(whole.cash());
    }

    @Test
    void fractionalCryptoToTheSatoshi() {
        book.apply(buy("s", "BTCUSD", "0.12345678", "806.78", "0.01", 1));
        book.apply(sell("s", "BTCUSD", "0.02345678", "900.5", "0.005", 2));
        StrategyPosition p = book.position("s", "BTCUSD");
        assertThat(p.quantity()).isEqualTo(Quantity.of("0.1"));
        assertThat(p.open().costBasis()).isEqualTo(usd("80.678"));
        assertThat(p.realizedPnl()).isEqualTo(usd("2.1833694216"));
        assertThat(book.cash()).isEqualTo(usd("9921.5053694216"));
        assertThat(book.verify()).isEmpty();
    }

    @Test
    void twoStrategiesOnOneTickerKeepTheirOwnResults() {
        book.apply(buy("alpha", "AAPL", "10", "100", "0", 1));
        book.apply(buy("beta", "AAPL", "10", "120", "0", 2));
        Price mark = price("110");
        assertThat(book.position("alpha", "AAPL").unrealizedPnl(mark)).isEqualTo(usd("100"));
        assertThat(book.position("beta", "AAPL").unrealizedPnl(mark)).isEqualTo(usd("-100"));
        assertThat(book.unrealizedPnl(Map.of("AAPL", mark))).isEqualTo(usd("0"));
        assertThat(book.equity(Map.of("AAPL", mark))).isEqualTo(usd("10000"));
    }

    @Test
    void sharedPoolAndSegregatedBudgetWorkSideBySide() {
        book.allocate("beta", usd("3000"), T0);
        book.apply(buy("alpha", "AAPL", "10", "100", "1", 1));
        book.apply(buy("beta", "AAPL", "10", "120", "1", 2));
        assertThat(book.poolCash()).isEqualTo(usd("5999"));
        assertThat(book.cashAvailableTo("alpha")).isEqualTo(usd("5999"));
        assertThat(book.cashAvailableTo("beta")).isEqualTo(usd("1799"));
        assertThat(book.cash()).isEqualTo(usd("7798"));
        book.release("beta", usd("799"), T0.plusSeconds(600));
        assertThat(book.cashAvailableTo("beta")).isEqualTo(usd("1000"));
        assertThat(book.poolCash()).isEqualTo(usd("6798"));
        assertThat(book.verify()).isEmpty();
    }

    @Test
    void aFillIsAppliedOncePerTradeId() {
        Fill f = buy("s", "AAPL", "1", "100", "0", 1);
        assertThat(book.apply(f).duplicate()).isFalse();
        assertThat(book.apply(f).duplicate()).isTrue();
        assertThat(book.position("s", "AAPL").quantity()).isEqualTo(Quantity.of(1));
        assertThat(book.journal().entryCount()).isEqualTo(2);
    }

    @Test
    void verifyReportsACachedFigureTheJournalDoesNotBackUp() {
        book.journal().post(new JournalEntry("A", EntryType.DEPOSIT, T0, "behind the book's back", java.util.List.of(
                new Posting(LedgerAccount.cashPool(), usd("5")), new Posting(LedgerAccount.capital(), usd("-5")))));
        assertThat(book.verify()).containsExactlyInAnyOrder(
                "A: cash: cached 10000, journal 10005",
                "A: net deposits: cached 10000, journal 10005");
    }
}
