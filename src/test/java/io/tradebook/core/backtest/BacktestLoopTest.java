package io.tradebook.core.backtest;

import static io.tradebook.core.backtest.BacktestFixtures.day;
import static io.tradebook.core.backtest.BacktestFixtures.px;
import static io.tradebook.core.backtest.BacktestFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Fill;
import io.tradebook.core.books.Side;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderStatus;
import io.tradebook.core.orders.RejectReason;
import io.tradebook.core.orders.TimeInForce;
import io.tradebook.core.strategies.StrategyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loop: callback order, no look-ahead, sessions and time in force, buying power, several symbols and strategies. */
class BacktestLoopTest {
    static final String[][] FIVE = {
        {"10", "11", "9", "10.50"},
        {"10.80", "12", "10", "11"},
        {"11.20", "11.50", "10.60", "11"},
        {"10.90", "11.10", "10.20", "10.30"},
        {"10.40", "10.60", "9.90", "10"},
    };

    static BacktestResult run(ScriptedStrategy strategy, String[][] bars) {
        return Backtest.run(new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", bars)), List.of(strategy.instance()),
                BacktestSettings.of(usd("10000"))));
    }

    @Test
    void callbacksComeInOrderAndAnOrderFillsAtTheNextOpenNeverAtItsOwnBar() {
        List<Order> placed = new ArrayList<>();
        ScriptedStrategy strategy = new ScriptedStrategy((context, bar) -> {
            // every kind of order that would fill at once at this bar's own prices
            if (bar.time().equals(day(1))) {
                placed.add(context.buy("XYZ", Quantity.of(10)));
                placed.add(context.submit(StrategyOrder.limit("XYZ", Side.BUY, Quantity.of(1), bar.bar().high())));
                placed.add(context.submit(StrategyOrder.stop("XYZ", Side.BUY, Quantity.of(1), bar.bar().low())));
            }
        });
        BacktestResult result = run(strategy, FIVE);

        assertThat(placed).extracting(Order::status).containsOnly(OrderStatus.PLACED);
        assertThat(result.fills()).extracting(Fill::time).containsOnly(day(2));
        // market at day 2's open; the limit 11 and the stop 9 both see day 2's open 10.80 first
        assertThat(result.fills()).extracting(f -> f.price().toPlainString()).containsExactly("10.8", "10.8", "10.8");
        assertThat(strategy.seen).containsExactly("start " + day(1), "bar XYZ " + day(1),
                "fill XYZ BUY 10 @ 10.8 " + day(2), "fill XYZ BUY 1 @ 10.8 " + day(2), "fill XYZ BUY 1 @ 10.8 " + day(2),
                "bar XYZ " + day(2), "bar XYZ " + day(3), "bar XYZ " + day(4), "bar XYZ " + day(5), "stop " + day(5));
    }

    @Test
    void theContextShowsTheStrategysOwnFiguresAtTheClose() {
        List<String> figures = new ArrayList<>();
        ScriptedStrategy strategy = new ScriptedStrategy((context, bar) -> {
            if (bar.time().equals(day(1))) {
                context.buy("XYZ", Quantity.of(100));
            }
            figures.add(context.time() + " " + context.position("XYZ") + " " + context.cash().toPlainString() + " "
                    + context.equity().toPlainString() + " " + context.lastPrice("XYZ").orElseThrow().toPlainString());
        });
        run(strategy, FIVE);
        // 100 bought at 10.80 on day 2: cash 8920, equity 8920 + 100 × close
        assertThat(figures).containsExactly(day(1) + " 0 10000 10000 10.5", day(2) + " 100 8920 10020 11",
                day(3) + " 100 8920 10020 11", day(4) + " 100 8920 9950 10.3", day(5) + " 100 8920 9920 10");
    }

    @Test
    void aDayOrderLastsOneSessionAndAGoodTillCancelledOneTheRunThenTheRunCancelsIt() {
        ScriptedStrategy strategy = new ScriptedStrategy((context, bar) -> {
            if (bar.time().equals(day(1))) {
                // below every later low: never fills
                context.submit(StrategyOrder.limit("XYZ", Side.BUY, Quantity.of(1), px("5")).withTimeInForce(TimeInForce.DAY));
                context.submit(StrategyOrder.limit("XYZ", Side.BUY, Quantity.of(1), px("5")));
            }
        });
        BacktestResult result = run(strategy, FIVE);
        assertThat(result.fills()).isEmpty();
        assertThat(result.orders()).isEqualTo(new OrderCounts(2, 0, 0, 1, 1, 1));
    }

    @Test
    void intradaySessionsAreUtcDaysAndAnOrderAtTheLastBarOfADayFillsAtTheNextDaysFirstBar() {
        Instant evening = Instant.parse("2024-01-01T23:58:00Z");
        List<Bar> bars = new ArrayList<>();
        String[] opens = {"10", "10.10", "10.20", "10.30", "10.40"};
        for (int i = 0; i < opens.length; i++) {
            bars.add(new Bar("XYZ", evening.plusSeconds(60L * i), px(opens[i]), px("11"), px("9"), px(opens[i]), Quantity.of(1000)));
        }
        ScriptedStrategy strategy = new ScriptedStrategy((context, bar) -> {
            if (bar.time().equals(evening)) {
                // DAY limit above the next bar's open: fills on the 23:59 bar, the day's last
                context.submit(StrategyOrder.limit("XYZ", Side.BUY, Quantity.of(1), px("10.10")).withTimeInForce(TimeInForce.DAY));
            }
            if (bar.time().equals(evening.plusSeconds(60))) {
                // at the close of the day's last bar: a DAY market order for the next session
                context.buy("XYZ", Quantity.of(2));
                // a DAY limit that cannot fill on the next day's first bars
                context.submit(StrategyOrder.limit("XYZ", Side.BUY, Quantity.of(3), px("1")).withTimeInForce(TimeInForce.DAY));
            }
        });
        BacktestResult result = Backtest.run(new BacktestPlan(List.of(BarSeries.of(Instrument.equity("XYZ", BacktestFixtures.USD), bars)),
                List.of(strategy.instance()), BacktestSettings.of(usd("10000"))));
        assertThat(result.fills()).extracting(f -> f.quantity() + "@" + f.price().toPlainString() + " " + f.time())
                .containsExactly("1@10.1 " + evening.plusSeconds(60), "2@10.2 " + evening.plusSeconds(120));
        // the last DAY limit works through Jan 2's bars; the data's last step closes that session and it expires
        assertThat(result.orders()).isEqualTo(new OrderCounts(3, 2, 0, 1, 0, 0));
    }

    @Test
    void aCashAccountRefusesWhatItCannotPayForAndAMarginAccountLends() {
        ScriptedStrategy allIn = new ScriptedStrategy((context, bar) -> {
            if (bar.time().equals(day(1))) {
                // 10000 / 10.50 = 952 units: the market buy reserves 952 × 10.50 × 1.05
                context.buy("XYZ", context.sizeFor("XYZ", bar.closePrice()).isZero() ? Quantity.of(1) : Quantity.of(952));
            }
        });
        BacktestResult cash = run(allIn, FIVE);
        assertThat(cash.orders().rejected()).isEqualTo(1);
        assertThat(cash.rejected().get(0).rejectReason()).isEqualTo(RejectReason.INSUFFICIENT_BUYING_POWER);
        assertThat(cash.fills()).isEmpty();

        BacktestResult margin = Backtest.run(new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", FIVE)), List.of(allIn.instance()),
                BacktestSettings.of(usd("10000")).withAccountType(AccountType.MARGIN)));
        assertThat(margin.fills()).hasSize(1);
        assertThat(margin.fills().get(0).price()).isEqualTo(px("10.80"));
        // 952 × 10.80 = 10281.60: cash went below zero (−281.60), a margin loan; at the last close 10: −281.60 + 9520
        assertThat(margin.finalEquity()).isEqualTo(usd("9238.4"));
    }

    @Test
    void buyAndHoldSplitsItsAllocationOverItsSymbolsOnce() {
        String[][] other = {{"20", "21", "19", "20"}, {"21", "22", "20", "21"}, {"22", "23", "21", "22"}};
        StrategyInstance hold = BacktestFixtures.instance("buy-and-hold", Map.of("allocation", "0.9"));
        BacktestResult result = Backtest.run(new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", FIVE),
                BacktestFixtures.equity("ABC", other)), List.of(hold), BacktestSettings.of(usd("10000"))));
        // 0.9 × 10000 / 2 = 4500 each: floor(4500 / 10.50) = 428 XYZ at 10.80, floor(4500 / 20) = 225 ABC at 21
        assertThat(result.fills()).extracting(f -> f.symbol() + " " + f.quantity() + "@" + f.price().toPlainString())
                .containsExactly("XYZ 428@10.8", "ABC 225@21");
        assertThat(result.orders().submitted()).isEqualTo(2);
    }

    @Test
    void aStrategyMayTradeOnlyItsOwnSymbols() {
        ScriptedStrategy strategy = new ScriptedStrategy((context, bar) -> context.buy("ABC", Quantity.of(1)));
        String[][] other = {{"20", "21", "19", "20"}};
        BacktestPlan plan = new BacktestPlan(List.of(BacktestFixtures.equity("XYZ", FIVE), BacktestFixtures.equity("ABC", other)),
                List.of(strategy.instance().trading(List.of("XYZ"))), BacktestSettings.of(usd("10000")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Backtest.run(plan))
                .hasMessage("strategy scripted does not trade ABC; it trades [XYZ]");
    }
}
