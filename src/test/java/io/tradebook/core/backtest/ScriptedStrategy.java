package io.tradebook.core.backtest;

import io.tradebook.core.books.Fill;
import io.tradebook.core.strategies.Parameters;
import io.tradebook.core.strategies.PriceBar;
import io.tradebook.core.strategies.RiskLevel;
import io.tradebook.core.strategies.Strategy;
import io.tradebook.core.strategies.StrategyCategory;
import io.tradebook.core.strategies.StrategyContext;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.core.strategies.StrategyMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A test strategy running a script on every bar, recording the bars and fills it saw and when. */
final class ScriptedStrategy implements StrategyDefinition {
    final List<String> seen = new ArrayList<>();
    private final BiConsumer<StrategyContext, PriceBar> script;

    ScriptedStrategy(BiConsumer<StrategyContext, PriceBar> script) {
        this.script = script;
    }

    @Override
    public StrategyMetadata metadata() {
        return StrategyMetadata.of("scripted", "Scripted", "For tests.", StrategyCategory.OTHER, RiskLevel.LOW, List.of());
    }

    @Override
    public Strategy create(Parameters parameters) {
        return new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                seen.add("start " + context.time());
            }

            @Override
            public void onBar(StrategyContext context, PriceBar bar) {
                seen.add("bar " + bar.symbol() + " " + bar.time());
                script.accept(context, bar);
            }

            @Override
            public void onFill(StrategyContext context, Fill fill) {
                seen.add("fill " + fill.symbol() + " " + fill.side() + " " + fill.quantity() + " @ " + fill.price().toPlainString() + " "
                        + fill.time());
            }

            @Override
            public void onStop(StrategyContext context) {
                seen.add("stop " + context.time());
            }
        };
    }

    StrategyInstance instance() {
        return StrategyInstance.of(this);
    }
}
