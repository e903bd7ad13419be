package io.tradebook.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing bars gives back the same rows, which read as the same bars. */
class BarCsvWriteTest {
    @TempDir
    Path dir;

    private Path written(BarFile file) throws IOException {
        StringWriter out = new StringWriter();
        BarCsv.write(file.bars(), file.timeframe(), file.closeOnly(), out);
        Path path = dir.resolve(file.symbol() + ".csv");
        Files.writeString(path, out.toString());
        return path;
    }

    @Test
    void everyBundledFileComesBackAsTheSameRows() throws IOException {
        for (BundledData.Series series : BundledData.all()) {
            Path original = MarketDataFiles.path(series.resource());
            Path copy = written(BarCsv.read(original, series.symbol(), series.timeframe()));
            MarketDataFiles.assertSameRows(copy, original);
        }
    }

    @Test
    void numbersAreWrittenPlainWithoutTrailingZeros() throws IOException {
        BarFile spx = BarCsv.read(MarketDataFiles.path(MarketDataFiles.SPX), "SPX", Timeframe.D1);
        Path copy = written(spx);
        assertThat(BarCsv.read(copy, "SPX", Timeframe.D1).bars()).isEqualTo(spx.bars());
        assertThat(Files.readAllLines(copy).get(1)).isEqualTo("2000-01-03,1469.25,1478,1438.359985,1455.219971,931800000");
        BarFile btc = BarCsv.read(MarketDataFiles.path(MarketDataFiles.BTCUSD), "BTCUSD", Timeframe.M5);
        assertThat(Files.readAllLines(written(btc)).get(2)).isEqualTo("2013-11-25T00:05:00Z,806.5,806.95,801,806.78,16.78280947");
    }

    @Test
    void closeOnlySeriesComeBackAsDateAndClose() throws IOException {
        BarFile ko = BarCsv.readColumn(MarketDataFiles.path(MarketDataFiles.DJ30), "KO", Timeframe.D1);
        Path copy = written(ko);
        List<String> lines = Files.readAllLines(copy);
        assertThat(lines.get(0)).isEqualTo("date,close");
        assertThat(lines.get(1)).isEqualTo("1991-01-02,9.88");
        BarFile again = BarCsv.read(copy, "KO", Timeframe.D1);
        assertThat(again.bars()).isEqualTo(ko.bars());
    }

    @Test
    void mixedSeriesWriteCloseOnlyBarsWithEmptyFields() throws IOException {
        Price ten = Price.of("10", Currency.USD);
        List<Bar> bars = List.of(new Bar("X", Instant.parse("2024-01-02T00:00:00Z"), ten, ten, ten, ten, Quantity.of(3)),
                Bar.closeOnly("X", Instant.parse("2024-01-03T00:00:00Z"), ten));
        StringWriter out = new StringWriter();
        BarCsv.write(bars, Timeframe.D1, false, out);
        assertThat(out.toString()).isEqualTo("date,open,high,low,close,volume\n2024-01-02,10,10,10,10,3\n2024-01-03,,,,10,\n");
        Path path = dir.resolve("mixed.csv");
        Files.writeString(path, out.toString());
        assertThat(BarCsv.read(path, "X", Timeframe.D1).bars()).isEqualTo(bars);
        assertThatThrownBy(() -> BarCsv.write(bars, Timeframe.D1, true, new StringWriter())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not close-only");
    }
}
