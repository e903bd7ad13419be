package io.tradebook.report;

import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.backtest.StrategyInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report of one backtest, as {@code tradebook backtest --report} writes it
 * and {@code GET /api/backtests/{id}/report} serves it: a title naming the strategies and symbols,
 * the run's parameters (strategies, data origins, timeframe, period, cash, costs), then
 * {@link HtmlReport}. Stateless.
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    /** The report's HTML for {@code result}, described by {@code info}. */
    public static String html(BacktestResult result, BacktestJson.RunInfo info) {
        ReportModel model = ReportModel.of(title(result), parameters(result, info), result.performance(), result.fills());
        return HtmlReport.render(model);
    }

    static String title(BacktestResult result) {
        List<String> names = result.plan().strategies().stream().map(StrategyInstance::name).toList();
        List<String> traded = result.plan().series().stream().map(s -> s.symbol()).toList();
        return "Backtest: " + String.join(", ", names) + " on " + String.join(", ", traded);
    }

    static List<ReportModel.Parameter> parameters(BacktestResult result, BacktestJson.RunInfo info) {
        List<ReportModel.Parameter> list = new ArrayList<>();
        for (StrategyInstance s : result.plan().strategies()) {
            list.add(new ReportModel.Parameter("strategy " + s.name(), s.code() + " (" + s.parameters() + ")"
                    + (s.budget() == null ? "" : ", budget " + s.budget().stripTrailingZeros().toPlainString() + " of the cash")
                    + ", trades " + String.join(", ", result.plan().symbolsOf(s))));
        }
        for (Map.Entry<String, String> o : info.origins().entrySet()) {
            list.add(new ReportModel.Parameter("data " + o.getKey(), o.getValue()));
        }
        list.add(new ReportModel.Parameter("timeframe", info.timeframe()));
        list.add(new ReportModel.Parameter("period", result.start() + " to " + result.end()));
        list.add(new ReportModel.Parameter("starting cash", result.plan().settings().cash().toPlainString() + " "
                + result.plan().settings().cash().currency()));
        list.add(new ReportModel.Parameter("account type", result.plan().settings().accountType().name()));
        for (Map.Entry<String, String> c : info.costs().entrySet()) {
            list.add(new ReportModel.Parameter(c.getKey(), c.getValue()));
        }
        return list;
    }
}
