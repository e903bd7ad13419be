package io.tradebook.core.books;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random operations on books, for the property tests: deposits, withdrawals, allocations and fills. */
final class BookOps {
    static final Currency USD = Currency.USD;
    static final List<String> ACCOUNTS = List.of("A", "B");
    static final List<String> STRATEGIES = List.of("s1", "s2", "s3");
    static final List<String> SYMBOLS = List.of("AAPL", "BTC", "SPY");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private BookOps() {
    }

    sealed interface Op permits Deposit, Withdraw, Allocate, Trade {
    }

    record Deposit(String account, BigDecimal amount) implements Op {
    }

    record Withdraw(String account, BigDecimal amount) implements Op {
    }

    record Allocate(String account, String strategy, BigDecimal amount) implements Op {
    }

    /** {@code split} in (0, 1) says where a splitting property cuts this trade in two; fees are split in the same ratio. */
    record Trade(String account, String strategy, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                 BigDecimal fee, double split) implements Op {
    }

    static Arbitrary<List<Op>> ops() {
        Arbitrary<String> account = Arbitraries.of(ACCOUNTS);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("100000")).ofScale(2);
        Arbitrary<Op> deposit = Combinators.combine(account, amount).as(Deposit::new);
        Arbitrary<Op> withdraw = Combinators.combine(account, amount).as(Withdraw::new);
        Arbitrary<Op> allocate = Combinators.combine(account, Arbitraries.of(STRATEGIES), amount).as(Allocate::new);
        Arbitrary<BigDecimal> wholeUnits = Arbitraries.integers().between(1, 500).map(BigDecimal::valueOf);
        Arbitrary<BigDecimal> fractional = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.00000001"), new BigDecimal("20")).ofScale(8);
        Arbitrary<BigDecimal> quantity = Arbitraries.oneOf(wholeUnits, fractional);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("5000")).ofScale(4);
        Arbitrary<BigDecimal> fee = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                net.jqwik.api.Tuple.of(3, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10")).ofScale(2)));
        Arbitrary<Op> trade = Combinators.combine(account, Arbitraries.of(STRATEGIES), Arbitraries.of(SYMBOLS),
                Arbitraries.of(Side.class), quantity, price, fee, Arbitraries.doubles().between(0.05, 0.95))
                .as(Trade::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, deposit), net.jqwik.api.Tuple.of(1, withdraw),
                net.jqwik.api.Tuple.of(1, allocate), net.jqwik.api.Tuple.of(16, trade));
        return op.list().ofMinSize(1).ofMaxSize(80);
    }

    /** Applies {@code ops} to fresh books; with {@code split}, every trade goes in as two partial fills. */
    static Books run(List<Op> ops, boolean split) {
        Books books = Books.keepingEntries(USD);
        int n = 0;
        for (Op op : ops) {
            Instant t = T0.plusSeconds(60L * n++);
            if (op instanceof Deposit d) {
                books.account(d.account()).deposit(Money.of(d.amount(), USD), t, "dep" + n);
            } else if (op instanceof Withdraw w) {
                books.account(w.account()).withdraw(Money.of(w.amount(), USD), t, "wd" + n);
            } else if (op instanceof Allocate a) {
                books.account(a.account()).allocate(a.strategy(), Money.of(a.amount(), USD), t);
            } else if (op instanceof Trade tr) {
                for (Fill f : fills(tr, "f" + n, t, split)) {
                    books.apply(f);
                }
            }
        }
        return books;
    }

    static List<Fill> fills(Trade tr, String id, Instant t, boolean split) {
        List<Fill> out = new ArrayList<>();
        BigDecimal q1 = split ? tr.quantity().multiply(BigDecimal.valueOf(tr.split())).setScale(8, RoundingMode.DOWN) : BigDecimal.ZERO;
        if (q1.signum() == 0 || q1.compareTo(tr.quantity()) >= 0) {
            out.add(fill(tr, id, t, tr.quantity(), tr.fee()));
            return out;
        }
        BigDecimal f1 = tr.fee().multiply(BigDecimal.valueOf(tr.split())).setScale(2, RoundingMode.DOWN);
        out.add(fill(tr, id + "a", t, q1, f1));
        out.add(fill(tr, id + "b", t, tr.quantity().subtract(q1), tr.fee().subtract(f1)));
        return out;
    }

    private static Fill fill(Trade tr, String id, Instant t, BigDecimal qty, BigDecimal fee) {
        return Fill.of(id, tr.account(), tr.strategy(), tr.symbol(), tr.side(), Quantity.of(qty),
                Price.of(tr.price(), USD), Money.of(fee, USD), t);
    }
}
