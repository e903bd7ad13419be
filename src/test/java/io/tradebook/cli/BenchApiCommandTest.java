package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code tradebook bench api}, small: a server on PostgreSQL, a few clients for a few seconds, the figures' shape and no errors. */
class BenchApiCommandTest {
    @Test
    void benchApiPrintsSubmitsPerSecondAndLatencyWithNoErrors() {
        CliRun run = CliRun.of("bench", "api", "--clients", "4", "--users", "2", "--accounts-per-user", "2", "--warmup", "1",
                "--seconds", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^submits/s: [1-9][0-9]*$")
                .containsPattern("(?m)^p50 ms: [0-9]+\\.[0-9]{2}$")
                .containsPattern("(?m)^p99 ms: [0-9]+\\.[0-9]{2}$")
                .containsPattern("(?m)^server CPU ms per submit: [0-9]+\\.[0-9]{3}$")
                .containsPattern("(?m)^errors: 0$");
        assertThat(run.err()).contains("2 users, 4 accounts, 4 clients");
    }

    @Test
    void badCountsAreRefused() {
        CliRun run = CliRun.of("bench", "api", "--clients", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must be at least 1");
        assertThat(CliRun.of("bench", "api", "--writers", "65").exitCode()).isEqualTo(2);
    }
}
