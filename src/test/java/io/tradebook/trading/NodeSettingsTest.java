package io.tradebook.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.store.Database;
import io.tradebook.store.TestDatabases;
import io.tradebook.store.TradingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server process's node name: from TRADEBOOK_NODE, else made once and kept in the data directory; and its lease and starts on H2. */
class NodeSettingsTest {
    @TempDir
    Path dataDir;

    @Test
    void theNodeNameIsMadeOnceAndKeptInTheDataDirectoryUnlessTheEnvironmentGivesOne() throws Exception {
        String made = TradingSettings.fromEnvironment(Map.of(), dataDir).node();
        assertThat(made).matches("node-[0-9a-f]{8}");
        assertThat(Files.readString(dataDir.resolve("node")).strip()).isEqualTo(made);
        assertThat(TradingSettings.fromEnvironment(Map.of(), dataDir).node()).as("kept across restarts").isEqualTo(made);
        assertThat(TradingSettings.fromEnvironment(Map.of(TradingSettings.NODE, " app1 "), dataDir).node()).isEqualTo("app1");
        assertThat(TradingSettings.fromEnvironment(Map.of()).node()).isEqualTo(TradingSettings.DEFAULT_NODE);
    }

    @Test
    void badNodeNamesAreRefusedWithTheVariableNamed() throws Exception {
        for (String bad : new String[] {"-lead", "a b", "x".repeat(33), "a_b", "é"}) {
            assertThatThrownBy(() -> TradingSettings.fromEnvironment(Map.of(TradingSettings.NODE, bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TRADEBOOK_NODE");
        }
        Files.writeString(dataDir.resolve("node"), "no good\n");
        assertThatThrownBy(() -> TradingSettings.fromEnvironment(Map.of(), dataDir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must hold a node name").hasMessageContaining("TRADEBOOK_NODE");
    }

    @Test
    void aNodeIsHeldOnceAtATimeAndEachStartIsCounted() {
        try (Database database = TestDatabases.h2()) {
            try (TradingNode first = TradingNode.join(database, "app1", Clock.systemUTC())) {
                assertThat(first.brokerIdTag()).isEqualTo("app1-1");
                assertThatThrownBy(() -> TradingNode.join(database, "app1", Clock.systemUTC()))
                        .isInstanceOf(TradingNode.NodeInUseException.class).hasMessageContaining("TRADEBOOK_NODE");
                try (TradingNode other = TradingNode.join(database, "app2", Clock.systemUTC())) {
                    assertThat(other.brokerIdTag()).isEqualTo("app2-1");
                }
            }
            try (TradingNode again = TradingNode.join(database, "app1", Clock.systemUTC())) {
                assertThat(again.start()).isEqualTo(2);
                assertThat(again.workingOrders()).isEmpty();
            }
        }
    }
}
