package io.tradebook.core.strategies;

import io.tradebook.core.books.Side;
import io.tradebook.core.indicators.Indicator;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a running strategy sees of the world and how it acts on it: its parameters and symbols,
 * the run's clock, its own position, cash and equity from the books, the latest prices, its
 * indicators, and the order path. Every figure is the strategy's own (its book within the
 * account), exact, and current as of the latest bar. Used from the runner's thread only.
 *
 * <p>Orders go through the whole order path (pre-trade risk, buying power, the broker, the books):
 * {@link #submit} returns the order as it stands, which may be REJECTED with a reason (an
 * expected outcome, not an exception). Refuses, with an {@link IllegalArgumentException}, a symbol
 * the strategy does not trade.
 */
public interface StrategyContext {

    /** The strategy's name in the run and in the books (its activation on the account). */
    String strategy();

    /** The account it trades in. */
    String account();

    /** Its parameter values. */
    Parameters parameters();

    /** The symbols it trades, in a fixed order. */
    List<String> symbols();

    /** Now on the run's clock: the start time of the latest bar. */
    Instant time();

    /** The trading rules (tick, lot, minimum) of one of its symbols. */
    Instrument instrument(String symbol);

    /**
     * Registers {@code indicator} to be fed every later bar of {@code symbol} (high, low, close)
     * before {@link Strategy#onBar} sees that bar; returns it, so a strategy writes
     * {@code fast = context.track(symbol, new Sma(10))} in {@code onStart} and only reads it after.
     */
    <T extends Indicator> T track(String symbol, T indicator);

    /** Its signed position in {@code symbol}: positive long, negative short, zero flat. */
    Quantity position(String symbol);

    /** The cash it can draw on: its segregated budget when it has one, else the account's shared pool. */
    Money cash();

    /**
     * Its equity at the latest closes: its capital (its budget, or the shared pool it draws on)
     * plus its realized and unrealized P&L (docs/metrics.md).
     */
    Money equity();

    /** The latest close of {@code symbol}, or empty before its first bar. */
    Optional<Price> lastPrice(String symbol);

    /**
     * How many units a new position in {@code symbol} gets at {@code price}: the {@code allocation}
     * parameter times {@link #equity()}, divided by the price, rounded down to whole lots
     * ({@link PositionSizing}). Zero when that is not one lot.
     */
    default Quantity sizeFor(String symbol, Price price) {
        return PositionSizing.units(parameters().allocation(), equity(), price, instrument(symbol).lotSize());
    }

    /** Its orders in {@code symbol} that can still fill, oldest first. */
    List<Order> openOrders(String symbol);

    /** Sends {@code order} through the order path; returns it as it stands (possibly REJECTED, with the reason). */
    Order submit(StrategyOrder order);

    /** Cancels one of its open orders; returns it as it stands. */
    Order cancel(String orderId);

    /** A market buy, DAY: it fills at the next bar's open. */
    default Order buy(String symbol, Quantity quantity) {
        return submit(StrategyOrder.market(symbol, Side.BUY, quantity));
    }

    /** A market sell, DAY: it fills at the next bar's open. */
    default Order sell(String symbol, Quantity quantity) {
        return submit(StrategyOrder.market(symbol, Side.SELL, quantity));
    }
}
