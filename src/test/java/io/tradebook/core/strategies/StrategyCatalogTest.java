package io.tradebook.core.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.backtest.Backtest;
import io.tradebook.core.backtest.BacktestPlan;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.backtest.BacktestSettings;
import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.instruments.Instrument;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Money;
import io.tradebook.marketdata.BundledData;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog: the built-ins, and user strategies loaded with ServiceLoader from plugin jars built here. */
class StrategyCatalogTest {
    static final String BUILT_INS = "buy-and-hold, sma-cross, ema-cross, rsi, rsi-dmi, bollinger-reversion, donchian-breakout";

    @TempDir
    Path dir;

    @Test
    void listsTheBuiltInsWithTheirMetadata() {
        StrategyCatalog catalog = StrategyCatalog.builtIn();
        assertThat(catalog.codes()).isEqualTo(BUILT_INS);
        StrategyMetadata sma = catalog.require("sma-cross").metadata();
        assertThat(sma.category()).isEqualTo(StrategyCategory.TREND);
        assertThat(sma.parameters()).extracting(ParameterSpec::name).containsExactly("fast", "slow", "allocation");
        assertThat(catalog.find("sma-cross").orElseThrow().builtIn()).isTrue();
        assertThatThrownBy(() -> catalog.require("nope")).hasMessage("unknown strategy 'nope'; the strategies are " + BUILT_INS);
    }

    @Test
    void loadsAPluginJarAndRunsItThroughTheOrderPathWithItsConfidence() throws Exception {
        PluginJars.build(dir.resolve("always-long.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("always-long")),
                List.of("example.plugin.AlwaysLong"));
        StrategyCatalog catalog = StrategyCatalog.withPlugins(dir);

        assertThat(catalog.codes()).isEqualTo(BUILT_INS + ", always-long");
        StrategyCatalog.Entry entry = catalog.find("always-long").orElseThrow();
        assertThat(entry.source()).isEqualTo("always-long.jar");
        assertThat(entry.builtIn()).isFalse();
        assertThat(entry.metadata().minCapital()).isEqualByComparingTo("500");
        assertThat(entry.metadata().parameters()).extracting(ParameterSpec::name).containsExactly("hold", "allocation");

        BarSeries aapl = BarSeries.of(Instrument.equity("AAPL", Currency.USD), BundledData.find("AAPL").orElseThrow().read().bars());
        StrategyInstance plugin = StrategyInstance.of(entry.definition());
        BacktestResult result = Backtest.run(new BacktestPlan(List.of(aapl), List.of(plugin),
                BacktestSettings.of(Money.of("10000", Currency.USD))));

        assertThat(result.fills()).hasSize(2);
        assertThat(result.fills().get(0).confidence()).isEqualByComparingTo("0.75");
        assertThat(result.fills().get(0).time()).isEqualTo(aapl.bar(2).time());
        RoundTrip trip = result.roundTrips().get(0);
        assertThat(trip.confidence()).isEqualByComparingTo(new BigDecimal("0.75"));
        assertThat(trip.exitTime()).isEqualTo(aapl.bar(5).time());
    }

    @Test
    void refusesACodeClaimedTwiceAndAJarThatCannotLoad() throws Exception {
        Path twice = Files.createDirectories(dir.resolve("twice"));
        PluginJars.build(twice.resolve("clash.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("sma-cross")),
                List.of("example.plugin.AlwaysLong"));
        assertThatThrownBy(() -> StrategyCatalog.withPlugins(twice))
                .hasMessageContaining("strategy code 'sma-cross' is claimed twice: by built-in")
                .hasMessageContaining("and by clash.jar (example.plugin.AlwaysLong)");

        Path broken = Files.createDirectories(dir.resolve("broken"));
        PluginJars.build(broken.resolve("broken.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("x")),
                List.of("example.plugin.Missing"));
        assertThatThrownBy(() -> StrategyCatalog.withPlugins(broken)).hasMessageStartingWith("plugin broken.jar cannot be loaded:")
                .hasMessageContaining("example.plugin.Missing");

        assertThatThrownBy(() -> StrategyCatalog.withPlugins(dir.resolve("absent")))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void anEmptyFolderAddsNothing() throws Exception {
        assertThat(StrategyCatalog.withPlugins(Files.createDirectories(dir.resolve("empty"))).codes())
                .isEqualTo(StrategyCatalog.builtIn().codes());
    }
}
