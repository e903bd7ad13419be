package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {
    @Test
    void benchOrdersPrintsTheInMemoryFigure() {
        CliRun run = CliRun.of("bench", "orders", "--orders", "400", "--skip-postgres");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^orders/s in memory: [1-9][0-9]*$").contains("orders/s postgres: skipped");
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.err()).contains("in memory warm-up round 2:", "in memory round 3:");
    }

    @Test
    void benchOrdersMeasuresPostgresToo() {
        CliRun run = CliRun.of("bench", "orders", "--orders", "200", "--db-orders", "200", "--db-threads", "8", "--rounds", "1",
                "--warmup-rounds", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^orders/s postgres: [1-9][0-9]*$");
    }

    @Test
    void benchBacktestEndsWithTheBarsPerSecondLine() {
        CliRun run = CliRun.of("bench", "backtest", "--bars", "5000", "--warmup", "1", "--runs", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("run 1:", "run 2:", "sma-cross fast=10 slow=30 over 5000 minute bars:");
        assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow()).matches("bars/s: [1-9][0-9]*");
        assertThat(CliRun.of("bench", "backtest", "--bars", "1").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "backtest", "--runs", "0").err()).contains("--runs at least 1");
    }

    @Test
    void badCountsAreRefused() {
        CliRun run = CliRun.of("bench", "orders", "--orders", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must be at least 1");
        assertThat(CliRun.of("bench", "orders", "--warmup-rounds", "-1").exitCode()).isEqualTo(2);
    }
}
