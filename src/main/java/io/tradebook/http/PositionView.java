package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.books.AccountSnapshot;
import io.tradebook.core.books.PositionSide;
import io.tradebook.core.execution.AccountValuation.MarkedPosition;
import java.math.BigDecimal;

/** One strategy's position in one symbol, marked at the latest price (its average price when none is known). Immutable. */
record PositionView(String strategy, String symbol, PositionSide side,
                    @JsonPropertyDescription("Units held now, unsigned; 0 when FLAT") BigDecimal quantity,
                    @JsonPropertyDescription("Of the open position; 0 when FLAT") BigDecimal averagePrice,
                    BigDecimal costBasis,
                    @JsonPropertyDescription("The price it is valued at") BigDecimal marketPrice,
                    @JsonPropertyDescription("Signed: negative for a short") BigDecimal marketValue,
                    BigDecimal unrealizedPnl,
                    @JsonPropertyDescription("Over every lifecycle, net of fees") BigDecimal realizedPnl,
                    BigDecimal fees,
                    @JsonPropertyDescription("Finished round trips") int roundTrips) {

    static PositionView of(MarkedPosition m) {
        AccountSnapshot.Position p = m.position();
        return new PositionView(p.strategy(), p.symbol(), p.side(), Plain.of(p.quantity()), Plain.of(p.averagePrice()),
                Plain.of(p.costBasis()), Plain.of(m.mark()), Plain.of(m.marketValue()), Plain.of(m.unrealizedPnl()),
                Plain.of(p.realizedPnl()), Plain.of(p.fees()), p.roundTrips());
    }
}
