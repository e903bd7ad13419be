package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tradebook backtest --grid: every combination run, refused ones skipped and counted, the same ranking on any number of threads. */
class BacktestGridTest {
    private static CliRun grid(String threads, String format) {
        CliRun run = CliRun.of("backtest", "--strategy", "sma-cross", "--data", "SPX", "--from", "2005-01-01", "--to", "2012-12-31",
                "--grid", "fast=5..20:5", "--grid", "slow=20..60:10", "--rank", "sharpe", "--threads", threads, "--json", format);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void ranksEveryValidCombinationTheSameWayOnOneOrSeveralThreads() throws Exception {
        CliRun one = grid("1", "-");
        CliRun three = grid("3", "-");
        assertThat(three.out()).isEqualTo(one.out());

        JsonNode json = new ObjectMapper().readTree(one.out());
        assertThat(json.get("combinations").asInt()).isEqualTo(20);
        assertThat(json.get("skipped").asInt()).isEqualTo(1); // fast=20, slow=20
        assertThat(json.get("skippedExamples").get(0).asText()).isEqualTo("fast=20, slow=20: fast (20) must be below slow (20)");
        JsonNode rows = json.get("rows");
        assertThat(rows.size()).isEqualTo(19);
        List<Double> sharpe = new ArrayList<>();
        rows.forEach(r -> sharpe.add(r.get("metrics").get("sharpe").asDouble()));
        List<Double> sorted = new ArrayList<>(sharpe);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertThat(sharpe).isEqualTo(sorted);
        assertThat(rows.get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void printsARankedTable() {
        CliRun run = CliRun.of("backtest", "--strategy", "sma-cross", "--data", "SPX", "--from", "2005-01-01", "--to", "2012-12-31",
                "--grid", "sma-cross.fast=5,10", "--grid", "slow=20..30:10", "--rank", "maxDrawdown", "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).isEqualTo("grid: sma-cross, 4 combinations, 4 run, 0 skipped; ranked by maxDrawdown");
        assertThat(lines[1]).startsWith("rank  fast   slow   finalEquity");
        assertThat(lines).hasSize(6);
        List<Double> drawdowns = new ArrayList<>();
        for (int i = 2; i < 6; i++) {
            String[] cells = lines[i].trim().split("\\s+");
            drawdowns.add(Double.parseDouble(cells[8]));
        }
        List<Double> sorted = new ArrayList<>(drawdowns);
        sorted.sort(Double::compare);
        assertThat(drawdowns).isEqualTo(sorted);
    }
}
