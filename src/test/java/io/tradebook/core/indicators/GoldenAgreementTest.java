package io.tradebook.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column of the golden file (R's TTR on AAPL 2013 daily bars) against the streaming
 * indicators: every defined value within 1e-6 relative, and defined from the same bar on.
 */
class GoldenAgreementTest {
    private static final Bars AAPL = Bars.resource(Bars.AAPL);
    private static final List<String> HEADER = new ArrayList<>();
    private static final List<String[]> GOLDEN = golden();

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("sma20", new Sma(20), 0),
                Arguments.of("ema20", new Ema(20), 0),
                Arguments.of("rsi14", new Rsi(14), 0),
                Arguments.of("atr14", new Atr(14), 0),
                Arguments.of("plus_di14", new Dmi(14), 0),
                Arguments.of("minus_di14", new Dmi(14), 1),
                Arguments.of("adx14", new Dmi(14), 2),
                Arguments.of("bb20_lower", new BollingerBands(20, 2), 0),
                Arguments.of("bb20_middle", new BollingerBands(20, 2), 1),
                Arguments.of("bb20_upper", new BollingerBands(20, 2), 2),
                Arguments.of("macd_12_26", new Macd(12, 26, 9), 0),
                Arguments.of("macd_signal_9", new Macd(12, 26, 9), 1),
                Arguments.of("donchian20_high", new DonchianChannel(20), 0),
                Arguments.of("donchian20_low", new DonchianChannel(20), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void agreesWithTtr(String column, Indicator indicator, int output) {
        double[] ours = AAPL.run(indicator)[output];
        int c = HEADER.indexOf(column);
        int defined = 0;
        for (int i = 0; i < GOLDEN.size(); i++) {
            String[] row = GOLDEN.get(i);
            assertThat(row[0]).isEqualTo(AAPL.dates()[i]);
            String cell = row[c];
            if (cell.isEmpty() || cell.equals("NA")) {
                assertThat(ours[i]).as("%s at %s (TTR: undefined)", column, row[0]).isNaN();
                continue;
            }
            double expected = Double.parseDouble(cell);
            assertThat(ours[i]).as("%s at %s", column, row[0]).isCloseTo(expected, within(expected));
            defined++;
        }
        assertThat(defined).isGreaterThan(200);
    }

    @Test
    void everyGoldenColumnIsChecked() {
        List<String> checked = columns().map(a -> (String) a.get()[0]).toList();
        assertThat(HEADER.subList(2, HEADER.size())).containsExactlyInAnyOrderElementsOf(checked);
    }

    @Test
    void warmUpBarsIsWhereTheGoldenValuesStart() {
        assertThat(firstDefined("sma20")).isEqualTo(new Sma(20).warmUpBars() - 1);
        assertThat(firstDefined("ema20")).isEqualTo(new Ema(20).warmUpBars() - 1);
        assertThat(firstDefined("rsi14")).isEqualTo(new Rsi(14).warmUpBars() - 1);
        assertThat(firstDefined("atr14")).isEqualTo(new Atr(14).warmUpBars() - 1);
        assertThat(firstDefined("adx14")).isEqualTo(new Dmi(14).warmUpBars() - 1);
        assertThat(firstDefined("bb20_upper")).isEqualTo(new BollingerBands(20, 2).warmUpBars() - 1);
        assertThat(firstDefined("macd_signal_9")).isEqualTo(new Macd(12, 26, 9).warmUpBars() - 1);
        assertThat(firstDefined("donchian20_low")).isEqualTo(new DonchianChannel(20).warmUpBars() - 1);
    }

    private static int firstDefined(String column) {
        int c = HEADER.indexOf(column);
        for (int i = 0; i < GOLDEN.size(); i++) {
            if (!GOLDEN.get(i)[c].equals("NA") && !GOLDEN.get(i)[c].isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static org.assertj.core.data.Offset<Double> within(double expected) {
        return org.assertj.core.data.Offset.offset(Math.max(1e-6 * Math.abs(expected), 1e-12));
    }

    private static List<String[]> golden() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = GoldenAgreementTest.class.getResourceAsStream("/golden/AAPL_2013_daily_ttr.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            HEADER.addAll(Arrays.asList(reader.readLine().split(",")));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
