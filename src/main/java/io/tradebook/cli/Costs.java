package io.tradebook.cli;

import io.tradebook.core.execution.paper.BasisPointsCommission;
import io.tradebook.core.execution.paper.BasisPointsSlippage;
import io.tradebook.core.execution.paper.CombinedCommission;
import io.tradebook.core.execution.paper.CommissionModel;
import io.tradebook.core.execution.paper.FixedPerOrderCommission;
import io.tradebook.core.execution.paper.FixedSlippage;
import io.tradebook.core.execution.paper.NoCommission;
import io.tradebook.core.execution.paper.NoSlippage;
import io.tradebook.core.execution.paper.PerShareCommission;
import io.tradebook.core.execution.paper.SlippageModel;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper broker's costs from the backtest options: commissions per order, in basis points and
 * per share (with a minimum), charged together when several are given; slippage in basis points
 * or per unit (one of them). Refuses, naming the option, a value that is not a plain decimal at
 * least 0, {@code --commission-min} without {@code --commission-per-share}, and both slippages.
 * Stateless.
 */
final class Costs {
    private Costs() {
    }

    static CommissionModel commission(BacktestCommand c, Currency currency) {
        List<CommissionModel> models = new ArrayList<>();
        try {
            if (c.commissionPerOrder != null) {
                models.add(new FixedPerOrderCommission(Money.of(decimal("--commission-per-order", c.commissionPerOrder), currency)));
            }
            if (c.commissionBps != null) {
                models.add(new BasisPointsCommission(decimal("--commission-bps", c.commissionBps)));
            }
            if (c.commissionMin != null && c.commissionPerShare == null) {
                throw new UserInputException("--commission-min goes with --commission-per-share");
            }
            if (c.commissionPerShare != null) {
                BigDecimal minimum = c.commissionMin == null ? BigDecimal.ZERO : decimal("--commission-min", c.commissionMin);
                models.add(new PerShareCommission(Money.of(decimal("--commission-per-share", c.commissionPerShare), currency),
                        Money.of(minimum, currency)));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException("commission: " + e.getMessage(), e);
        }
        return models.isEmpty() ? new NoCommission() : models.size() == 1 ? models.get(0) : new CombinedCommission(models);
    }

    static SlippageModel slippage(BacktestCommand c) {
        if (c.slippageBps != null && c.slippage != null) {
            throw new UserInputException("give --slippage-bps or --slippage, not both");
        }
        try {
            if (c.slippageBps != null) {
                return new BasisPointsSlippage(decimal("--slippage-bps", c.slippageBps));
            }
            if (c.slippage != null) {
                return new FixedSlippage(decimal("--slippage", c.slippage));
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException("slippage: " + e.getMessage(), e);
        }
        return new NoSlippage();
    }

    /** A plain decimal of at least 0. */
    static BigDecimal decimal(String option, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw new UserInputException(option + " must be a plain decimal number of at least 0, not '" + text + "'");
        }
        return new BigDecimal(t);
    }
}
