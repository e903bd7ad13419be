package io.tradebook.core.books;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.BookOps.Deposit;
import io.tradebook.core.books.BookOps.Op;
import io.tradebook.core.books.BookOps.Trade;
import io.tradebook.core.books.BookOps.Withdraw;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the books under random fill sequences across accounts, strategies and symbols. */
class BookProperties {

    @Provide
    Arbitrary<List<Op>> ops() {
        return BookOps.ops();
    }

    @Provide
    Arbitrary<Map<String, BigDecimal>> marks() {
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("6000")).ofScale(4);
        return price.list().ofSize(BookOps.SYMBOLS.size()).map(ps -> {
            Map<String, BigDecimal> m = new HashMap<>();
            for (int i = 0; i < ps.size(); i++) {
                m.put(BookOps.SYMBOLS.get(i), ps.get(i));
            }
            return m;
        });
    }

    @Property(tries = 300)
    void theJournalBalancesAndEveryCachedFigureEqualsTheDerivedOne(@ForAll("ops") List<Op> ops) {
        Books books = BookOps.run(ops, false);
        assertThat(books.verify()).isEmpty();
        for (AccountBook book : books.accounts()) {
            assertThat(book.journal().total().isZero()).isTrue();
        }
    }

    @Property(tries = 300)
    void strategiesSumToTheAccountAndCashIsExactlyTheFlows(@ForAll("ops") List<Op> ops) {
        Books books = BookOps.run(ops, false);
        Map<String, BigDecimal> cash = new HashMap<>();
        Map<String, BigDecimal> fees = new HashMap<>();
        Map<String, BigDecimal> netQuantity = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Deposit d) {
                cash.merge(d.account(), d.amount(), BigDecimal::add);
            } else if (op instanceof Withdraw w) {
                cash.merge(w.account(), w.amount().negate(), BigDecimal::add);
            } else if (op instanceof Trade t) {
                BigDecimal notional = t.quantity().multiply(t.price());
                BigDecimal flow = (t.side() == Side.BUY ? notional.negate() : notional).subtract(t.fee());
                cash.merge(t.account(), flow, BigDecimal::add);
                fees.merge(t.account(), t.fee(), BigDecimal::add);
                BigDecimal signed = t.side() == Side.BUY ? t.quantity() : t.quantity().negate();
                netQuantity.merge(t.account() + "/" + t.symbol(), signed, BigDecimal::add);
            }
        }
        for (AccountBook book : books.accounts()) {
            String a = book.account();
            assertThat(book.cash().amount()).isEqualByComparingTo(cash.getOrDefault(a, BigDecimal.ZERO));
            assertThat(book.fees().amount()).isEqualByComparingTo(fees.getOrDefault(a, BigDecimal.ZERO));
            Money poolPlusBudgets = book.poolCash();
            for (String s : BookOps.STRATEGIES) {
                if (book.hasAllocation(s)) {
                    poolPlusBudgets = poolPlusBudgets.plus(book.cashAvailableTo(s));
                }
            }
            assertThat(poolPlusBudgets).isEqualTo(book.cash());
            for (String symbol : BookOps.SYMBOLS) {
                Quantity sum = Quantity.ZERO;
                for (String s : book.strategies()) {
                    StrategyPosition p = book.position(s, symbol);
                    sum = p == null ? sum : sum.plus(p.signedQuantity());
                }
                assertThat(sum.value()).isEqualByComparingTo(netQuantity.getOrDefault(a + "/" + symbol, BigDecimal.ZERO));
            }
        }
    }

    @Property(tries = 300)
    void realizedPlusUnrealizedIsEquityMinusNetDeposits(@ForAll("ops") List<Op> ops, @ForAll("marks") Map<String, BigDecimal> marks) {
        Books books = BookOps.run(ops, false);
        Map<String, Price> prices = new HashMap<>();
        marks.forEach((k, v) -> prices.put(k, Price.of(v, BookOps.USD)));
        for (AccountBook book : books.accounts()) {
            Money pnl = book.realizedPnl().plus(book.unrealizedPnl(prices));
            assertThat(pnl).isEqualTo(book.equity(prices).minus(book.netDeposits()));
        }
    }

    @Property(tries = 300)
    void aLifecycleBackAtZeroRealizedExactlyProceedsMinusCostMinusFees(@ForAll("ops") List<Op> ops) {
        Books books = BookOps.run(ops, false);
        for (AccountBook book : books.accounts()) {
            for (StrategyPosition p : book.allPositions()) {
                for (RoundTrip trip : p.roundTrips()) {
                    assertThat(trip.size().isPositive()).isTrue();
                    assertThat(trip.exitTime()).isAfterOrEqualTo(trip.entryTime());
                }
            }
        }
        // the exact identity is checked on the lifecycles themselves, which keep entry cost and exit proceeds
        Books again = Books.keepingEntries(BookOps.USD);
        int n = 0;
        for (Op op : ops) {
            n++;
            if (op instanceof Trade t) {
                for (Fill f : BookOps.fills(t, "f" + n, java.time.Instant.EPOCH.plusSeconds(n), false)) {
                    FillResult r = again.apply(f);
                    Holding closed = r.change().closed();
                    if (closed != null) {
                        Money gross = closed.side() == PositionSide.LONG
                                ? closed.exitProceeds().minus(closed.entryCost())
                                : closed.entryCost().minus(closed.exitProceeds());
                        assertThat(closed.realizedPnl()).isEqualTo(gross.minus(closed.fees()));
                        assertThat(closed.exitQuantity()).isEqualTo(closed.entryQuantity());
                        assertThat(closed.costBasis().isZero()).isTrue();
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void splittingFillsIntoPartialFillsChangesNothing(@ForAll("ops") List<Op> ops) {
        Books whole = BookOps.run(ops, false);
        Books split = BookOps.run(ops, true);
        assertThat(split.verify()).isEmpty();
        for (AccountBook a : whole.accounts()) {
            AccountBook b = split.account(a.account());
            assertThat(b.cash()).isEqualTo(a.cash());
            assertThat(b.netDeposits()).isEqualTo(a.netDeposits());
            assertThat(b.realizedPnl()).isEqualTo(a.realizedPnl());
            assertThat(b.fees()).isEqualTo(a.fees());
            for (StrategyPosition pa : a.allPositions()) {
                StrategyPosition pb = b.position(pa.strategy(), pa.symbol());
                String where = pa.strategy() + "/" + pa.symbol();
                assertThat(pb.signedQuantity()).as(where).isEqualTo(pa.signedQuantity());
                assertThat(pb.signedCostBasis()).as(where).isEqualTo(pa.signedCostBasis());
                assertThat(pb.averagePrice()).as(where).isEqualTo(pa.averagePrice());
                assertThat(pb.realizedPnl()).as(where).isEqualTo(pa.realizedPnl());
                assertThat(pb.fees()).as(where).isEqualTo(pa.fees());
            }
            assertThat(b.journal().balances()).isEqualTo(a.journal().balances());
        }
    }
}
