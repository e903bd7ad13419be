package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.books.Books;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.FillResult;
import io.tradebook.core.books.InMemoryBookKeeper;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.FakeBroker.Call;
import io.tradebook.core.execution.ReconciliationReport.CashDifference;
import io.tradebook.core.execution.ReconciliationReport.Outcome;
import io.tradebook.core.execution.ReconciliationReport.PositionDifference;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Books of account A: 10 000 deposited; alpha buys 10 AAPL at 100 (fee 1) and 5 MSFT at 200;
 * beta sells 4 AAPL short at 100 (fee 1). Net AAPL 6, MSFT 5; cash 10000 − 1001 − 1000 + 399 = 8398.
 */
class ReconciliationTest {
    private static final Currency USD = Currency.USD;
    private static final Instant NOW = Instant.parse("2024-01-03T21:00:00Z");

    private final InMemoryBookKeeper keeper = new InMemoryBookKeeper(Books.keepingEntries(USD));
    private final FakeBroker broker = new FakeBroker();
    private final Reconciliation reconciliation = new Reconciliation(new ReadOnly(keeper), broker, Clock.fixed(NOW, ZoneOffset.UTC));
    private int trades;

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    private static Quantity qty(String q) {
        return Quantity.of(q);
    }

    private void trade(String strategy, String symbol, Side side, String quantity, String price, String fee) {
        keeper.record(Fill.of("t" + ++trades, "A", strategy, symbol, side, qty(quantity), Price.of(price, USD), usd(fee),
                TestOrders.T0.plusSeconds(trades)));
    }

    @BeforeEach
    void books() {
        keeper.activate("A", "alpha", "beta");
        keeper.deposit("A", usd("10000"), TestOrders.T0, "initial");
        trade("alpha", "AAPL", Side.BUY, "10", "100", "1");
        trade("alpha", "MSFT", Side.BUY, "5", "200", "0");
        trade("beta", "AAPL", Side.SELL, "4", "100", "1");
    }

    private void brokerSays(String cash, Map<String, Quantity> positions) {
        broker.answerAccountState("A", usd(cash), positions);
    }

    @Test
    void booksEqualToTheBrokerAreClean() {
        // the broker writes 5.00 and lists a symbol it holds none of; neither is a difference
        brokerSays("8398.00", Map.of("AAPL", qty("6"), "MSFT", qty("5.00"), "TSLA", Quantity.ZERO));

        ReconciliationReport report = reconciliation.reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(report.positionDifferences()).isEmpty();
        assertThat(report.cashDifference()).isEmpty();
        assertThat(report.account()).isEqualTo("A");
        assertThat(report.time()).isEqualTo(NOW);
    }

    @Test
    void theBooksAreNettedOverStrategiesLongMinusShort() {
        trade("beta", "MSFT", Side.SELL, "5", "200", "0"); // alpha long 5, beta short 5: net flat
        brokerSays("9398", Map.of("AAPL", qty("6")));

        assertThat(reconciliation.reconcile("A").outcome()).isEqualTo(Outcome.MATCHED);
    }

