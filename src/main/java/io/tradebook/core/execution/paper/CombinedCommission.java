package io.tradebook.core.execution.paper;

import io.tradebook.core.money.Money;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.util.List;

/**
 * Several commission models charged together: a fill costs the sum of what each model charges
 * for it (for example a per-share rate with a minimum plus an exchange fee in basis points).
 * Immutable. Refuses an empty list.
 */
public record CombinedCommission(List<CommissionModel> models) implements CommissionModel {
    public CombinedCommission {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a combined commission needs at least one model");
        }
    }

    @Override
    public Money commission(Quantity filledBefore, Quantity fillQuantity, Price price) {
        Money total = Money.zero(price.currency());
        for (CommissionModel m : models) {
            total = total.plus(m.commission(filledBefore, fillQuantity, price));
        }
        return total;
    }
}
