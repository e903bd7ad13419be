package io.tradebook.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every real file of the project reads, with the counts and notes its odd cases call for. */
class BarCsvRealFilesTest {
    private static Price usd(String value) {
        return Price.of(value, Currency.USD);
    }

    @Test
    void spxDailyHasHolidayGapsAndKeepsEveryRow() {
        BarFile file = BarCsv.read(MarketDataFiles.path(MarketDataFiles.SPX), "SPX", Timeframe.D1);
        assertThat(file.rows()).isEqualTo(5105);
        assertThat(file.bars()).hasSize(5105);
        assertThat(file.bars().get(0)).isEqualTo(new Bar("SPX", Instant.parse("2000-01-03T00:00:00Z"), usd("1469.25"), usd("1478"),
                usd("1438.359985"), usd("1455.219971"), Quantity.of(931_800_000)));
        assertThat(file.bars().get(5104).time()).isEqualTo(Instant.parse("2020-04-17T00:00:00Z"));
        assertThat(file.closeOnly()).isFalse();
        assertThat(file.notes()).containsExactly(
                "185 gaps between daily bars, weekends aside: 190 weekdays without a bar (holidays or missing data); first: "
                        + "2000-01-14 then 2000-01-18 (1 missing), 2000-02-18 then 2000-02-22 (1 missing), 2000-04-20 then 2000-04-24 (1 missing)",
                "5105 dates without a time of day read as daily bars starting 00:00 UTC");
    }

    @Test
    void aaplDaily() {
        BarFile file = BarCsv.read(MarketDataFiles.path(MarketDataFiles.AAPL), "AAPL", Timeframe.D1);
        assertThat(file.bars()).hasSize(252);
        assertThat(file.bars().get(251).close()).isEqualTo(usd("561.02"));
        assertThat(file.notes()).hasSize(2);
        assertThat(file.notes().get(0)).startsWith("8 gaps between daily bars, weekends aside: 8 weekdays without a bar");
    }

    @Test
    void ethusdFiveMinuteIsContiguousWithFractionalVolumes() {
        BarFile file = BarCsv.read(MarketDataFiles.path(MarketDataFiles.ETHUSD), "ETHUSD", Timeframe.M5);
        assertThat(file.bars()).hasSize(580);
        assertThat(file.bars().get(0).time()).isEqualTo(Instant.parse("2023-03-13T18:00:00Z"));
        assertThat(file.bars().get(579).time()).isEqualTo(Instant.parse("2023-03-15T18:15:00Z"));
        assertThat(file.bars().get(0).volume()).isEqualTo(Quantity.of("65.3033"));
        assertThat(file.notes()).containsExactly("fractional volumes with up to 5 decimals (e.g. 1064.74453 at 2023-03-14T05:10:00Z), kept exactly");
    }

    @Test
    void btcusdKeepsEightDecimalVolumesExactlyAndCountsTheFourMissingBars() {
        BarFile file = BarCsv.read(MarketDataFiles.path(MarketDataFiles.BTCUSD), "BTCUSD", Timeframe.M5);
        assertThat(file.bars()).hasSize(1917);
        assertThat(file.bars().get(0).volume().value()).isEqualByComparingTo("5.75288384");
        assertThat(file.bars().get(0).volume().toPlainString()).isEqualTo("5.75288384");
        Quantity total = file.bars().stream().map(Bar::volume).reduce(Quantity.ZERO, Quantity::plus);
        assertThat(total.value().scale()).isEqualTo(8); // summed exactly, never through double
        assertThat(file.notes()).containsExactly(
                "2 gaps longer than 5m: 4 missing 5m bars in all; first: 2013-11-25T10:25:00Z then 2013-11-25T10:35:00Z (1 missing), "
                        + "2013-11-25T15:20:00Z then 2013-11-25T15:40:00Z (3 missing)",
                "fractional volumes with up to 8 decimals (e.g. 5.75288384 at 2013-11-25T00:00:00Z), kept exactly");
    }

