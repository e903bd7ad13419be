package io.tradebook.core.execution.paper;

import io.tradebook.core.books.Side;
import io.tradebook.core.execution.BrokerAccountState;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.Map;
import java.util.TreeMap;

/**
 * One account's cash and net positions at the paper broker. Mutable and not thread-safe: the
 * broker's lock guards it. A buy of {@code q} at {@code p} with fee {@code f} takes
 * {@code q × p + f} from cash and adds {@code q} to the position; a sell adds {@code q × p − f} and
 * takes {@code q}. Cash may go negative (the order path checks buying power, not the paper broker).
 * Refuses cash in another currency than the account's.
 */
final class PaperAccount {
    private Money cash;
    private final Map<String, Quantity> positions = new TreeMap<>();

    PaperAccount(Currency currency) {
        this.cash = Money.zero(currency);
    }

    Currency currency() {
        return cash.currency();
    }

    void deposit(Money amount) {
        cash = cash.plus(amount);
    }

    void withdraw(Money amount) {
        cash = cash.minus(amount);
    }

    void apply(Side side, String symbol, Quantity quantity, Price price, Money fee) {
        Money notional = quantity.times(price);
        cash = side == Side.BUY ? cash.minus(notional).minus(fee) : cash.plus(notional).minus(fee);
        Quantity signed = side == Side.BUY ? quantity : quantity.negate();
        Quantity after = positions.getOrDefault(symbol, Quantity.ZERO).plus(signed);
        if (after.isZero()) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, after);
        }
    }

    /** Cash and the positions that are not flat. */
    BrokerAccountState state() {
        return new BrokerAccountState(cash, positions);
    }
}
