package io.tradebook.core.orders;

import static io.tradebook.core.orders.OrderStatus.CANCELLED;
import static io.tradebook.core.orders.OrderStatus.EXPIRED;
import static io.tradebook.core.orders.OrderStatus.FILLED;
import static io.tradebook.core.orders.OrderStatus.PARTIALLY_FILLED;
import static io.tradebook.core.orders.OrderStatus.PENDING;
import static io.tradebook.core.orders.OrderStatus.PLACED;
import static io.tradebook.core.orders.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of states: the legal ones are exactly the table's, and an order refuses every other move. */
class OrderTransitionsTest {
    private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED = Map.of(
            PENDING, EnumSet.of(PLACED, REJECTED, CANCELLED),
            PLACED, EnumSet.of(PLACED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED, REJECTED),
            PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class));
    private static final Instant T = Instant.parse("2024-01-02T14:30:00Z");

    static Stream<Arguments> everyPair() {
        return Stream.of(OrderStatus.values()).flatMap(from -> Stream.of(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void theTableAllowsExactlyTheListedMoves(OrderStatus from, OrderStatus to) {
        boolean legal = EXPECTED.get(from).contains(to);
        assertThat(OrderTransitions.isLegal(from, to)).isEqualTo(legal);
        Order order = in(from);
        if (legal) {
            assertThat(order.moveTo(to, T, "x").status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> order.moveTo(to, T, "x")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("illegal order transition " + from + " -> " + to);
        }
    }

    @Test
    void terminalStatesAreExactlyTheOnesWithNoWayOut() {
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(s.isTerminal()).as(s.name()).isEqualTo(OrderTransitions.from(s).isEmpty());
        }
    }

    @Test
    void aFillMovesToPartiallyFilledOrFilledAndNeverBeyondTheQuantity() {
        Order placed = in(PLACED);
        Order part = placed.filled(Quantity.of(4), Price.of("10", Currency.USD), Money.zero(Currency.USD), T);
        assertThat(part.status()).isEqualTo(PARTIALLY_FILLED);
        Order full = part.filled(Quantity.of(6), Price.of("11", Currency.USD), Money.zero(Currency.USD), T);
        assertThat(full.status()).isEqualTo(FILLED);
        assertThat(full.averageFillPrice()).isEqualTo(Price.of("10.6", Currency.USD));
        assertThatThrownBy(() -> part.filled(Quantity.of(7), Price.of("11", Currency.USD), Money.zero(Currency.USD), T))
                .hasMessageContaining("exceeds the 6 open");
        assertThatThrownBy(() -> in(PENDING).filled(Quantity.of(1), Price.of("1", Currency.USD), Money.zero(Currency.USD), T))
                .hasMessageContaining("illegal order transition PENDING -> PARTIALLY_FILLED");
    }

    @Test
    void aFinishedOrderHoldsNothingBack() {
        Order placed = in(PLACED);
        assertThat(placed.reserved()).isEqualTo(Money.of("100", Currency.USD));
        assertThat(placed.moveTo(CANCELLED, T, "user").reserved().isZero()).isTrue();
    }

    private static Order in(OrderStatus status) {
        OrderRequest r = OrderRequest.market("A", "s", "AAPL", Side.BUY, Quantity.of(10));
        Order o = Order.accept("o-1", r, Money.of("100", Currency.USD), T);
        return switch (status) {
            case PENDING -> o;
            case PLACED -> o.moveTo(PLACED, T, null);
            case PARTIALLY_FILLED -> o.moveTo(PLACED, T, null).filled(Quantity.of(1), Price.of("10", Currency.USD), Money.zero(Currency.USD), T);
            case FILLED -> o.moveTo(PLACED, T, null).filled(Quantity.of(10), Price.of("10", Currency.USD), Money.zero(Currency.USD), T);
            case REJECTED -> o.rejected(RejectReason.RISK_RULE, "no", T);
            case CANCELLED -> o.moveTo(CANCELLED, T, null);
            case EXPIRED -> o.moveTo(PLACED, T, null).moveTo(EXPIRED, T, null);
        };
    }
}