    @Test
    void dj30ColumnIsCloseOnlyAndItsPaddingFirstRowIsSkipped() {
        BarFile file = BarCsv.readColumn(MarketDataFiles.path(MarketDataFiles.DJ30), "KO", Timeframe.D1);
        assertThat(file.symbol()).isEqualTo("KO");
        assertThat(file.rows()).isEqualTo(2529);
        assertThat(file.bars()).hasSize(2528);
        assertThat(file.closeOnly()).isTrue();
        assertThat(file.bars().get(0)).isEqualTo(Bar.closeOnly("KO", Instant.parse("1991-01-02T00:00:00Z"), usd("9.88")));
        assertThat(file.bars().get(2527)).isEqualTo(Bar.closeOnly("KO", Instant.parse("2001-01-02T00:00:00Z"), usd("60.36")));
        assertThat(file.notes()).containsExactly(
                "close only (column KO of a table of 30 tickers' closes): no open, high, low or volume, so every bar is close-only: "
                        + "open, high and low equal the close and the volume is 0 in memory, and they are stored and exported empty",
                "skipped row 1 (1990-12-31, line 2): it repeats every value of row 2 (1991-01-02), a padding copy at the start of the "
                        + "file rather than a real bar",
                "82 gaps between daily bars, weekends aside: 82 weekdays without a bar (holidays or missing data); first: "
                        + "1991-02-15 then 1991-02-19 (1 missing), 1991-03-28 then 1991-04-01 (1 missing), 1991-05-24 then 1991-05-28 (1 missing)",
                "2529 dates without a time of day read as daily bars starting 00:00 UTC");
    }

    @Test
    void dj30ListsItsThirtyColumnsAndReadsEachOne() {
        List<String> columns = BarCsv.columns(MarketDataFiles.path(MarketDataFiles.DJ30));
        assertThat(columns).hasSize(30).startsWith("AA", "AXP", "T").endsWith("WMT", "DIS");
        for (String ticker : columns) {
            assertThat(BarCsv.readColumn(MarketDataFiles.path(MarketDataFiles.DJ30), ticker, Timeframe.D1).bars()).as(ticker).hasSize(2528);
        }
        BarFile named = BarCsv.readColumn(MarketDataFiles.path(MarketDataFiles.DJ30), "msft", "MSFT.DJ", Timeframe.D1, Currency.USD);
        assertThat(named.symbol()).isEqualTo("MSFT.DJ");
        assertThat(named.bars().get(0).time()).isEqualTo(Instant.parse("1991-01-02T00:00:00Z"));
        assertThat(named.bars().get(0).close()).isEqualTo(usd("2.08"));
        assertThat(named.bars().get(1).close()).isEqualTo(usd("2.09"));
    }

    @Test
    void ohlcvFilesHaveNoColumnsToChoose() {
        assertThat(BarCsv.columns(MarketDataFiles.path(MarketDataFiles.SPX))).isEmpty();
    }

    @Test
    void bundledSeriesReadLikeTheirFiles() {
        assertThat(BundledData.all()).extracting(BundledData.Series::symbol).containsExactly("SPX", "AAPL", "ETHUSD", "BTCUSD");
        for (BundledData.Series series : BundledData.all()) {
            BarFile bundled = series.read();
            BarFile file = BarCsv.read(MarketDataFiles.path(series.resource()), series.symbol(), series.timeframe());
            assertThat(bundled.bars()).as(series.symbol()).isEqualTo(file.bars());
            assertThat(bundled.notes()).isEqualTo(file.notes());
        }
        assertThat(BundledData.find("btcusd")).map(BundledData.Series::timeframe).contains(Timeframe.M5);
        assertThat(BundledData.find("DJ30")).isEmpty();
    }

    @Test
    void theTimeframeOfEachFileCanBeToldFromItsTimes() {
        assertThat(BarCsv.timeframeOf(MarketDataFiles.path(MarketDataFiles.SPX))).isEqualTo(Timeframe.D1);
        assertThat(BarCsv.timeframeOf(MarketDataFiles.path(MarketDataFiles.DJ30))).isEqualTo(Timeframe.D1);
        assertThat(BarCsv.timeframeOf(MarketDataFiles.path(MarketDataFiles.ETHUSD))).isEqualTo(Timeframe.M5);
        assertThat(BarCsv.timeframeOf(MarketDataFiles.path(MarketDataFiles.BTCUSD))).isEqualTo(Timeframe.M5);
    }
}
