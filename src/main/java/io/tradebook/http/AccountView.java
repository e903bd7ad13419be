package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.execution.AccountValuation;
import io.tradebook.store.AccountRepository.Activation;
import io.tradebook.trading.AccountService.AccountState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account with what it is worth at the latest prices (docs/api.md, "Accounts"). Immutable. */
record AccountView(UUID id, String name, String broker, String accountNumber, UUID brokerConnectionId,
                   @JsonPropertyDescription("CASH or MARGIN") String type, String currency,
                   @JsonPropertyDescription("Cash over the shared pool and every strategy budget") BigDecimal cash,
                   @JsonPropertyDescription("Cash plus the positions at the latest prices") BigDecimal equity,
                   @JsonPropertyDescription("Long minus short market value") BigDecimal marketValue,
                   @JsonPropertyDescription("What the shared pool can still buy: free cash (CASH), or the exposure a 50% initial margin "
                           + "still allows (MARGIN)") BigDecimal buyingPower,
                   @JsonPropertyDescription("Cash the working orders hold back") BigDecimal heldForOrders,
                   BigDecimal unrealizedPnl,
                   @JsonPropertyDescription("Net of fees") BigDecimal realizedPnl,
                   BigDecimal fees, BigDecimal netDeposits,
                   @JsonPropertyDescription("Equity minus net deposits") BigDecimal totalPnl,
                   @JsonPropertyDescription("totalPnl / netDeposits, a fraction; null when nothing was deposited") BigDecimal totalReturn,
                   @JsonPropertyDescription("Equity at the day's first valuation (UTC day)") BigDecimal dayStartEquity,
                   Instant dayStartedAt,
                   @JsonPropertyDescription("Change of (equity − net deposits) since the day started") BigDecimal dayPnl,
                   @JsonPropertyDescription("dayPnl / dayStartEquity, a fraction; null when that is not positive") BigDecimal dayReturn,
                   List<StrategyView> strategies, boolean active, Instant createdAt) {

    /** A strategy (book) of the account: orders are attributed to one by name. Immutable. */
    record StrategyView(UUID id, String name, @JsonPropertyDescription("ACTIVE, PAUSED or STOPPED") String status,
                        @JsonPropertyDescription("Its segregated budget; null when it draws on the shared pool") BigDecimal allocation) {
        static StrategyView of(Activation a) {
            return new StrategyView(a.id(), a.name(), a.status(), Plain.of(a.allocation()));
        }
    }

    static AccountView of(AccountState s) {
        var d = s.details();
        AccountValuation v = s.valuation();
        return new AccountView(d.id(), d.name(), d.broker(), d.accountNumber(), d.brokerConnectionId(), d.type(), d.currency(),
                Plain.of(v.cash()), Plain.of(v.equity()), Plain.of(v.marketValue()), Plain.of(v.buyingPower()), Plain.of(v.held()),
                Plain.of(v.unrealizedPnl()), Plain.of(v.realizedPnl()), Plain.of(v.fees()), Plain.of(s.netDeposits()),
                Plain.of(s.totalPnl()), Plain.of(s.totalReturn()), Plain.of(s.dayStart().equity()), s.dayStart().at(),
                Plain.of(s.dayPnl()), Plain.of(s.dayReturn()), s.strategies().stream().map(StrategyView::of).toList(), d.active(),
                d.createdAt());
    }
}
