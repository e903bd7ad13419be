package io.tradebook.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Odd but readable files (noted) and malformed ones (refused with row, line and what is wrong). */
class BarCsvOddCasesTest {
    private static final String OHLCV = "date,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private int files;

    private Path file(String content) throws IOException {
        Path path = dir.resolve("bars" + (++files) + ".csv");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private BarFile daily(String content) throws IOException {
        return BarCsv.read(file(content), "X", Timeframe.D1);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusedDaily(String content) throws IOException {
        Path path = file(content);
        return assertThatThrownBy(() -> BarCsv.read(path, "X", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessageStartingWith(path + ": ");
    }

    @Test
    void aRowRepeatingTheOneBeforeIsSkippedAndNoted() throws IOException {
        BarFile file = daily(OHLCV + "2024-01-02,10,11,9,10.5,100\n2024-01-02,10,11,9,10.50,100\n2024-01-03,10,11,9,10,5\n");
        assertThat(file.rows()).isEqualTo(3);
        assertThat(file.bars()).hasSize(2);
        assertThat(file.notes()).contains("skipped 1 repeated row (the same time and values as the row before); first: row 2 (line 3) at 2024-01-02");
    }

    @Test
    void aLeadingCopyWithAVolumeIsSkippedButAFlatZeroVolumeBarIsKept() throws IOException {
        BarFile copied = daily(OHLCV + "2024-01-01,10,11,9,10,100\n2024-01-02,10,11,9,10,100\n2024-01-03,10,11,9,10,5\n");
        assertThat(copied.bars()).extracting(Bar::time).first().isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
        assertThat(copied.notes()).anyMatch(n -> n.startsWith("skipped row 1 (2024-01-01, line 2): it repeats every value of row 2"));

        BarFile flat = daily(OHLCV + "2024-01-01,10,10,10,10,0\n2024-01-02,10,10,10,10,0\n");
        assertThat(flat.bars()).hasSize(2);
        BarFile oneTradeEach = daily(OHLCV + "2024-01-01,10,10,10,10,1\n2024-01-02,10,10,10,10,1\n");
        assertThat(oneTradeEach.bars()).hasSize(2);
    }

    @Test
    void aCloseOnlyFileKeepsEqualFirstClosesBecauseAnUnchangedPriceIsOrdinary() throws IOException {
        BarFile file = daily("date,close\n2024-01-02,10\n2024-01-03,10\n2024-01-04,NA\n2024-01-05,11\n");
        assertThat(file.bars()).hasSize(3).allMatch(Bar::closeOnly);
        assertThat(file.notes()).anyMatch(n -> n.startsWith("close only (a date,close file)"))
                .contains("skipped 1 row with no close; first: row 3 (line 4) at 2024-01-04");
    }

    @Test
    void closeOnlyRowsInAnOhlcvFileAndEmptyRows() throws IOException {
        BarFile file = daily(OHLCV + "2024-01-02,10,11,9,10,100\n2024-01-03,,,,10.5,\n2024-01-04,,,,,\n2024-01-05,10,11,9,10,5\n");
        assertThat(file.bars()).hasSize(3);
        assertThat(file.bars().get(1)).isEqualTo(Bar.closeOnly("X", Instant.parse("2024-01-03T00:00:00Z"), Price.of("10.5", Currency.USD)));
        assertThat(file.notes()).contains(
                "skipped 1 row with no values at all; first: row 3 (line 4) at 2024-01-04",
                "1 row with only a close (open, high, low and volume empty) kept as close-only bars; first: row 2 (line 3) at 2024-01-03");
    }

    @Test
    void offsetsAreConvertedToUtcAndNoted() throws IOException {
        BarFile file = BarCsv.read(file(OHLCV + "2024-01-02T09:30:00-05:00,10,11,9,10,1\n2024-01-02T14:35:00Z,10,11,9,10,2\n"), "X",
                Timeframe.M5);
        assertThat(file.bars()).extracting(Bar::time)
                .containsExactly(Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T14:35:00Z"));
        assertThat(file.notes()).contains("1 time with a UTC offset converted to UTC (e.g. 2024-01-02T09:30:00-05:00 is 2024-01-02T14:30:00Z)");
    }

    @Test
    void blankLinesByteOrderMarkQuotesSpacesAndHeaderCaseAreTolerated() throws IOException {
        BarFile file = daily("\uFEFFDate, Close ,Open,High,Low,Volume\r\n\"2024-01-02\", 10.5 ,10,11,9,100\r\n\r\n2024-01-03,10,10,11,9,5\r\n");
        assertThat(file.bars()).hasSize(2);
        assertThat(file.bars().get(0).close()).isEqualTo(Price.of("10.5", Currency.USD));
        assertThat(file.notes()).contains("ignored 1 blank line");
    }

    @Test
    void theCurrencyGivenPricesTheBars() throws IOException {
        BarFile file = BarCsv.read(file(OHLCV + "2024-01-02,10,11,9,10,1\n"), "X", Timeframe.D1, Currency.of("EUR"));
        assertThat(file.bars().get(0).close().currency()).isEqualTo(Currency.of("EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad number      | 2024-01-02,10,11,9,ten,1                          | row 1 (line 2): close 'ten' is not a plain decimal number
            exponent        | 2024-01-02,10,11,9,1e1,1                          | row 1 (line 2): close '1e1' is not a plain decimal number
            bad date        | 02/01/2024,10,11,9,10,1                           | row 1 (line 2): '02/01/2024' is not a date (2013-01-02) or an ISO-8601 time with a zone
            no calendar day | 2024-02-30,10,11,9,10,1                           | row 1 (line 2): '2024-02-30' is not a calendar date
            no time zone    | 2024-01-02T00:00:00,10,11,9,10,1                  | row 1 (line 2): time '2024-01-02T00:00:00' has no time zone
            not midnight    | 2024-01-02T05:00:00Z,10,11,9,10,1                 | row 1 (line 2): time 2024-01-02T05:00:00Z is not 00:00 UTC, where a daily bar starts
            high below low  | 2024-01-02,10,9,11,10,1                           | row 1 (line 2): high 9 is below low 11
            open outside    | 2024-01-02,12,11,9,10,1                           | row 1 (line 2): open 12 is outside [low 9, high 11]
            close outside   | 2024-01-02,10,11,9,8,1                            | row 1 (line 2): close 8 is outside [low 9, high 11]
            negative volume | 2024-01-02,10,11,9,10,-5                          | row 1 (line 2): volume -5 is negative
            negative price  | 2024-01-02,-10,11,9,10,5                          | row 1 (line 2): open -10 is negative
            volume decimals | 2024-01-02,10,11,9,10,0.123456789                 | row 1 (line 2): volume 0.123456789 has more than 8 decimals
            price decimals  | 2024-01-02,10,11,9,10.1234567890123,1             | row 1 (line 2): close 10.1234567890123 has more than 12 decimals
            too few fields  | 2024-01-02,10,11,9,10                             | row 1 (line 2): 5 fields, but the header has 6
            too many fields | 2024-01-02,10,11,9,10,1,7                         | row 1 (line 2): more than 6 fields, but the header has 6
            empty close     | 2024-01-02,10,11,9,,1                             | row 1 (line 2): close is empty
            partial row     | 2024-01-02,,11,9,10,1                             | row 1 (line 2): open is empty while other values are given
            """)
    void aMalformedRowIsRefusedWithItsRowAndLine(String name, String row, String message) throws IOException {
        refusedDaily(OHLCV + row + "\n").hasMessageContaining(message);
    }

    @Test
    void rowsOutOfOrderAreRefused() throws IOException {
        refusedDaily(OHLCV + "2024-01-03,10,11,9,10,1\n2024-01-04,10,11,9,10,1\n2024-01-02,10,11,9,10,1\n")
                .hasMessageEndingWith("row 3 (line 4): time 2024-01-02 is before 2024-01-04 of row 2 (line 3); rows must be in increasing time order")
                .satisfies(e -> {
                    BarFileException b = (BarFileException) e;
                    assertThat(b.row()).isEqualTo(3);
                    assertThat(b.line()).isEqualTo(4);
                });
    }

    @Test
    void oneTimeWithTwoDifferentBarsIsRefusedShowingTheDifference() throws IOException {
        refusedDaily(OHLCV + "2024-01-02,10,11,9,10,1\n\n2024-01-02,10,11,9,10.5,2\n")
                .hasMessageEndingWith("row 2 (line 4): same time 2024-01-02 as row 1 (line 2) but different values: close 10 then 10.5, "
                        + "volume 1 then 2");
    }

    @Test
    void aDateInAnIntradayFileAsksAboutTheTimeframe() throws IOException {
        Path path = file(OHLCV + "2024-01-02,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.read(path, "X", Timeframe.H1)).isInstanceOf(BarFileException.class)
                .hasMessageContaining("row 1 (line 2): '2024-01-02' is a date without a time of day, but 1h bars need one");
        Path misaligned = file(OHLCV + "2024-01-02T10:03:00Z,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.read(misaligned, "X", Timeframe.M5)).isInstanceOf(BarFileException.class)
                .hasMessageContaining("time 2024-01-02T10:03:00Z does not start a 5m bar (they start every 5 minutes from 00:00 UTC)");
    }

    @Test
    void wrongFilesAreRefusedWhole() throws IOException {
        refusedDaily("").hasMessageContaining("the file is empty; expected a header line");
        refusedDaily("\n2024-01-02,1\n").hasMessageContaining("line 1 is blank");
        refusedDaily(OHLCV).hasMessageEndingWith("no bars: the file has a header but no rows");
        refusedDaily(OHLCV + "\n\n").hasMessageEndingWith("no bars: the file has a header but no rows");
        refusedDaily("day,open,high,low,close,volume\n").hasMessageContaining("its first column must be the bar's date or time ('date'), not 'day'");
        refusedDaily("date,open,high,low,close\n").hasMessageContaining("is not a bar header (no volume column)");
        refusedDaily("date,open,high,low,close,volume,vwap\n").hasMessageContaining("(unknown column vwap)");
        refusedDaily("date,AA,BB,AA\n").hasMessageContaining("column 'AA' appears twice");
        refusedDaily("date\n").hasMessageContaining("only a date column");
        refusedDaily("date,close\n2024-01-02,NA\n").hasMessageEndingWith("no bars: none of the 1 rows has a value for X");
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> BarCsv.read(missing, "X", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> BarCsv.read(dir, "X", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessage(dir + ": is a directory, not a file");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'d', 'a', 't', 'e', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> BarCsv.read(latin1, "X", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessage(latin1 + ": not UTF-8 text");
    }

    @Test
    void columnsMustBeChosenInTablesAndOnlyThere() throws IOException {
        Path table = file("date,AA,BB\n2024-01-02,1,2\n");
        assertThatThrownBy(() -> BarCsv.read(table, "AA", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessage(table + ": the file has one close column per ticker (AA, BB); choose one column to read");
        assertThatThrownBy(() -> BarCsv.readColumn(table, "CC", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessage(table + ": there is no column 'CC'; the columns are AA, BB");
        Path ohlcv = file(OHLCV + "2024-01-02,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.readColumn(ohlcv, "close", Timeframe.D1)).isInstanceOf(BarFileException.class)
                .hasMessageContaining("is not a table of ticker columns (its header is date,open,high,low,close,volume)");
        assertThat(BarCsv.readColumn(table, "bb", Timeframe.D1).bars()).singleElement()
                .isEqualTo(Bar.closeOnly("BB", Instant.parse("2024-01-02T00:00:00Z"), Price.of("2", Currency.USD)));
    }

    @Test
    void aSymbolIsRequired() throws IOException {
        Path path = file(OHLCV + "2024-01-02,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.read(path, " ", Timeframe.D1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a symbol is required to name the bars");
    }

    @Test
    void aTimeframeThatIsNoneOfTheSixCannotBeTold() throws IOException {
        Path sevenMinutes = file(OHLCV + "2024-01-02T10:00:00Z,10,11,9,10,1\n2024-01-02T10:07:00Z,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.timeframeOf(sevenMinutes)).isInstanceOf(BarFileException.class)
                .hasMessage(sevenMinutes + ": cannot tell the timeframe: the closest bars are 420 seconds apart, which is none of "
                        + "1m, 5m, 15m, 1h, 4h, 1d");
        Path oneRow = file(OHLCV + "2024-01-02T10:00:00Z,10,11,9,10,1\n");
        assertThatThrownBy(() -> BarCsv.timeframeOf(oneRow)).hasMessageContaining("fewer than two different times");
        Path hourly = file(OHLCV + "2024-01-02T10:00:00Z,10,11,9,10,1\n2024-01-02T13:00:00Z,10,11,9,10,1\n2024-01-02T14:00:00Z,10,11,9,10,1\n");
        assertThat(BarCsv.timeframeOf(hourly)).isEqualTo(Timeframe.H1);
    }
}
