package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.books.EntryType;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.AccountValuation;
import io.tradebook.store.FillHistory;
import io.tradebook.store.FillHistory.StoredFill;
import io.tradebook.store.JournalHistory;
import io.tradebook.store.Owned;
import io.tradebook.store.Page;
import io.tradebook.trading.AccountService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an account's books say ({@code /api/accounts/{accountId}/…}): fills with their fees,
 * positions per strategy and summed over strategies, the double-entry journal, and the check that
 * the stored books agree with their journal. All read-only, open to API keys with the read scope.
 */
final class BookRoutes implements RouteModule {
    private static final String TAG = "Books";
    private static final String ACCOUNT_PATH = "/api/accounts/{accountId}";
    private static final String ACCOUNT = "The account's id";

    /** A fill as listed. Immutable. */
    record FillView(long id, UUID orderId, String strategy, String symbol, Side side, BigDecimal quantity, BigDecimal price,
                    @JsonPropertyDescription("The broker's commission, in the account's currency") BigDecimal fee,
                    @JsonPropertyDescription("Cash moved: quantity × price + fee for a buy, − fee for a sell") BigDecimal totalCost,
                    String currency, String tradeId, String brokerOrderId, Instant executedAt) {
        static FillView of(StoredFill f) {
            return new FillView(f.id(), f.orderId(), f.strategy(), f.symbol(), f.side(), f.quantity(), f.price(), f.fee(), f.totalCost(),
                    f.currency(), f.tradeId(), f.brokerOrderId(), f.executedAt());
        }
    }

    /** A page of fills. Immutable. */
    record FillList(List<FillView> fills, String nextCursor) {
    }

    /** Positions per strategy and symbol. Immutable. */
    record PositionList(UUID accountId, String currency, List<PositionView> positions) {
    }

    /** Positions summed over strategies, per symbol. Immutable. */
    record AggregatePositionList(UUID accountId, String currency, List<AggregatePositionView> positions) {
    }

    /** A journal entry with its postings. Immutable. */
    record JournalEntryView(long id, EntryType type, Instant occurredAt,
                            @JsonPropertyDescription("A deposit's reference, a fill's trade id") String description,
                            Long fillId, List<PostingView> postings) {
        static JournalEntryView of(JournalHistory.Entry e) {
            return new JournalEntryView(e.id(), EntryType.valueOf(e.type()), e.occurredAt(), e.description(), e.fillId(),
                    e.postings().stream().map(p -> new PostingView(p.ledgerAccount(), p.strategy(), p.symbol(), p.amount(),
                            p.currency())).toList());
        }
    }

    /** One posting: debit positive, credit negative. Immutable. */
    record PostingView(@JsonPropertyDescription("CASH, CAPITAL, POSITION_COST, TRADING_PNL or FEES") String ledgerAccount,
                       String strategy, String symbol, BigDecimal amount, String currency) {
    }

    /** A page of the journal. Immutable. */
    record JournalPage(List<JournalEntryView> entries, String nextCursor) {
    }

