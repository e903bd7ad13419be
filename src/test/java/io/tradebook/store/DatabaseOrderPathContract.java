package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.events.NotificationType;
import io.tradebook.core.execution.ExecutionStore;
import io.tradebook.core.execution.OrderPathContract;
import io.tradebook.core.money.Price;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.core.risk.RiskRule;
import io.tradebook.core.risk.RuleType;
import io.tradebook.core.risk.RuleUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order path with its orders and books in a real database. */
abstract class DatabaseOrderPathContract extends OrderPathContract {
    private Database database;

    protected abstract Database newDatabase();

    @Override
    protected ExecutionStore newStore() {
        database = newDatabase();
        if (!groupCommit()) {
            return new JdbiExecutionStore(database.jdbi());
        }
        return exclusive() ? GroupCommitExecutionStore.exclusive(database.jdbi(), 2, 1000) : new GroupCommitExecutionStore(database.jdbi());
    }

    /** True to run the path on a {@link GroupCommitExecutionStore} instead of {@link JdbiExecutionStore}. */
    protected boolean groupCommit() {
        return false;
    }

    /** With {@link #groupCommit}: true for the store of one process, which writes behind. */
    protected boolean exclusive() {
        return false;
    }

    @Override
    protected String openAccount(ExecutionStore store, String... strategies) {
        AccountRepository accounts = new AccountRepository(database.jdbi());
        UUID user = accounts.findOrCreateUser("paper@example.com", "Paper Trader");
        return accounts.openAccountWithStrategies(user, "paper", "paper", "PAPER-1", "CASH", "USD", strategies).id().toString();
    }

    @Override
    protected io.tradebook.core.events.EventSink eventSink() {
        return new JdbiEventSink(database.jdbi());
    }

    @Test
    void aStoredRulesRefusalIsKeptAsARiskEventAndARiskAlert() {
        UUID accountId = UUID.fromString(account);
        RiskRuleRepository.RiskRuleRow rule = new RiskRuleRepository(database.jdbi()).save(RiskRuleRepository.RiskRuleRow.of(
                accountId, null, null, "MIN_CAPITAL_THRESHOLD", "AMOUNT", new BigDecimal("20000")));
        paper.rules().add(RiskRule.onAccount(rule.id().toString(), account, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "20000"));
        paper.feed().push("AAPL", Price.of("100", USD), Instant.parse("2024-01-02T14:30:00Z"));
        Order o = submit("alpha", Side.BUY, OrderType.MARKET, "1", null, null, TimeInForce.DAY);
        assertThat(o.rejectReason()).isEqualTo(RejectReason.RISK_RULE);
        List<RiskEventRepository.RiskEventRow> events = new RiskEventRepository(database.jdbi()).list(accountId);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.ruleId()).isEqualTo(rule.id());
            assertThat(e.orderId()).isEqualTo(UUID.fromString(o.id()));
            assertThat(e.observedValue()).isEqualByComparingTo("10000");
            assertThat(e.message()).contains("MIN_CAPITAL_THRESHOLD");
        });
        UUID owner = new AccountRepository(database.jdbi()).findAccount(accountId).orElseThrow().userId();
        assertThat(new JdbiEventSink(database.jdbi()).notifications(owner, 10)).extracting(JdbiEventSink.StoredNotification::type)
                .contains(NotificationType.RISK_ALERT, NotificationType.ORDER_REJECTED);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (paper != null && paper.store() instanceof AutoCloseable c) {
            c.close();
        }
        database.close();
    }
}
