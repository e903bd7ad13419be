package io.tradebook.core.risk;

import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the risk rules need to know about one scope — an account, or one strategy of it — at the
 * moment an order is checked. The execution engine implements it from its books (positions per
 * strategy, cash, marks) and its counters (orders today, day-start and peak equity); tests use
 * {@link Snapshot}.
 *
 * <p>All money is in the account's base currency. A context handed to {@link RiskEngine#check} is
 * the account's ({@link #strategy()} null); {@link #forStrategy} gives the figures of one strategy,
 * which the engine asks for only when a rule narrowed to the order's strategy applies.
 */
public interface RiskContext {

    String account();

    /** The strategy these figures are narrowed to, or null when they are the whole account's. */
    String strategy();

    /** The scope's signed position in {@code symbol}: positive long, negative short, zero when none. */
    Quantity position(String symbol);

    /**
     * The price the scope values {@code symbol} at and an order in it would fill near (a mark, the
     * last trade, the touch), or empty when there is none; rules that need it then deny.
     */
    Optional<Price> referencePrice(String symbol);

    /** Equity now: cash plus long market value minus short market value. */
    Money equity();

    /** Equity at the start of the trading day. */
    Money dayStartEquity();

    /** The high-water mark of equity. */
    Money peakEquity();

    /** How many symbols the scope holds a non-zero position in. */
    int openPositions();

    /** Orders the scope submitted today, not counting the one being checked. */
    int ordersToday();

    /** The same figures narrowed to one strategy of this account; refuses a strategy it has no figures for. */
    RiskContext forStrategy(String strategy);

    /** Starts an immutable {@link Snapshot} of an account's figures, money and prices in {@code currency}. */
    static Snapshot.Builder snapshot(String account, Currency currency) {
        return new Snapshot.Builder(account, null, currency);
    }

    /**
     * A fixed set of figures, for tests and backtests: immutable, with copies of its maps. The open
     * position count is derived from the positions, so the two cannot disagree. Refuses mixed
     * currencies, a negative order count, and strategy figures filed under another account or name.
     * Built with {@link Builder}, a strategy's snapshot sees the account's reference prices.
     */
    record Snapshot(String account, String strategy, Map<String, Quantity> positions, Map<String, Price> prices,
                    Money equity, Money dayStartEquity, Money peakEquity, int ordersToday,
                    Map<String, Snapshot> strategies) implements RiskContext {

        public Snapshot {
            Objects.requireNonNull(account, "account");
            positions = Map.copyOf(positions);
            prices = Map.copyOf(prices);
            strategies = Map.copyOf(strategies);
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(dayStartEquity, "dayStartEquity");
            Objects.requireNonNull(peakEquity, "peakEquity");
            if (ordersToday < 0) {
                throw new IllegalArgumentException("orders today must not be negative: " + ordersToday);
            }
            for (Currency other : Stream.concat(
                    Stream.of(dayStartEquity.currency(), peakEquity.currency()),
                    prices.values().stream().map(Price::currency)).toList()) {
                if (other != equity.currency()) {
                    throw new IllegalArgumentException("risk figures mix " + other + " into an account in " + equity.currency());
                }
            }
            strategies.forEach((name, figures) -> {
                if (!figures.account().equals(account) || !name.equals(figures.strategy())) {
                    throw new IllegalArgumentException("figures of " + figures.account() + " strategy " + figures.strategy()
                            + " filed as strategy " + name + " of " + account);
                }
            });
        }

        @Override
        public Quantity position(String symbol) {
            return positions.getOrDefault(symbol, Quantity.ZERO);
        }

        @Override
        public Optional<Price> referencePrice(String symbol) {
            return Optional.ofNullable(prices.get(symbol));
        }

        @Override
        public int openPositions() {
            return (int) positions.values().stream().filter(q -> !q.isZero()).count();
        }

        @Override
        public RiskContext forStrategy(String name) {
            if (name.equals(strategy)) {
                return this;
            }
            Snapshot figures = strategies.get(name);
            if (figures == null) {
                throw new IllegalArgumentException("no risk figures for strategy " + name + " of account " + account);
            }
            return figures;
        }

        /**
         * Builds a {@link Snapshot}. Equity is required; day-start equity defaults to equity, and
         * the peak to the larger of the two (a high-water mark is never below equity now).
         */
        public static final class Builder {
            private final String account;
            private final String strategy;
            private final Currency currency;
            private final Map<String, Quantity> positions = new TreeMap<>();
            private final Map<String, Price> prices = new TreeMap<>();
            private final Map<String, Builder> strategies = new LinkedHashMap<>();
            private Money equity;
            private Money dayStartEquity;
            private Money peakEquity;
            private int ordersToday;

            Builder(String account, String strategy, Currency currency) {
                this.account = Objects.requireNonNull(account, "account");
                this.strategy = strategy;
                this.currency = Objects.requireNonNull(currency, "currency");
            }

            public Builder equity(String amount) {
                equity = Money.of(amount, currency);
                return this;
            }

            public Builder dayStartEquity(String amount) {
                dayStartEquity = Money.of(amount, currency);
                return this;
            }

            public Builder peakEquity(String amount) {
                peakEquity = Money.of(amount, currency);
                return this;
            }

            /** The signed position in {@code symbol} ("-50" is short 50). */
            public Builder position(String symbol, String signedQuantity) {
                positions.put(symbol, Quantity.of(signedQuantity));
                return this;
            }

            public Builder price(String symbol, String price) {
                prices.put(symbol, Price.of(price, currency));
                return this;
            }

            public Builder ordersToday(int count) {
                ordersToday = count;
                return this;
            }

            /** The figures of one strategy of the account (its own positions, equity and counters). */
            public Builder strategy(String name, Consumer<Builder> figures) {
                if (strategy != null) {
                    throw new IllegalStateException("strategy " + strategy + " cannot hold strategies");
                }
                Builder nested = new Builder(account, Objects.requireNonNull(name, "strategy"), currency);
                figures.accept(nested);
                strategies.put(name, nested);
                return this;
            }

            public Snapshot build() {
                return build(Map.of());
            }

            private Snapshot build(Map<String, Price> inherited) {
                if (equity == null) {
                    throw new IllegalStateException("equity is required for the risk figures of " + (strategy == null ? account : strategy));
                }
                Money dayStart = dayStartEquity == null ? equity : dayStartEquity;
                Money peak = peakEquity == null ? max(equity, dayStart) : peakEquity;
                Map<String, Price> allPrices = new TreeMap<>(inherited);
                allPrices.putAll(prices);
                Map<String, Snapshot> built = new LinkedHashMap<>();
                strategies.forEach((name, b) -> built.put(name, b.build(allPrices)));
                return new Snapshot(account, strategy, positions, allPrices, equity, dayStart, peak, ordersToday, built);
            }

            private static Money max(Money a, Money b) {
                return a.compareTo(b) >= 0 ? a : b;
            }
        }
    }
}
