package io.tradebook.core.execution;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Quantity;
import java.util.Map;

/** An account's cash and net position per symbol (signed: negative is short) as the broker reports them. Immutable. */
public record BrokerAccountState(Money cash, Map<String, Quantity> positions) {
    public BrokerAccountState {
        positions = Map.copyOf(positions);
    }
}
