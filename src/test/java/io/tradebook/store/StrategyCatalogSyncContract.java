package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradebook.core.strategies.PluginJars;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.store.StrategyCatalogRepository.Registration;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StrategyCatalogRepository#sync} on a real database: the built-ins and plugins registered
 * with every catalog column, once; a changed row brought back, the database's own columns and the
 * manual row kept, a removed plugin kept; bad catalogs refused with nothing changed.
 */
abstract class StrategyCatalogSyncContract {
    private static final String BUILT_INS = "[bollinger-reversion, buy-and-hold, donchian-breakout, ema-cross, rsi, rsi-dmi, sma-cross]";

    @TempDir
    Path dir;
    private Database database;
    private StrategyCatalogRepository repository;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        repository = new StrategyCatalogRepository(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Map<String, Object> row(String code) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM strategies WHERE code = :code").bind("code", code)
                .mapToMap().one());
    }

    private int rows() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM strategies").mapTo(Integer.class).one());
    }

    @Test
    void registersEveryBuiltInOnceWithItsCatalogColumns() {
        Registration first = repository.sync(StrategyCatalog.builtIn());
        assertThat(first.inserted()).hasSize(7);
        assertThat(first.updated()).isEmpty();
        assertThat(first.notInCatalog()).containsExactly("manual");
        assertThat(rows()).isEqualTo(8);

        Map<String, Object> r = row("rsi-dmi");
        assertThat(r.get("name")).isEqualTo("RSI DMI");
        assertThat(r.get("category")).isEqualTo("mean_reversion");
        assertThat(r.get("risk_level")).isEqualTo("MEDIUM");
        assertThat((BigDecimal) r.get("min_capital")).isEqualByComparingTo("1000");
        assertThat((BigDecimal) r.get("expected_return_annual")).isEqualByComparingTo("0.0389");
        assertThat((BigDecimal) r.get("max_drawdown")).isEqualByComparingTo("0.2804");
        assertThat(r.get("timeframe")).isEqualTo("1d");
        assertThat(r.get("is_builtin")).isEqualTo(true);
        assertThat(r.get("is_active")).isEqualTo(true);
        assertThat(r.get("plugin_class")).isNull();
        assertThat(StrategyRow.tree(r.get("symbols").toString()).size()).isZero();
        JsonNode parameters = StrategyRow.tree(r.get("parameters").toString());
        assertThat(parameters.size()).isEqualTo(6);
        JsonNode period = parameters.get("rsi_period");
        assertThat(period.get("position").asInt()).isEqualTo(1);
        assertThat(period.get("type").asText()).isEqualTo("integer");
        assertThat(period.get("default").asText()).isEqualTo("14");
        assertThat(period.get("min").asText()).isEqualTo("2");
        assertThat(period.get("max").asText()).isEqualTo("100000");
        assertThat(period.get("minExclusive").asBoolean()).isFalse();
        assertThat(period.get("description").asText()).isEqualTo("period of the RSI, in bars");
        JsonNode allocation = parameters.get("allocation");
        assertThat(allocation.get("position").asInt()).isEqualTo(6);
        assertThat(allocation.get("type").asText()).isEqualTo("decimal");
        assertThat(allocation.get("default").asText()).isEqualTo("0.95");
        assertThat(allocation.get("minExclusive").asBoolean()).isTrue();

        Registration again = repository.sync(StrategyCatalog.builtIn());
        assertThat(again.inserted()).isEmpty();
        assertThat(again.updated()).isEmpty();
        assertThat(again.unchanged()).hasSize(7);
        assertThat(rows()).isEqualTo(8);
        assertThat(repository.find("rsi-dmi")).contains((java.util.UUID) r.get("id"));
    }

    @Test
    void bringsBackWhatTheCatalogOwnsAndKeepsWhatTheDatabaseOwns() {
        repository.sync(StrategyCatalog.builtIn());
        Object id = row("rsi").get("id");
        database.jdbi().useHandle(h -> h.execute("UPDATE strategies SET description = 'old', parameters = '{}', min_capital = 5, "
                + "expected_return_annual = NULL, is_active = FALSE, performance_score = 0.5 WHERE code = 'rsi'"));

        Registration sync = repository.sync(StrategyCatalog.builtIn());
        assertThat(sync.updated()).containsExactly("rsi");
        assertThat(sync.unchanged()).hasSize(6);
        Map<String, Object> r = row("rsi");
        assertThat(r.get("id")).isEqualTo(id);
        assertThat(r.get("description").toString()).startsWith("Long-only: buys when Wilder's RSI closes below the oversold level");
        assertThat(StrategyRow.tree(r.get("parameters").toString()).get("oversold").get("default").asText()).isEqualTo("30");
        assertThat((BigDecimal) r.get("min_capital")).isEqualByComparingTo("1000");
        assertThat((BigDecimal) r.get("expected_return_annual")).isEqualByComparingTo("0.0269");
        assertThat(r.get("is_active")).isEqualTo(false);
        assertThat((BigDecimal) r.get("performance_score")).isEqualByComparingTo("0.5");
        assertThat(row("manual").get("name")).isEqualTo("Manual and imported trades");
    }

    @Test
    void registersAPluginAndKeepsItsRowWhenItIsGone() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins.resolve("always-long.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("always-long")),
                List.of("example.plugin.AlwaysLong"));
        Registration with = repository.sync(StrategyCatalog.withPlugins(plugins));
        assertThat(with.inserted()).hasSize(8).contains("always-long");
        Map<String, Object> r = row("always-long");
        assertThat(r.get("is_builtin")).isEqualTo(false);
        assertThat(r.get("plugin_class")).isEqualTo("example.plugin.AlwaysLong");
        assertThat((BigDecimal) r.get("min_capital")).isEqualByComparingTo("500");
        assertThat(r.get("expected_return_annual")).isNull();
        assertThat(r.get("timeframe")).isNull();

        Registration without = repository.sync(StrategyCatalog.builtIn());
        assertThat(without.unchanged()).hasSize(7);
        assertThat(without.notInCatalog()).containsExactly("always-long", "manual");
        assertThat(row("always-long").get("plugin_class")).isEqualTo("example.plugin.AlwaysLong");
    }

    @Test
    void refusesACatalogThatCannotBeRegisteredAndChangesNothing() throws Exception {
        Path manual = Files.createDirectories(dir.resolve("manual"));
        PluginJars.build(manual.resolve("manual.jar"), Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("manual")),
                List.of("example.plugin.AlwaysLong"));
        assertThatThrownBy(() -> repository.sync(StrategyCatalog.withPlugins(manual))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy code 'manual' is the database's manual-trades strategy; a catalog strategy cannot take it");
        assertThat(rows()).isEqualTo(1);

        Path clash = Files.createDirectories(dir.resolve("clash"));
        PluginJars.build(clash.resolve("clash.jar"),
                Map.of("example.plugin.AlwaysLong", PluginJars.alwaysLong("zz-clash").replace("Always long (plugin)", "SMA crossover")),
                List.of("example.plugin.AlwaysLong"));
        assertThatThrownBy(() -> repository.sync(StrategyCatalog.withPlugins(clash))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy zz-clash is named 'SMA crossover', the name of strategy sma-cross in the database; "
                        + "strategy names are unique");
        assertThat(rows()).isEqualTo(1);
        assertThat(repository.sync(StrategyCatalog.builtIn()).inserted().stream().sorted().toList()).hasToString(BUILT_INS);
    }
}
