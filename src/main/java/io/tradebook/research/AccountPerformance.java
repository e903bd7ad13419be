package io.tradebook.research;

import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.analytics.PerformanceRecorder;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.analytics.RunPerformance;
import io.tradebook.core.books.AccountBook;
import io.tradebook.core.books.Fill;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.store.FillHistory;
import io.tradebook.store.FillHistory.StoredFill;
import io.tradebook.store.JournalHistory;
import io.tradebook.store.Page;
import io.tradebook.store.PageCursor;
import io.tradebook.trading.PriceService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.Optional;

/**
 * An account's performance from its books' history: its journal (deposits, withdrawals,
 * allocations, releases, fills) is replayed, oldest entry first, into fresh in-memory books, and
 * the account and each strategy are valued after every moment something was booked (at each
 * symbol's latest fill price then) and once more now (at the latest market prices, else the latest
 * fill price). {@link PerformanceRecorder} measures the curves by the conventions of
 * docs/metrics.md: a strategy with a budget against its net allocation, a strategy on the shared
 * pool against the account's net deposits (both as they are now). The replayed books are checked
 * against the stored balances' totals by the caller's tests, not here. Stateless apart from its
 * repositories; thread-safe.
 */
public final class AccountPerformance {
    private static final int PAGE = 500;
    private final JournalHistory journal;
    private final FillHistory fills;
    private final PriceService prices;

    public AccountPerformance(JournalHistory journal, FillHistory fills, PriceService prices) {
        this.journal = journal;
        this.fills = fills;
        this.prices = prices;
    }

    /** The account's and its strategies' performance up to {@code now}; {@code strategies} names every book to measure. */
    public RunPerformance measure(UUID accountId, Currency currency, Set<String> strategies, Instant now) {
        List<JournalHistory.Entry> entries = all(after -> journal.list(accountId, JournalHistory.Filter.ANY, after, PAGE));
        Collections.reverse(entries);
        Map<Long, StoredFill> byId = new HashMap<>();
        all(after -> fills.list(accountId, FillHistory.Filter.ANY, after, PAGE)).forEach(f -> byId.put(f.id(), f));

        // pass 1: the books as they are now, for each strategy's capital
        AccountBook finalBook = replay(accountId, currency, entries, byId, null, null);
        Set<String> names = new LinkedHashSet<>(strategies);
        names.addAll(finalBook.strategies());
        Map<String, Money> capital = new HashMap<>();
        for (String name : names) {
            capital.put(name, finalBook.hasAllocation(name) ? allocationOf(entries, name, currency) : finalBook.netDeposits());
        }
        PerformanceRecorder recorder = new PerformanceRecorder(currency, capital);
        Map<String, Price> marks = new HashMap<>();
        AccountBook book = replay(accountId, currency, entries, byId, recorder, marks);
        Instant last = entries.stream().map(JournalHistory.Entry::occurredAt).max(Instant::compareTo).orElse(null);
        if (last == null || now.isAfter(last)) {
            for (String symbol : new ArrayList<>(marks.keySet())) {
                prices.latest(symbol).filter(p -> p.price().signum() > 0).ifPresent(p -> marks.put(symbol, Price.of(p.price(), currency)));
            }
            recorder.record(now, book, marks);
        }
        return recorder.finish(book, MetricSettings.daily());
    }

    /** Replays the entries into fresh books; with a recorder, records after each distinct time (marks: latest fill prices). */
    private static AccountBook replay(UUID accountId, Currency currency, List<JournalHistory.Entry> entries, Map<Long, StoredFill> fills,
                                      PerformanceRecorder recorder, Map<String, Price> marks) {
        String key = accountId.toString();
        AccountBook book = AccountBook.open(key, currency);
        Instant recorded = null;
        for (int i = 0; i < entries.size(); i++) {
            JournalHistory.Entry e = entries.get(i);
            switch (e.type()) {
                case "DEPOSIT" -> book.deposit(Money.of(capital(e).negate(), currency), e.occurredAt(), "entry-" + e.id());
                case "WITHDRAWAL" -> book.withdraw(Money.of(capital(e), currency), e.occurredAt(), "entry-" + e.id());
                case "ALLOCATION", "RELEASE" -> {
                    JournalHistory.Posting budget = e.postings().stream().filter(p -> "CASH".equals(p.ledgerAccount()) && p.strategy() != null)
                            .findFirst().orElseThrow(() -> new IllegalStateException("journal entry " + e.id() + " moves no budget"));
                    if (budget.amount().signum() > 0) {
                        book.allocate(budget.strategy(), Money.of(budget.amount(), currency), e.occurredAt());
                    } else {
                        book.release(budget.strategy(), Money.of(budget.amount().negate(), currency), e.occurredAt());
                    }
                }
                case "FILL" -> {
                    StoredFill f = fills.get(e.fillId());
                    if (f == null) {
                        throw new IllegalStateException("journal entry " + e.id() + " books fill " + e.fillId() + ", which is missing");
                    }
                    Price price = Price.of(f.price(), currency);
                    book.apply(Fill.of("fill-" + f.id(), key, f.strategy(), f.symbol(), f.side(), Quantity.of(f.quantity()), price,
                            Money.of(f.fee(), currency), e.occurredAt()));
                    if (marks != null) {
                        marks.put(f.symbol(), price);
                    }
                }
                default -> throw new IllegalStateException("unknown journal entry type " + e.type());
            }
            boolean lastOfItsTime = i == entries.size() - 1 || !entries.get(i + 1).occurredAt().equals(e.occurredAt());
            // a time earlier than one recorded (a clock set back) is folded into the next later point
            if (recorder != null && lastOfItsTime && (recorded == null || e.occurredAt().isAfter(recorded))) {
                recorder.record(e.occurredAt(), book, marks);
                recorded = e.occurredAt();
            }
        }
        return book;
    }

    private static BigDecimal capital(JournalHistory.Entry e) {
        return e.postings().stream().filter(p -> "CAPITAL".equals(p.ledgerAccount())).map(JournalHistory.Posting::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A budgeted strategy's net allocation (allocations less releases). */
    private static Money allocationOf(List<JournalHistory.Entry> entries, String strategy, Currency currency) {
        BigDecimal net = BigDecimal.ZERO;
        for (JournalHistory.Entry e : entries) {
            if (e.type().equals("ALLOCATION") || e.type().equals("RELEASE")) {
                for (JournalHistory.Posting p : e.postings()) {
                    if ("CASH".equals(p.ledgerAccount()) && strategy.equals(p.strategy())) {
                        net = net.add(p.amount());
                    }
                }
            }
        }
        return Money.of(net, currency);
    }

    private static <T> List<T> all(Function<PageCursor, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        PageCursor after = null;
        do {
            Page<T> page = pages.apply(after);
            items.addAll(page.items());
            after = page.next();
        } while (after != null);
        return items;
    }

    /** The summary of {@code strategy} in {@code performance}. */
    public static Optional<PerformanceSummary> strategy(RunPerformance performance, String strategy) {
        return performance.strategies().stream().filter(s -> s.name().equals(strategy)).findFirst();
    }
}
