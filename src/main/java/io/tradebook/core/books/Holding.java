package io.tradebook.core.books;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle of one strategy's position in one symbol, from the fill that opened it to the
 * fill that brought it back to zero, at average cost. Immutable: {@link #apply} returns the
 * change a fill makes.
 *
 * <p>The conventions (see {@code docs/accounting.md}):
 * <ul>
 *   <li>{@code costBasis} is the exact sum paid for the units held; {@code averagePrice} is
 *       {@code costBasis / quantity} rounded to 12 decimals, recomputed only when the position
 *       grows, and excludes fees.</li>
 *   <li>Fees are realized as a cost when paid: {@code realizedPnl} is net of every fee.</li>
 *   <li>A reduction of {@code q} units removes {@code averagePrice × q} of cost (all of what is
 *       left when it reaches zero) and realizes the difference to the proceeds (mirrored for
 *       shorts). Because the removal is linear in {@code q}, splitting a fill changes nothing, and
 *       a lifecycle that ends at zero has realized exactly proceeds − cost − fees.</li>
 *   <li>A fill that crosses zero closes this lifecycle at the fill price and opens the opposite
 *       one with the rest; the fee is split between them pro rata by quantity.</li>
 * </ul>
 */
public final class Holding {
    private final String account;
    private final String strategy;
    private final String symbol;
    private final PositionSide side;
    private final Quantity quantity;
    private final Money costBasis;
    private final Price averagePrice;
    private final Money realizedPnl;
    private final Money fees;
    private final Quantity entryQuantity;
    private final Money entryCost;
    private final Quantity exitQuantity;
    private final Money exitProceeds;
    private final Instant openedAt;
    private final Instant closedAt;
    private final BigDecimal confidence;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public Holding(String account, String strategy, String symbol, PositionSide side, Quantity quantity,
                   Money costBasis, Price averagePrice, Money realizedPnl, Money fees,
                   Quantity entryQuantity, Money entryCost, Quantity exitQuantity, Money exitProceeds,
                   Instant openedAt, Instant closedAt, BigDecimal confidence) {
        this.account = account;
        this.strategy = strategy;
        this.symbol = symbol;
        this.side = Objects.requireNonNull(side, "side");
        this.quantity = quantity;
        this.costBasis = costBasis;
        this.averagePrice = averagePrice;
        this.realizedPnl = realizedPnl;
        this.fees = fees;
        this.entryQuantity = entryQuantity;
        this.entryCost = entryCost;
        this.exitQuantity = exitQuantity;
        this.exitProceeds = exitProceeds;
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.closedAt = closedAt;
        this.confidence = confidence;
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException("a holding lifecycle is LONG or SHORT");
        }
        if (quantity.signum() < 0 || costBasis.isNegative()) {
            throw new IllegalArgumentException("holding quantity and cost basis are unsigned");
        }
        if ((closedAt == null) == quantity.isZero()) {
            throw new IllegalArgumentException("a holding is open exactly while its quantity is not zero");
        }
    }

    /** Opens a lifecycle with {@code quantity} units at {@code price}, paying {@code fee}. */
    static Holding open(Fill fill, Quantity quantity, Money fee) {
        Money cost = quantity.times(fill.price());
        PositionSide side = fill.side() == Side.BUY ? PositionSide.LONG : PositionSide.SHORT;
        Money zero = Money.zero(fee.currency());
        return new Holding(fill.account(), fill.strategy(), fill.symbol(), side, quantity, cost, fill.price(),
                fee.negate(), fee, quantity, cost, Quantity.ZERO, zero, fill.time(), null, fill.confidence());
    }

    /**
     * Records {@code fill} on a strategy's position in a symbol: opens a lifecycle when
     * {@code open} is null (flat), else applies it to the open lifecycle.
     */
    public static HoldingChange record(Holding open, Fill fill) {
        if (open == null) {
            Holding opened = open(fill, fill.quantity(), fill.fee());
            return new HoldingChange(null, opened, null, opened.signedCostBasis(), Money.zero(fill.fee().currency()));
        }
        return open.apply(fill);
    }

    /**
     * Applies a fill of this holding's account, strategy and symbol to this open lifecycle.
     * Refuses a fill for another key and a closed holding.
     */
    public HoldingChange apply(Fill fill) {
        if (!isOpen()) {
            throw new IllegalStateException("holding is closed");
        }
        if (!account.equals(fill.account()) || !strategy.equals(fill.strategy()) || !symbol.equals(fill.symbol())) {
            throw new IllegalArgumentException("fill " + fill.tradeId() + " is not for this holding");
        }
        boolean increases = (side == PositionSide.LONG) == (fill.side() == Side.BUY);
        return increases ? increase(fill) : reduce(fill);
    }

    private HoldingChange increase(Fill fill) {
        Money notional = fill.notional();
        Quantity newQuantity = quantity.plus(fill.quantity());
        Money newCost = costBasis.plus(notional);
        Holding after = new Holding(account, strategy, symbol, side, newQuantity, newCost,
                Price.average(newCost, newQuantity), realizedPnl.minus(fill.fee()), fees.plus(fill.fee()),
                entryQuantity.plus(fill.quantity()), entryCost.plus(notional), exitQuantity, exitProceeds,
                openedAt, null, confidence);
        Money signedCostChange = side == PositionSide.LONG ? notional : notional.negate();
        return new HoldingChange(this, after, null, signedCostChange, Money.zero(notional.currency()));
    }

    private HoldingChange reduce(Fill fill) {
        Quantity closing = fill.quantity().min(quantity);
        Quantity rest = fill.quantity().minus(closing);
        Money closingFee = rest.isZero() ? fill.fee() : fill.fee().proRata(closing, fill.quantity());
        boolean toZero = closing.equals(quantity);
        Money removed = toZero ? costBasis : closing.times(averagePrice);
        if (removed.compareTo(costBasis) > 0) {
            removed = costBasis; // only reachable through rounding of a sub-1e-12 average
        }
        Money proceeds = closing.times(fill.price());
        Money gross = side == PositionSide.LONG ? proceeds.minus(removed) : removed.minus(proceeds);
        Quantity newQuantity = quantity.minus(closing);
        Holding after = new Holding(account, strategy, symbol, side, newQuantity, costBasis.minus(removed),
                averagePrice, realizedPnl.plus(gross).minus(closingFee), fees.plus(closingFee),
                entryQuantity, entryCost, exitQuantity.plus(closing), exitProceeds.plus(proceeds),
                openedAt, toZero ? fill.time() : null, confidence);
        Money signedCostChange = side == PositionSide.LONG ? removed.negate() : removed;
        Holding opened = null;
        if (!rest.isZero()) {
            opened = open(fill, rest, fill.fee().minus(closingFee));
            Money openedCost = opened.costBasis();
            signedCostChange = signedCostChange.plus(opened.side == PositionSide.LONG ? openedCost : openedCost.negate());
        }
        return new HoldingChange(this, after, opened, signedCostChange, gross);
    }

    /** Unrealized P&L at {@code mark}: {@code q × mark − cost} for a long, {@code cost − q × mark} for a short. */
    public Money unrealizedPnl(Price mark) {
        Money value = quantity.times(mark);
        return side == PositionSide.LONG ? value.minus(costBasis) : costBasis.minus(value);
    }

    /** {@code q × mark}, positive for a long and negative for a short: what the holding adds to equity. */
    public Money signedMarketValue(Price mark) {
        Money value = quantity.times(mark);
        return side == PositionSide.LONG ? value : value.negate();
    }

    /** The cost basis with the position's sign: positive for a long, negative for a short. */
    public Money signedCostBasis() {
        return side == PositionSide.LONG ? costBasis : costBasis.negate();
    }

    /** The quantity with the position's sign. */
    public Quantity signedQuantity() {
        return side == PositionSide.LONG ? quantity : quantity.negate();
    }

    /** The round trip this lifecycle made; only for a closed holding. */
    public RoundTrip roundTrip() {
        if (isOpen()) {
            throw new IllegalStateException("an open holding has no finished round trip");
        }
        return new RoundTrip(account, strategy, symbol, side, Price.average(entryCost, entryQuantity),
                Price.average(exitProceeds, exitQuantity), entryQuantity, openedAt, closedAt, realizedPnl, fees, confidence);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public String account() {
        return account;
    }

    public String strategy() {
        return strategy;
    }

    public String symbol() {
        return symbol;
    }

    public PositionSide side() {
        return side;
    }

    public Quantity quantity() {
        return quantity;
    }

    public Money costBasis() {
        return costBasis;
    }

    public Price averagePrice() {
        return averagePrice;
    }

    public Money realizedPnl() {
        return realizedPnl;
    }

    public Money fees() {
        return fees;
    }

    public Quantity entryQuantity() {
        return entryQuantity;
    }

    public Money entryCost() {
        return entryCost;
    }

    public Quantity exitQuantity() {
        return exitQuantity;
    }

    public Money exitProceeds() {
        return exitProceeds;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public BigDecimal confidence() {
        return confidence;
    }

    @Override
    public String toString() {
        return account + "/" + strategy + "/" + symbol + " " + side + " " + quantity + " @ " + averagePrice
                + (isOpen() ? "" : " closed") + " realized " + realizedPnl;
    }
}