    @Test
    void aQuantityDifferenceIsListedWithBothFigures() {
        brokerSays("8398", Map.of("AAPL", qty("10"), "MSFT", qty("5")));

        ReconciliationReport report = reconciliation.reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.DIFFERENCES);
        assertThat(report.positionDifferences()).containsExactly(new PositionDifference("AAPL", qty("6"), qty("10")));
        assertThat(report.positionDifferences().get(0).difference()).isEqualTo(qty("4"));
        assertThat(report.cashDifference()).isEmpty();
    }

    @Test
    void aShortAtTheBrokerAgainstALongInTheBooksIsADifference() {
        brokerSays("8398", Map.of("AAPL", qty("-6"), "MSFT", qty("5")));

        assertThat(reconciliation.reconcile("A").positionDifferences())
                .containsExactly(new PositionDifference("AAPL", qty("6"), qty("-6")));
    }

    @Test
    void aSymbolOnlyAtTheBrokerIsADifferenceAgainstZero() {
        brokerSays("8398", Map.of("AAPL", qty("6"), "MSFT", qty("5"), "TSLA", qty("0.5")));

        assertThat(reconciliation.reconcile("A").positionDifferences())
                .containsExactly(new PositionDifference("TSLA", Quantity.ZERO, qty("0.5")));
    }

    @Test
    void aSymbolOnlyInTheBooksIsADifferenceAgainstZero() {
        brokerSays("8398", Map.of("AAPL", qty("6")));

        assertThat(reconciliation.reconcile("A").positionDifferences())
                .containsExactly(new PositionDifference("MSFT", qty("5"), Quantity.ZERO));
    }

    @Test
    void differencesAreListedBySymbol() {
        brokerSays("8398", Map.of("ZM", qty("1"), "AAPL", qty("7")));

        assertThat(reconciliation.reconcile("A").positionDifferences()).extracting(PositionDifference::symbol)
                .containsExactly("AAPL", "MSFT", "ZM");
    }

    @Test
    void cashIsComparedExactlyByDefault() {
        brokerSays("8398.00000000000000000001", Map.of("AAPL", qty("6"), "MSFT", qty("5")));

        ReconciliationReport report = reconciliation.reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.DIFFERENCES);
        assertThat(report.positionDifferences()).isEmpty();
        assertThat(report.cashDifference()).contains(new CashDifference(usd("8398"), usd("8398.00000000000000000001")));
        assertThat(report.cashDifference().orElseThrow().difference()).contains(usd("0.00000000000000000001"));
    }

    @Test
    void aCashToleranceAcceptsDifferencesUpToItsAmountInEitherDirection() {
        Reconciliation tolerant = reconciliation.withCashTolerance(usd("0.01"));

        brokerSays("8397.99", Map.of("AAPL", qty("6"), "MSFT", qty("5")));
        assertThat(tolerant.reconcile("A").outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(reconciliation.reconcile("A").outcome()).isEqualTo(Outcome.DIFFERENCES);

        brokerSays("8398.011", Map.of("AAPL", qty("6"), "MSFT", qty("5")));
        assertThat(tolerant.reconcile("A").cashDifference()).contains(new CashDifference(usd("8398"), usd("8398.011")));
        assertThatThrownBy(() -> reconciliation.withCashTolerance(usd("-0.01"))).hasMessageContaining("negative");
    }

    @Test
    void cashInAnotherCurrencyAtTheBrokerIsADifferenceWithoutAnAmount() {
        broker.answerAccountState("A", Money.of("8398", Currency.of("EUR")), Map.of("AAPL", qty("6"), "MSFT", qty("5")));

        CashDifference cash = reconciliation.reconcile("A").cashDifference().orElseThrow();

        assertThat(cash.broker().currency()).isEqualTo(Currency.of("EUR"));
        assertThat(cash.difference()).isEmpty();
    }

    @Test
    void aFailedBrokerQueryIsUnknownNotFlat() {
        broker.failAccountState("gateway timeout", true);

        ReconciliationReport report = reconciliation.reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(report.positionDifferences()).isEmpty();
        assertThat(report.cashDifference()).isEmpty();
        assertThat(report.hasDifferences()).isFalse();
        assertThat(report.brokerMessage()).isEqualTo("gateway timeout");
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isEqualTo(1);
    }

    @Test
    void withRetriesATransientQueryFailureIsRiddenOut() {
        RecordingSleeper sleeper = new RecordingSleeper();
        brokerSays("8398", Map.of("AAPL", qty("6"), "MSFT", qty("5")));
        broker.failNext(Call.ACCOUNT_STATE, 2, "503", true);

        ReconciliationReport report = reconciliation
                .withRetries(new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(10)), sleeper).reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void withRetriesAQueryThatKeepsFailingIsUnknownWithTheLastMessage() {
        RecordingSleeper sleeper = new RecordingSleeper();
        broker.failNext(Call.ACCOUNT_STATE, 1, "503", true).failAccountState("connection refused", true);

        ReconciliationReport report = reconciliation
                .withRetries(new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(10)), sleeper).reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(report.brokerMessage()).isEqualTo("connection refused");
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isEqualTo(3);
    }

    @Test
    void aPermanentQueryFailureIsUnknownAfterOneAttempt() {
        // the fake was told nothing about A: it refuses the account permanently
        ReconciliationReport report = reconciliation
                .withRetries(new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(10)), new RecordingSleeper())
                .reconcile("A");

        assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(report.brokerMessage()).isEqualTo("unknown account A");
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isEqualTo(1);
    }

    @Test
    void anAccountTheBooksDoNotKnowIsRefusedBeforeAskingTheBroker() {
        assertThatThrownBy(() -> reconciliation.reconcile("nobody")).isInstanceOf(IllegalArgumentException.class);
        assertThat(broker.attempts(Call.ACCOUNT_STATE)).isZero();
    }

    @Test
    void reconcilingNeverChangesTheBooks() {
        AccountSnapshot before = keeper.snapshot("A");
        RecordingEventSink sink = new RecordingEventSink();

        brokerSays("1", Map.of("AAPL", qty("100"), "TSLA", qty("3")));
        assertThat(reconciliation.reconcile("A", sink).hasDifferences()).isTrue();
        broker.failAccountState("down", true);
        assertThat(reconciliation.reconcile("A", sink).outcome()).isEqualTo(Outcome.UNKNOWN);

        assertThat(keeper.snapshot("A")).isEqualTo(before);
        assertThat(keeper.verify("A")).isEmpty();
    }

    /** The books as reconciliation may see them: reads pass through, any write fails the test. */
    private record ReadOnly(BookKeeper books) implements BookKeeper {
        @Override
        public FillResult record(Fill fill) {
            throw new AssertionError("reconciliation recorded a fill");
        }

        @Override
        public boolean deposit(String account, Money amount, Instant time, String reference) {
            throw new AssertionError("reconciliation deposited");
        }

        @Override
        public boolean withdraw(String account, Money amount, Instant time, String reference) {
            throw new AssertionError("reconciliation withdrew");
        }

        @Override
        public void allocate(String account, String strategy, Money amount, Instant time) {
            throw new AssertionError("reconciliation allocated");
        }

        @Override
        public void release(String account, String strategy, Money amount, Instant time) {
            throw new AssertionError("reconciliation released");
        }

        @Override
        public io.tradebook.core.money.Quantity position(String account, String strategy, String symbol) {
            return books.position(account, strategy, symbol);
        }

        @Override
        public io.tradebook.core.money.Quantity netPosition(String account, String symbol) {
            return books.netPosition(account, symbol);
        }

        @Override
        public Money cashAvailable(String account, String strategy) {
            return books.cashAvailable(account, strategy);
        }

        @Override
        public AccountSnapshot snapshot(String account) {
            return books.snapshot(account);
        }

        @Override
        public List<String> verify(String account) {
            return books.verify(account);
        }
    }
}
