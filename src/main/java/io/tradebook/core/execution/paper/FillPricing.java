package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns the market price an order matched at into the price it fills at: slippage first, then
 * rounding to the instrument's tick against the trader (a buy up, a sell down), then never past the
 * order's limit, if it has one (a limit order fills at its limit or better, whatever the slippage).
 * Immutable.
 */
record FillPricing(SlippageModel slippage) {

    Price fillPrice(WorkingOrder order, Price matched) {
        Price slipped = slippage.adjust(order.side(), matched, order.instrument());
        Price onTick = toTick(order.side(), slipped, order.instrument().tickSize());
        if (order.limit() == null) {
            return onTick;
        }
        return order.side() == Side.BUY ? onTick.min(order.limit()) : onTick.max(order.limit());
    }

    static Price toTick(Side side, Price price, BigDecimal tick) {
        RoundingMode adverse = side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal ticks = price.value().divide(tick, 0, adverse);
        return Price.of(ticks.multiply(tick), price.currency());
    }
}
