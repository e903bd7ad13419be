package io.tradebook.core.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.execution.ReconciliationReport.Outcome;
import io.tradebook.core.execution.ReconciliationReport.PositionDifference;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationReportTest {
    private static final Instant NOW = Instant.parse("2024-01-03T21:00:00Z");
    private static final List<PositionDifference> ONE = List.of(new PositionDifference("AAPL", Quantity.of(1), Quantity.of(2)));

    @Test
    void theOutcomeFollowsFromWhatWasFound() {
        assertThat(ReconciliationReport.compared("A", List.of(), Optional.empty(), NOW).outcome()).isEqualTo(Outcome.MATCHED);
        assertThat(ReconciliationReport.compared("A", ONE, Optional.empty(), NOW).outcome()).isEqualTo(Outcome.DIFFERENCES);
        assertThat(ReconciliationReport.unknown("A", null, NOW).brokerMessage()).isEqualTo("no message from the broker");
    }

    @Test
    void refusesAnOutcomeThatContradictsTheContents() {
        assertThatThrownBy(() -> new ReconciliationReport("A", Outcome.UNKNOWN, ONE, Optional.empty(), "down", NOW))
                .hasMessageContaining("UNKNOWN");
        assertThatThrownBy(() -> new ReconciliationReport("A", Outcome.UNKNOWN, List.of(), Optional.empty(), null, NOW))
                .hasMessageContaining("UNKNOWN");
        assertThatThrownBy(() -> new ReconciliationReport("A", Outcome.MATCHED, ONE, Optional.empty(), null, NOW))
                .hasMessageContaining("MATCHED");
        assertThatThrownBy(() -> new ReconciliationReport("A", Outcome.DIFFERENCES, List.of(), Optional.empty(), null, NOW))
                .hasMessageContaining("DIFFERENCES");
    }
}
