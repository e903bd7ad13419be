package io.tradebook.core.backtest;

import static io.tradebook.core.backtest.BacktestFixtures.day;
import static io.tradebook.core.backtest.BacktestFixtures.px;
import static io.tradebook.core.backtest.BacktestFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.paper.FixedPerOrderCommission;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The frame of the built-ins' worked examples: one strategy on hand-made daily bars of XYZ (an
 * equity: whole shares) from {@link BacktestFixtures#DAY1}, 10,000 USD, a commission of 1 USD per
 * order, every order recorded; and assertions on what the examples compute by hand.
 */
final class WorkedExamples {
    private WorkedExamples() {
    }

    /** A finished run and the orders its strategy submitted. */
    record Run(BacktestResult result, List<RecordingDefinition.Submitted> orders) {
    }

    static Run run(String code, Map<String, String> parameters, String[][] bars) {
        RecordingDefinition recording = new RecordingDefinition(BacktestFixtures.strategy(code));
        StrategyInstance instance = StrategyInstance.of(recording).withParameters(recording.metadata().parameters(parameters));
        BacktestResult result = Backtest.run(new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", bars)), List.of(instance),
                BacktestSettings.of(usd("10000")).withCommission(new FixedPerOrderCommission(usd("1")))));
        assertThat(result.bookDifferences()).isEmpty();
        return new Run(result, List.copyOf(recording.submitted));
    }

    /** The order was decided at the close of day {@code decided} and carries {@code confidence} (4 decimals). */
    static void assertOrder(RecordingDefinition.Submitted s, int decided, Side side, long quantity, String confidence) {
        assertThat(s.decidedAt()).isEqualTo(day(decided));
        assertThat(s.order().side()).isEqualTo(side);
        assertThat(s.order().quantity()).isEqualTo(Quantity.of(quantity));
        assertThat(s.order().confidence()).isEqualByComparingTo(new BigDecimal(confidence));
    }

    /** The fill is on day {@code filled} at {@code price} (that day's open), with a 1 USD fee and the order's confidence. */
    static void assertFill(Fill f, int filled, Side side, long quantity, String price, String confidence) {
        assertThat(f.time()).isEqualTo(day(filled));
        assertThat(f.side()).isEqualTo(side);
        assertThat(f.quantity()).isEqualTo(Quantity.of(quantity));
        assertThat(f.price()).isEqualTo(px(price));
        assertThat(f.fee()).isEqualTo(usd("1"));
        assertThat(f.confidence()).isEqualByComparingTo(new BigDecimal(confidence));
    }

    /** The round trip's net P&L and its confidence (the entry's). */
    static void assertTrip(RoundTrip trip, String pnl, String confidence) {
        assertThat(trip.pnl()).isEqualTo(usd(pnl));
        assertThat(trip.fees()).isEqualTo(usd("2"));
        assertThat(trip.confidence()).isEqualByComparingTo(new BigDecimal(confidence));
    }
}
