package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.STRATEGY;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.books.Side;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random rules, figures and orders: the engine's two promises hold whatever the numbers. */
class RiskEnginePropertyTest {

    @Property(tries = 500, seed = "20250102")
    void anOrderThatOnlyReducesIsAlwaysApproved(@ForAll("rules") List<RiskRule> rules, @ForAll("contexts") RiskContext ctx,
                                                @ForAll("shares") BigDecimal share) {
        Quantity position = ctx.position("AAPL");
        Side closing = position.signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal quantity = position.value().abs().multiply(share).setScale(8, RoundingMode.DOWN);
        OrderRequest order = OrderRequest.market(ACCOUNT, STRATEGY, "AAPL", closing, Quantity.of(quantity));

        assertThat(new RiskEngine(rules).check(order, ctx)).isEqualTo(RiskDecision.APPROVED);
    }

    @Property(tries = 500, seed = "20250103")
    void otherOrdersAreDeniedByTheFirstViolatedRuleAndOnlyThen(@ForAll("rules") List<RiskRule> rules,
                                                             @ForAll("contexts") RiskContext ctx, @ForAll Side side,
                                                             @ForAll("quantities") BigDecimal quantity) {
        OrderRequest order = OrderRequest.market(ACCOUNT, STRATEGY, "AAPL", side, Quantity.of(quantity));
        RiskEngine engine = new RiskEngine(rules);

        RiskDecision decision = engine.check(order, ctx);

        List<RuleState> violated = engine.states().stream().filter(RuleState::violated).toList();
        if (RiskEngine.onlyReduces(order, ctx)) {
            assertThat(decision.approved()).isTrue();
        } else if (violated.isEmpty()) {
            assertThat(decision).isEqualTo(RiskDecision.APPROVED);
        } else {
            RiskDecision.Denied denial = (RiskDecision.Denied) decision;
            assertThat(denial.rule()).isEqualTo(violated.get(0).rule());
            assertThat(denial.message()).isEqualTo(violated.get(0).message()).startsWith(denial.rule().type() + ": ");
        }
    }

    @Provide
    Arbitrary<List<RiskRule>> rules() {
        Arbitrary<RiskRule> rule = Arbitraries.of(RuleType.values()).flatMap(type ->
                Arbitraries.of(new ArrayList<>(type.units())).flatMap(unit ->
                        limit(unit).map(limit -> new RiskRule("r", ACCOUNT, null, type, unit, limit, null))));
        return rule.list().ofMinSize(1).ofMaxSize(7).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> new RiskRule("r-" + i, ACCOUNT, null, list.get(i).type(), list.get(i).unit(), list.get(i).limit(), null))
                .toList());
    }

    private static Arbitrary<BigDecimal> limit(RuleUnit unit) {
        return switch (unit) {
            case FRACTION -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
            case COUNT -> Arbitraries.integers().between(0, 20).map(BigDecimal::valueOf);
            case QUANTITY, NOTIONAL, AMOUNT -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
        };
    }

    @Provide
    Arbitrary<RiskContext> contexts() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("100000")).ofScale(2);
        Arbitrary<BigDecimal> position = Arbitraries.bigDecimals().between(new BigDecimal("-500"), new BigDecimal("500")).ofScale(3)
                .filter(q -> q.signum() != 0);
        Arbitrary<String> price = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000")).ofScale(2).map(BigDecimal::toPlainString));
        return Combinators.combine(money, money, money, position, Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 5), price).as((equity, dayStart, peak, aapl, orders, others, mark) -> {
                    RiskContext.Snapshot.Builder b = RiskContext.snapshot(ACCOUNT, Currency.USD).equity(equity.toPlainString())
                            .dayStartEquity(dayStart.toPlainString()).peakEquity(peak.toPlainString())
                            .position("AAPL", aapl.toPlainString()).ordersToday(orders);
                    for (int i = 0; i < others; i++) {
                        b.position("SYM" + i, "1");
                    }
                    if (!mark.isEmpty()) {
                        b.price("AAPL", mark);
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<BigDecimal> shares() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), BigDecimal.ONE).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(3);
    }
}
