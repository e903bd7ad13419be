package io.tradebook.core.execution;

import io.tradebook.core.books.BookKeeper;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.instruments.InstrumentSource;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.core.orders.Order;
import io.tradebook.core.orders.OrderCheck;
import io.tradebook.core.orders.OrderCheck.Problem;
import io.tradebook.core.orders.OrderRequest;
import io.tradebook.core.orders.OrderType;
import io.tradebook.core.orders.RejectReason;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks an order passes before it goes out, in order: the instrument (known, same currency,
 * quantity and prices valid), the strategy (active, or the order only reduces), a price to value
 * it, pre-trade risk, and buying power. The first failure makes the order REJECTED with its
 * reason; success makes it PENDING with the cash it holds back. Stateless apart from its wiring.
 */
final class OrderScreen {
    private final InstrumentSource instruments;
    private final AccountDirectory accounts;
    private final ReferencePrices prices;
    private final PreTradeRisk risk;
    private final BookKeeper books;
    private final ExecutionEngine.Settings settings;

    OrderScreen(InstrumentSource instruments, AccountDirectory accounts, ReferencePrices prices, PreTradeRisk risk, BookKeeper books,
                ExecutionEngine.Settings settings) {
        this.instruments = instruments;
        this.accounts = accounts;
        this.prices = prices;
        this.risk = risk;
        this.books = books;
        this.settings = settings;
    }

    /** The outcome: the order (PENDING or REJECTED) and, when a risk rule refused it, the denial. */
    record Screening(Order order, PreTradeRisk.Denial denial) {
        Screening(Order order) {
            this(order, null);
        }
    }

    Screening screen(String id, OrderRequest r, TradingAccount account, StrategyActivation activation, BuyingPower.Holds open,
                     Instant now) {
        Money zero = Money.zero(account.currency());
        Optional<Instrument> instrument = instruments.find(r.symbol());
        if (instrument.isEmpty()) {
            return new Screening(Order.reject(id, r, RejectReason.UNKNOWN_INSTRUMENT, "unknown instrument " + r.symbol(), zero, now));
        }
        if (instrument.get().currency() != account.currency()) {
            return new Screening(Order.reject(id, r, RejectReason.UNKNOWN_INSTRUMENT, r.symbol() + " trades in "
                    + instrument.get().currency() + " but the account is in " + account.currency(), zero, now));
        }
        Optional<Problem> problem = OrderCheck.check(r, instrument.get());
        if (problem.isPresent()) {
            return new Screening(Order.reject(id, r, problem.get().reason(), problem.get().message(), zero, now));
        }
        Quantity position = books.position(account.key(), r.strategy(), r.symbol());
        boolean reducing = BuyingPower.increase(position, r.side(), r.quantity()).isZero();
        if (activation.status() != ActivationStatus.ACTIVE && !reducing) {
            return new Screening(Order.reject(id, r, RejectReason.STRATEGY_NOT_ACTIVE, "strategy " + r.strategy() + " is "
                    + activation.status() + "; it may only reduce positions", zero, now));
        }
        Price reference = referencePrice(r);
        if (reference == null) {
            return new Screening(Order.reject(id, r, RejectReason.NO_MARKET_PRICE, "no price is known for " + r.symbol()
                    + " to value a " + r.type() + " order", zero, now));
        }
        Optional<PreTradeRisk.Denial> denial = risk.check(id, r, reference);
        if (denial.isPresent()) {
            return new Screening(Order.reject(id, r, RejectReason.RISK_RULE, denial.get().message(), zero, now), denial.get());
        }
        BuyingPower.Decision bp = buyingPower(account, activation, position, r, reference, open);
        if (!bp.approved()) {
            return new Screening(Order.reject(id, r, bp.problem().reason(), bp.problem().message(), zero, now));
        }
        return new Screening(Order.accept(id, r, bp.reserve(), now));
    }

    /** Checks new terms for a working order: its rest ({@code rest}) against buying power without its own reservation. */
    BuyingPower.Decision recheck(TradingAccount account, OrderRequest whole, OrderRequest rest, BuyingPower.Holds others) {
        Optional<Problem> problem = OrderCheck.check(whole, instruments.find(whole.symbol()).orElseThrow());
        if (problem.isPresent()) {
            return new BuyingPower.Decision(problem.get(), Money.zero(account.currency()));
        }
        StrategyActivation activation = accounts.activation(account.key(), rest.strategy()).orElseThrow();
        Quantity position = books.position(account.key(), rest.strategy(), rest.symbol());
        return buyingPower(account, activation, position, rest, referencePrice(rest), others);
    }

    private BuyingPower.Decision buyingPower(TradingAccount account, StrategyActivation activation, Quantity position, OrderRequest r,
                                             Price reference, BuyingPower.Holds open) {
        Price reservePrice = reservePrice(r, reference);
        return BuyingPower.check(account, activation, position, r, reservePrice, reference, settings.fees().estimate(r, reservePrice),
                open, books, prices, s -> accounts.activation(account.key(), s).map(StrategyActivation::allocated).orElse(false));
    }

    /** The latest price of the symbol, else the order's own limit or stop; null when there is none. */
    private Price referencePrice(OrderRequest r) {
        return prices.latest(r.symbol()).orElse(r.limitPrice() != null ? r.limitPrice() : r.stopPrice());
    }

    /** What a buy is assumed to pay per unit: its limit, else the reference (for a stop, at least the stop) plus the buffer. */
    private Price reservePrice(OrderRequest r, Price reference) {
        if (r.type() == OrderType.LIMIT || r.type() == OrderType.STOP_LIMIT) {
            return r.limitPrice();
        }
        Price base = r.type() == OrderType.STOP_LOSS ? reference.max(r.stopPrice()) : reference;
        return base.plusBasisPoints(settings.marketBufferBps());
    }
}
