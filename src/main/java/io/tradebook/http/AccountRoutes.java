package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.access.Scope;
import io.tradebook.core.execution.AccountType;
import io.tradebook.store.Owned;
import io.tradebook.trading.AccountService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Paper accounts ({@code /api/accounts}): open one with its initial cash, read what it is worth,
 * pay cash in and out, close it. Opening, closing and moving cash need the signed-in user; reading
 * is open to API keys with the read scope.
 */
final class AccountRoutes implements RouteModule {
    private static final String TAG = "Accounts";
    private static final String PATH = "/api/accounts";
    private static final String ONE = PATH + "/{accountId}";
    private static final String ACCOUNT = "The account's id";

    /** POST /api/accounts. Immutable. */
    record NewAccount(@JsonProperty(required = true) @JsonPropertyDescription("Unique among your accounts") String name,
                      @JsonPropertyDescription("paper (the default and, today, the only one)") String broker,
                      @JsonProperty(required = true) AccountType type,
                      @JsonProperty(required = true) @JsonPropertyDescription("Paid in at once; 0 for none") BigDecimal initialCash,
                      @JsonPropertyDescription("Base currency, default USD") String currency,
                      @JsonPropertyDescription("Names of more manual books beside 'manual', to attribute orders to") List<String> strategies) {
    }

    /** A deposit or a withdrawal. Immutable. */
    record CashRequest(@JsonProperty(required = true) BigDecimal amount,
                       @JsonPropertyDescription("Your reference: a second movement with it changes nothing (default: a new one)")
                       String reference) {
    }

    /** The outcome of a deposit or withdrawal. Immutable. */
    record CashMovementView(@JsonPropertyDescription("False when the reference was already used: nothing changed") boolean created,
                            String reference, AccountView account) {
        static CashMovementView of(AccountService.CashMovement m) {
            return new CashMovementView(m.created(), m.reference(), AccountView.of(m.account()));
        }
    }

    /** The caller's accounts. Immutable. */
    record AccountList(List<AccountView> accounts) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        AccountService accounts = context.trading().accounts();
        routes.add(Route.post(PATH).tag(TAG).summary("Open a paper account").access(Access.signedIn()).body(NewAccount.class)
                .description("Opens the account with its paper broker connection, a 'manual' book (and any other books named in "
                        + "strategies), and pays initialCash in through the books.")
                .responds(201, AccountView.class, "The account").fails(409, "You already have an account of this name (deleted ones included)")
                .handle(call -> {
                    NewAccount n = call.body(NewAccount.class);
                    return Reply.created(AccountView.of(call.unwrap(accounts.open(call.userId(), new AccountService.NewAccount(n.name(),
                            n.broker(), n.type(), n.initialCash(), n.currency(), n.strategies())))));
                }));
        routes.add(Route.get(PATH).tag(TAG).summary("Your accounts, with equity and returns").access(Access.scope(Scope.READ))
                .responds(200, AccountList.class, "The active accounts, by name")
                .handle(call -> Reply.ok(new AccountList(accounts.list(call.userId()).stream().map(AccountView::of).toList()))));
        routes.add(Route.get(ONE).tag(TAG).summary("One account: cash, equity, buying power, returns, strategies")
                .access(Access.scope(Scope.READ)).owned("accountId", Owned.ACCOUNT, ACCOUNT).responds(200, AccountView.class, "The account")
                .handle(call -> Reply.ok(AccountView.of(accounts.state(call.id("accountId"))
                        .orElseThrow(() -> Problems.notFound("no account " + call.id("accountId")))))));
        routes.add(Route.delete(ONE).tag(TAG).summary("Close an account (soft delete)").access(Access.signedIn())
                .description("Cancels its working orders, then deactivates it and its broker connection. Its books stay; its name stays "
                        + "taken.")
                .owned("accountId", Owned.ACCOUNT, ACCOUNT).responds(204, null, "Closed")
                .handle(call -> {
                    accounts.close(call.userId(), call.id("accountId"));
                    return Reply.noContent();
                }));
        routes.add(cash(Route.post(ONE + "/deposits").summary("Pay cash into the account's shared pool"), true, accounts));
        routes.add(cash(Route.post(ONE + "/withdrawals").summary("Take cash out of the account's shared pool"), false, accounts));
    }

    private static Route cash(Route.Builder route, boolean in, AccountService accounts) {
        return route.tag(TAG).access(Access.signedIn()).owned("accountId", Owned.ACCOUNT, ACCOUNT).body(CashRequest.class)
                .responds(201, CashMovementView.class, "Done, with the account after it")
                .responds(200, CashMovementView.class, "The reference was already used: nothing changed")
                .handle(call -> {
                    CashRequest r = call.body(CashRequest.class);
                    UUID account = call.id("accountId");
                    AccountService.CashMovement m = call.unwrap(in ? accounts.deposit(call.userId(), account, r.amount(), r.reference())
                            : accounts.withdraw(call.userId(), account, r.amount(), r.reference()));
                    return Reply.status(m.created() ? 201 : 200, CashMovementView.of(m));
                });
    }
}
