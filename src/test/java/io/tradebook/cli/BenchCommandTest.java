package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void benchOrdersPrintsTheInMemoryFigure() {
        CliRun run = CliRun.of("bench", "orders", "--orders", "400", "--skip-postgres");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^orders/s in memory: [1-9][0-9]*$").contains("orders/s postgres: skipped");
    }

    @Test
    void badCountsAreRefused() {
        CliRun run = CliRun.of("bench", "orders", "--orders", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must be at least 1");
    }
}
