package io.tradebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LedgerReplayTest {
    private static final String HEADER = "time,account,strategy,symbol,side,quantity,price,fee\n";

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("fills.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void replaysTheBundledSampleIntoExactBooks() throws IOException {
        CliRun run = CliRun.of("ledger", "replay", "samples/fills.csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode accounts = new ObjectMapper().readTree(run.out()).get("accounts");
        assertThat(accounts).hasSize(2);
        JsonNode main = accounts.get(1);
        assertThat(main.get("account").asText()).isEqualTo("main");
        assertThat(main.get("cash").asText()).isEqualTo("95160.33");
        assertThat(main.get("fees").asText()).isEqualTo("9.85");
        JsonNode rsi = main.get("strategies").get(1);
        assertThat(rsi.get("strategy").asText()).isEqualTo("rsi_bot");
        // bought 50 @ 185.64 and 25 @ 184.25, sold 40 @ 188.32 and 35 @ 186.19, four fees of 1
        assertThat(rsi.get("realizedPnl").asText()).isEqualTo("157.2");
        JsonNode aapl = rsi.get("holdings").get(0);
        assertThat(aapl.get("side").asText()).isEqualTo("FLAT");
        assertThat(aapl.get("quantity").asText()).isEqualTo("0");
        JsonNode eth = accounts.get(0).get("strategies").get(0).get("holdings").get(1);
        assertThat(eth.get("symbol").asText()).isEqualTo("ETHUSD");
        assertThat(eth.get("side").asText()).isEqualTo("SHORT");
        assertThat(eth.get("quantity").asText()).isEqualTo("0.75");
        assertThat(eth.get("averagePrice").asText()).isEqualTo("2270");
    }

    @Test
    void decimalsAreExactStringsAndFractionalQuantitiesSurvive() throws IOException {
        Path file = write(HEADER
                + "2024-01-02,A,,,DEPOSIT,1000,,\n"
                + "2024-01-02T10:00:00Z,A,s,BTC,BUY,0.00000001,30000.12345678,0.00000001\n");
        CliRun run = CliRun.of("ledger", "replay", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(run.out()).get("accounts").get(0);
        assertThat(a.get("cash").isTextual()).isTrue();
        assertThat(a.get("cash").asText()).isEqualTo("999.9996999887654322");
        assertThat(a.get("strategies").get(0).get("holdings").get(0).get("quantity").asText()).isEqualTo("0.00000001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown side       | 2024-01-02,A,s,AAPL,HOLD,1,100,0                 | row 1 (line 2): side must be BUY, SELL, DEPOSIT or WITHDRAWAL but is 'HOLD'",
        "zero quantity      | 2024-01-02,A,s,AAPL,BUY,0,100,0                  | row 1 (line 2): quantity must be positive",
        "text quantity      | 2024-01-02,A,s,AAPL,BUY,ten,100,0                | row 1 (line 2): quantity is not a plain decimal number: 'ten'",
        "missing price      | 2024-01-02,A,s,AAPL,BUY,1,,0                     | row 1 (line 2): price is empty",
        "negative price     | 2024-01-02,A,s,AAPL,BUY,1,-5,0                   | row 1 (line 2): price must not be negative",
        "negative fee       | 2024-01-02,A,s,AAPL,BUY,1,5,-1                   | row 1 (line 2): fee must not be negative",
        "missing strategy   | 2024-01-02,A,,AAPL,BUY,1,5,0                     | row 1 (line 2): strategy is empty",
        "missing account    | 2024-01-02,,s,AAPL,BUY,1,5,0                     | row 1 (line 2): account is empty",
        "bad time           | 02/01/2024,A,s,AAPL,BUY,1,5,0                    | row 1 (line 2): time is not an ISO-8601 date or date-time",
        "too few columns    | 2024-01-02,A,s,AAPL,BUY,1,5                      | row 1 (line 2): expected 8 columns",
        "deposit w/ symbol  | 2024-01-02,A,,AAPL,DEPOSIT,100,,                 | row 1 (line 2): symbol must be empty for DEPOSIT",
        "negative deposit   | 2024-01-02,A,,,DEPOSIT,-100,,                    | row 1 (line 2): amount (quantity column) must be positive",
        "too many decimals  | 2024-01-02,A,s,AAPL,BUY,0.000000001,5,0          | row 1 (line 2): quantity has more than 8 decimals",
    })
    void aMalformedRowStopsWithItsNumberAndExitCodeTwo(String name, String row, String message) throws IOException {
        Path file = write(HEADER + row + "\n");
        CliRun run = CliRun.of("ledger", "replay", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theRowNumberCountsDataRowsAndSkipsNothingBeforeTheBadOne() throws IOException {
        Path file = write(HEADER + "2024-01-02,A,,,DEPOSIT,10,,\n\n2024-01-02,A,s,X,BUY,1,1,0\n2024-01-02,A,s,X,SELL,1,x,0\n");
        CliRun run = CliRun.of("ledger", "replay", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("row 4 (line 5): price is not a plain decimal number: 'x'");
    }

    @Test
    void refusesAWrongHeaderAnEmptyFileAndAMissingFile() throws IOException {
        CliRun wrongHeader = CliRun.of("ledger", "replay", write("date,open,high,low,close,volume\n").toString());
        assertThat(wrongHeader.exitCode()).isEqualTo(2);
        assertThat(wrongHeader.err()).contains("header: expected 'time,account,strategy,symbol,side,quantity,price,fee'");
        CliRun empty = CliRun.of("ledger", "replay", write("").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("the file is empty");
        CliRun missing = CliRun.of("ledger", "replay", dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void quotedFieldsAndOffsetTimesAreRead() throws IOException {
        Path file = write(HEADER + "\"2024-01-02T09:30:00-05:00\",\"A\",\"s\",\"AAPL\",\"BUY\",\"2\",\"100.5\",\"\"\n");
        CliRun run = CliRun.of("ledger", "replay", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"cash\" : \"-201\"");
    }

    @Test
    void versionAndHelpWork() {
        CliRun version = CliRun.of("version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tradebook ");
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("ledger").contains("version");
        CliRun unknown = CliRun.of("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }
}
