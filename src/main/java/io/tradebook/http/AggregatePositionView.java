package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.execution.AccountValuation.MarkedPosition;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One symbol of an account summed over its strategies: the net position (long units minus short
 * units), what each side holds, and the market value and P&L summed. Immutable.
 */
record AggregatePositionView(String symbol,
                             @JsonPropertyDescription("The side of the net position") PositionSide side,
                             @JsonPropertyDescription("Net units, unsigned") BigDecimal quantity,
                             BigDecimal longQuantity, BigDecimal shortQuantity,
                             @JsonPropertyDescription("Cost over units when every open line is on one side; else null") BigDecimal averagePrice,
                             @JsonPropertyDescription("The price it is valued at; null when no price is known and the strategies' "
                                     + "average prices differ") BigDecimal marketPrice,
                             @JsonPropertyDescription("Signed sum over the strategies") BigDecimal marketValue,
                             BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal fees,
                             @JsonPropertyDescription("The strategies that traded it") List<String> strategies) {

    /** The aggregated lines of {@code positions}, by symbol. */
    static List<AggregatePositionView> of(List<MarkedPosition> positions) {
        Map<String, List<MarkedPosition>> bySymbol = new TreeMap<>();
        for (MarkedPosition m : positions) {
            bySymbol.computeIfAbsent(m.position().symbol(), s -> new ArrayList<>()).add(m);
        }
        List<AggregatePositionView> lines = new ArrayList<>();
        bySymbol.forEach((symbol, ms) -> lines.add(line(symbol, ms)));
        return lines;
    }

    private static AggregatePositionView line(String symbol, List<MarkedPosition> ms) {
        MarkedPosition first = ms.get(0);
        Money zero = Money.zero(first.mark().currency());
        Quantity longs = Quantity.ZERO;
        Quantity shorts = Quantity.ZERO;
        Money longCost = zero;
        Money shortCost = zero;
        Money value = zero;
        Money unrealized = zero;
        Money realized = zero;
        Money fees = zero;
        List<String> strategies = new ArrayList<>();
        for (MarkedPosition m : ms) {
            var p = m.position();
            if (p.side() == PositionSide.LONG) {
                longs = longs.plus(p.quantity());
                longCost = longCost.plus(p.costBasis());
            } else if (p.side() == PositionSide.SHORT) {
                shorts = shorts.plus(p.quantity());
                shortCost = shortCost.plus(p.costBasis());
            }
            value = value.plus(m.marketValue());
            unrealized = unrealized.plus(m.unrealizedPnl());
            realized = realized.plus(p.realizedPnl());
            fees = fees.plus(p.fees());
            strategies.add(p.strategy());
        }
        Quantity net = longs.minus(shorts);
        PositionSide side = net.signum() > 0 ? PositionSide.LONG : net.signum() < 0 ? PositionSide.SHORT : PositionSide.FLAT;
        Price average = null;
        if (shorts.isZero() && longs.isPositive()) {
            average = Price.average(longCost, longs);
        } else if (longs.isZero() && shorts.isPositive()) {
            average = Price.average(shortCost, shorts);
        }
        boolean oneMark = ms.stream().allMatch(m -> m.mark().compareTo(first.mark()) == 0);
        return new AggregatePositionView(symbol, side, Plain.of(net.abs()), Plain.of(longs), Plain.of(shorts), Plain.of(average),
                oneMark ? Plain.of(first.mark()) : null, Plain.of(value), Plain.of(unrealized), Plain.of(realized), Plain.of(fees), strategies);
    }
}