    /** What verify-books found. Immutable. */
    record Verification(@JsonPropertyDescription("True when the stored books agree with their journal") boolean clean,
                        @JsonPropertyDescription("Each difference in words; empty when clean") List<String> differences,
                        Instant checkedAt) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        AccountService accounts = context.trading().accounts();
        FillHistory fills = new FillHistory(context.database().jdbi());
        JournalHistory journal = new JournalHistory(context.database().jdbi());
        routes.add(Paging.declare(Route.get(ACCOUNT_PATH + "/fills")).tag(TAG).summary("The account's fills, newest first")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .query("strategy", String.class, false, "Only this strategy").query("symbol", String.class, false, "Only this symbol")
                .query("orderId", UUID.class, false, "Only this order's fills")
                .query("from", Instant.class, false, "Executed at or after").query("to", Instant.class, false, "Executed before")
                .responds(200, FillList.class, "A page of fills")
                .handle(call -> {
                    Paging paging = Paging.of(call);
                    FillHistory.Filter filter = new FillHistory.Filter(call.queryText("strategy", 100).orElse(null),
                            call.queryText("symbol", 50).orElse(null), call.queryUuid("orderId").orElse(null), call.queryInstant("from").orElse(null),
                            call.queryInstant("to").orElse(null));
                    Page<StoredFill> page = paging.read(() -> fills.list(call.id("accountId"), filter, paging.cursor(), paging.limit()));
                    return Reply.ok(new FillList(page.items().stream().map(FillView::of).toList(), Paging.next(page)));
                }));
        routes.add(Route.get(ACCOUNT_PATH + "/positions").tag(TAG).summary("Positions per strategy and symbol, marked to market")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .query("strategy", String.class, false, "Only this strategy's positions")
                .query("open", Boolean.class, false, "true: only positions held now (default: flat ones too, with their realized P&L)")
                .responds(200, PositionList.class, "Every strategy's position in every symbol it traded, by strategy and symbol")
                .handle(call -> {
                    AccountValuation v = valuation(accounts, call);
                    String strategy = call.queryText("strategy", 100).orElse(null);
                    boolean open = call.queryFlag("open");
                    List<PositionView> lines = v.positions().stream()
                            .filter(m -> strategy == null || m.position().strategy().equals(strategy))
                            .filter(m -> !open || m.position().side() != io.tradebook.core.books.PositionSide.FLAT)
                            .map(PositionView::of).toList();
                    return Reply.ok(new PositionList(call.id("accountId"), v.cash().currency().code(), lines));
                }));
        routes.add(Route.get(ACCOUNT_PATH + "/positions/aggregated").tag(TAG).summary("Positions summed over strategies, per symbol")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .responds(200, AggregatePositionList.class, "One line per symbol the account traded")
                .handle(call -> {
                    AccountValuation v = valuation(accounts, call);
                    return Reply.ok(new AggregatePositionList(call.id("accountId"), v.cash().currency().code(),
                            AggregatePositionView.of(v.positions())));
                }));
        routes.add(Paging.declare(Route.get(ACCOUNT_PATH + "/journal")).tag(TAG).summary("The double-entry journal, newest entry first")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .query("type", EntryType.class, false, "Only entries of this type")
                .query("from", Instant.class, false, "Occurred at or after").query("to", Instant.class, false, "Occurred before")
                .responds(200, JournalPage.class, "A page of entries, each with its postings (which sum to zero)")
                .handle(call -> {
                    Paging paging = Paging.of(call);
                    JournalHistory.Filter filter = new JournalHistory.Filter(call.queryEnum("type", EntryType.class).map(Enum::name)
                            .orElse(null), call.queryInstant("from").orElse(null), call.queryInstant("to").orElse(null));
                    Page<JournalHistory.Entry> page = paging.read(() -> journal.list(call.id("accountId"), filter, paging.cursor(),
                            paging.limit()));
                    return Reply.ok(new JournalPage(page.items().stream().map(JournalEntryView::of).toList(), Paging.next(page)));
                }));
        routes.add(Route.get(ACCOUNT_PATH + "/verification").tag(TAG).summary("verify-books for this account")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT)
                .description("Rebuilds the account's books from its journal and fills and lists every difference from what is stored "
                        + "(balances, postings, holdings, round trips), as tradebook verify-books does.")
                .responds(200, Verification.class, "The differences; none when the books are clean")
                .handle(call -> {
                    List<String> differences = accounts.verify(call.id("accountId"));
                    return Reply.ok(new Verification(differences.isEmpty(), differences, call.now()));
                }));
    }

    private static AccountValuation valuation(AccountService accounts, Call call) {
        return accounts.valuation(call.id("accountId")).orElseThrow(() -> Problems.notFound("no account " + call.id("accountId")));
    }
}
