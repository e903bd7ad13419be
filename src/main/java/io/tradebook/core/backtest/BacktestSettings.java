package io.tradebook.core.backtest;

import io.tradebook.core.analytics.MetricSettings;
import io.tradebook.core.execution.AccountType;
import io.tradebook.core.execution.paper.CommissionModel;
import io.tradebook.core.execution.paper.NoCommission;
import io.tradebook.core.execution.paper.NoSlippage;
import io.tradebook.core.execution.paper.SlippageModel;
import io.tradebook.core.money.Money;
import java.util.Objects;

/**
 * How a run simulates and measures: the starting cash (its currency is the account's), the
 * account type (CASH: no shorting, buys only with cash held; MARGIN: Reg-T rules for strategies
 * on the pool, see docs/accounting.md), the paper broker's commission and slippage models, and the
 * metric settings. Immutable. Refuses a starting cash that is not positive.
 */
public record BacktestSettings(Money cash, AccountType accountType, CommissionModel commission, SlippageModel slippage,
                               MetricSettings metrics) {
    public BacktestSettings {
        Objects.requireNonNull(cash, "cash");
        if (cash.signum() <= 0) {
            throw new IllegalArgumentException("the starting cash must be positive: " + cash);
        }
        Objects.requireNonNull(accountType, "accountType");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A CASH account with {@code cash}, no commission, no slippage, daily metrics. */
    public static BacktestSettings of(Money cash) {
        return new BacktestSettings(cash, AccountType.CASH, new NoCommission(), new NoSlippage(), MetricSettings.daily());
    }

    public BacktestSettings withAccountType(AccountType type) {
        return new BacktestSettings(cash, type, commission, slippage, metrics);
    }

    public BacktestSettings withCommission(CommissionModel model) {
        return new BacktestSettings(cash, accountType, model, slippage, metrics);
    }

    public BacktestSettings withSlippage(SlippageModel model) {
        return new BacktestSettings(cash, accountType, commission, model, metrics);
    }

    public BacktestSettings withMetrics(MetricSettings settings) {
        return new BacktestSettings(cash, accountType, commission, slippage, settings);
    }
}
