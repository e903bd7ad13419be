package io.tradebook.core.risk;

import static io.tradebook.core.risk.RiskFixtures.ACCOUNT;
import static io.tradebook.core.risk.RiskFixtures.account;
import static io.tradebook.core.risk.RiskFixtures.buy;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RiskEngineConcurrencyTest {

    @Test
    void checksRacingRuleChangesEndWithTheStatesOfTheRulesHeld() throws Exception {
        RiskRule orders = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");
        RiskEngine engine = new RiskEngine(List.of(orders));
        RiskContext ctx = account("1000").ordersToday(5).build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> checkers = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                checkers.add(pool.submit(() -> {
                    int checks = 0;
                    while (!stop.get()) {
                        RiskDecision decision = engine.check(buy("AAPL", "1"), ctx);
                        // Whichever rules the check saw (limit 5 or 6, capital floor or not), a denial names one of them.
                        if (decision instanceof RiskDecision.Denied d) {
                            assertThat(d.rule().id()).isIn("r-1", "r-2");
                        }
                        checks++;
                    }
                    return checks;
                }));
            }
            for (int i = 0; i < 2_000; i++) {
                engine.replace(orders.withLimit(BigDecimal.valueOf(5 + i % 2)));
                engine.add(RiskRule.onAccount("r-2", ACCOUNT, RuleType.MIN_CAPITAL_THRESHOLD, RuleUnit.AMOUNT, "2000"));
                assertThat(engine.remove("r-2")).isTrue();
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        int total = 0;
        for (Future<Integer> checker : checkers) {
            total += checker.get();
        }
        assertThat(total).isPositive();
        assertThat(engine.rules()).hasSize(1);
        assertThat(engine.states()).extracting(RuleState::rule).containsExactlyElementsOf(engine.rules());
        assertThat(engine.state("r-2")).isEmpty();
    }

    @Test
    void aCheckThatStartedBeforeAReplaceDoesNotOverwriteTheNewRulesState() throws Exception {
        RiskRule orders = RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5");
        RiskEngine engine = new RiskEngine(List.of(orders));
        PausingContext ctx = new PausingContext(account("1000").ordersToday(7).build());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RiskDecision> check = pool.submit(() -> engine.check(buy("AAPL", "1"), ctx));
            assertThat(ctx.reading.await(10, TimeUnit.SECONDS)).isTrue();
            RiskRule raised = orders.withLimit(BigDecimal.TEN);
            engine.replace(raised);
            ctx.proceed.countDown();

            assertThat(check.get(10, TimeUnit.SECONDS).approved()).isFalse();
            assertThat(engine.state("r-1")).contains(RuleState.unchecked(raised));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckThatStartedBeforeARemoveDoesNotBringTheStateBack() throws Exception {
        RiskEngine engine = new RiskEngine(List.of(
                RiskRule.onAccount("r-1", ACCOUNT, RuleType.MAX_ORDERS_PER_DAY, RuleUnit.COUNT, "5")));
        PausingContext ctx = new PausingContext(account("1000").ordersToday(7).build());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RiskDecision> check = pool.submit(() -> engine.check(buy("AAPL", "1"), ctx));
            assertThat(ctx.reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.remove("r-1")).isTrue();
            ctx.proceed.countDown();

            assertThat(check.get(10, TimeUnit.SECONDS).approved()).isFalse();
            assertThat(engine.state("r-1")).isEmpty();
            assertThat(engine.states()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Figures that hold the check inside the rule until the test lets it go on. */
    private static final class PausingContext implements RiskContext {
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);
        private final RiskContext figures;

        PausingContext(RiskContext figures) {
            this.figures = figures;
        }

        @Override
        public int ordersToday() {
            reading.countDown();
            try {
                assertThat(proceed.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return figures.ordersToday();
        }

        @Override
        public String account() {
            return figures.account();
        }

        @Override
        public String strategy() {
            return figures.strategy();
        }

        @Override
        public Quantity position(String symbol) {
            return figures.position(symbol);
        }

        @Override
        public Optional<Price> referencePrice(String symbol) {
            return figures.referencePrice(symbol);
        }

        @Override
        public Money equity() {
            return figures.equity();
        }

        @Override
        public Money dayStartEquity() {
            return figures.dayStartEquity();
        }

        @Override
        public Money peakEquity() {
            return figures.peakEquity();
        }

        @Override
        public int openPositions() {
            return figures.openPositions();
        }

        @Override
        public RiskContext forStrategy(String strategy) {
            return figures.forStrategy(strategy);
        }
    }
}
