package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.RiskLevel;
import io.tradebook.core.strategies.Strategy;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyCategory;
import io.tradebook.core.strategies.StrategyDefinition;
import io.tradebook.core.strategies.StrategyMetadata;
import io.tradebook.core.strategies.Parameters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog strategies registered in the {@code strategies} table: created once from their metadata, found by code. */
abstract class StrategyCatalogRepositoryContract {
    private Database database;
    private StrategyCatalogRepository catalog;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        catalog = new StrategyCatalogRepository(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void registersABuiltInOnceWithItsMetadata() {
        StrategyCatalog.Entry sma = StrategyCatalog.builtIn().find("sma-cross").orElseThrow();
        UUID id = catalog.register(sma);
        assertThat(catalog.register(sma)).isEqualTo(id);
        assertThat(catalog.find("sma-cross")).contains(id);
        Map<String, Object> row = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT name, category, risk_level, is_builtin, plugin_class, parameters, symbols FROM strategies WHERE id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row.get("name")).isEqualTo("SMA crossover");
        assertThat(row.get("category")).isEqualTo("trend");
        assertThat(row.get("risk_level")).isEqualTo("MEDIUM");
        assertThat(row.get("is_builtin")).isEqualTo(true);
        assertThat(row.get("plugin_class")).isNull();
        assertThat(StrategyRow.tree(row.get("parameters").toString()).get("fast").get("default").asText()).isEqualTo("10");
        assertThat(row.get("symbols").toString()).isEqualTo("[]");
    }

    @Test
    void aPluginIsNotBuiltInAndANameTakenByAnotherCodeIsRefused() {
        StrategyDefinition clash = new StrategyDefinition() {
            @Override
            public StrategyMetadata metadata() {
                return StrategyMetadata.of("other-code", "SMA crossover", "", StrategyCategory.OTHER, RiskLevel.LOW,
                        List.of(ParameterSpec.flag("x", true, "")));
            }

            @Override
            public Strategy create(Parameters parameters) {
                return (context, bar) -> { };
            }
        };
        catalog.register(StrategyCatalog.builtIn().find("sma-cross").orElseThrow());
        assertThatThrownBy(() -> catalog.register(new StrategyCatalog.Entry(clash, "clash.jar")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy other-code refused by the database");
        assertThat(catalog.find("other-code")).isEmpty();
    }
}
