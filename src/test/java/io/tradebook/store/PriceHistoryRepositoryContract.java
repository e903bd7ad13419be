package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Bar;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import io.tradebook.core.money.Price;
import io.tradebook.core.money.Quantity;
import io.tradebook.marketdata.BundledData;
import io.tradebook.store.PriceHistoryRepository.StoreResult;
import io.tradebook.store.PriceHistoryRepository.StoredSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PriceHistoryRepository} on a real database: idempotent batched writes, exact values, reads in time order. */
abstract class PriceHistoryRepositoryContract {
    private static final Instant D = Instant.parse("2024-01-02T00:00:00Z");
    private Database database;
    private PriceHistoryRepository prices;
    private SecurityRepository securities;
    private Security spx;

    protected abstract Database newDatabase();

    @BeforeEach
    void open() {
        database = newDatabase();
        prices = new PriceHistoryRepository(database.jdbi());
        securities = new SecurityRepository(database.jdbi());
        spx = securities.create(NewSecurity.of("SPX", "INDEX", SecurityType.INDEX, "S&P 500", Currency.USD));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Price usd(String v) {
        return Price.of(v, Currency.USD);
    }

    private static Bar bar(String symbol, Instant t, String close, String volume) {
        return new Bar(symbol, t, usd("10"), usd("12.5"), usd("9.000000000001"), usd(close), Quantity.of(volume));
    }

    private static Instant day(int n) {
        return D.plusSeconds(86_400L * n);
    }

    @Test
    void theBundledSpxRoundTripsExactlyAndReimportingInsertsNothing() {
        List<Bar> bars = BundledData.find("SPX").orElseThrow().read().bars();
        assertThat(prices.store(spx, Timeframe.D1, bars, false, "csv:SPX")).isEqualTo(new StoreResult(5105, 0, 0));
        assertThat(prices.range(spx, Timeframe.D1, null, null)).isEqualTo(bars);
        assertThat(prices.store(spx, Timeframe.D1, bars, false, "csv:SPX")).isEqualTo(new StoreResult(0, 5105, 0));
        assertThat(prices.count(spx, Timeframe.D1)).isEqualTo(5105);
        assertThat(prices.latest(spx, Timeframe.D1)).contains(bars.get(5104));
    }

    @Test
    void eightDecimalVolumesAndTwelveDecimalPricesAreKeptExactly() {
        Security btc = securities.create(NewSecurity.of("BTCUSD", "BITSTAMP", SecurityType.CRYPTO, "Bitcoin", Currency.USD));
        List<Bar> bars = BundledData.find("BTCUSD").orElseThrow().read().bars();
        prices.store(btc, Timeframe.M5, bars, false, null);
        List<Bar> back = prices.range(btc, Timeframe.M5, null, null);
        assertThat(back).isEqualTo(bars);
        assertThat(back.get(0).volume().toPlainString()).isEqualTo("5.75288384");
        Bar fine = bar("SPX", D, "11.123456789012", "0.00000001");
        prices.store(spx, Timeframe.D1, List.of(fine), false, null);
        assertThat(prices.latest(spx, Timeframe.D1)).contains(fine);
    }

    @Test
    void closeOnlyBarsAreStoredWithEmptyOpenHighLowVolumeAndComeBackCloseOnly() {
        Bar closeOnly = Bar.closeOnly("SPX", D, usd("9.88"));
        Bar flat = new Bar("SPX", day(1), usd("9.88"), usd("9.88"), usd("9.88"), usd("9.88"), Quantity.ZERO);
        prices.store(spx, Timeframe.D1, List.of(closeOnly, flat), false, null);
        assertThat(prices.range(spx, Timeframe.D1, null, null)).containsExactly(closeOnly, flat);
        StoredSeries both = prices.series(spx, Timeframe.D1, null, null).orElseThrow();
        assertThat(both.closeOnlyBars()).isEqualTo(1);
        assertThat(both.closeOnly()).isFalse();
        assertThat(prices.series(spx, Timeframe.D1, null, day(1)).orElseThrow().closeOnly()).isTrue();
        List<Object> nulls = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT open, high, low, volume FROM price_history WHERE bar_time = :t").bind("t", SqlTypes.utc(D))
                .map((rs, ctx) -> (Object) java.util.Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4))).list());
        assertThat(nulls).containsExactly(java.util.Arrays.asList(null, null, null, null));
    }

    @Test
    void aDifferentBarAtAStoredTimeIsRefusedUnlessReplacing() {
        prices.store(spx, Timeframe.D1, List.of(bar("SPX", day(0), "11", "5"), bar("SPX", day(1), "11", "5")), false, "first");
        List<Bar> second = List.of(bar("SPX", day(1), "11.5", "6"), bar("SPX", day(2), "12", "5"));
        assertThatThrownBy(() -> prices.store(spx, Timeframe.D1, second, false, "second"))
                .isInstanceOf(StoredBarsDifferException.class)
                .hasMessage("1 of the 2 1d bars of SPX on INDEX differ from the bars stored at the same times; first: 2024-01-03T00:00:00Z "
                        + "(close 11 stored, 11.5 offered, volume 5 stored, 6 offered); nothing was written")
                .satisfies(e -> assertThat(((StoredBarsDifferException) e).count()).isEqualTo(1));
        assertThat(prices.count(spx, Timeframe.D1)).isEqualTo(2); // day 2 was not written either

        assertThat(prices.store(spx, Timeframe.D1, second, true, "second")).isEqualTo(new StoreResult(1, 0, 1));
        assertThat(prices.range(spx, Timeframe.D1, day(1), null)).isEqualTo(second);
        String source = database.jdbi().withHandle(h -> h.createQuery("SELECT data_source FROM price_history WHERE bar_time = :t")
                .bind("t", SqlTypes.utc(day(1))).mapTo(String.class).one());
        assertThat(source).isEqualTo("second");
    }

    @Test
    void aCloseOnlyBarWhereAFullOneIsStoredIsADifference() {
        prices.store(spx, Timeframe.D1, List.of(bar("SPX", D, "11", "5")), false, null);
        assertThatThrownBy(() -> prices.store(spx, Timeframe.D1, List.of(Bar.closeOnly("SPX", D, usd("11"))), false, null))
                .isInstanceOf(StoredBarsDifferException.class).hasMessageContaining("stored a full bar, offered close-only");
    }

    @Test
    void seriesAreSeparatePerTimeframeAndRangesAreHalfOpen() {
        List<Bar> days = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            days.add(bar("SPX", day(i), "11", String.valueOf(i)));
        }
        prices.store(spx, Timeframe.D1, days, false, null);
        prices.store(spx, Timeframe.H1, List.of(bar("SPX", D.plusSeconds(3600), "11", "1")), false, null);
        assertThat(prices.range(spx, Timeframe.D1, day(2), day(5))).isEqualTo(days.subList(2, 5));
        assertThat(prices.range(spx, Timeframe.D1, null, day(1))).isEqualTo(days.subList(0, 1));
        assertThat(prices.range(spx, Timeframe.M5, null, null)).isEmpty();
        assertThat(prices.latest(spx, Timeframe.M5)).isEmpty();
        assertThat(prices.series(spx)).containsExactly(new StoredSeries(Timeframe.H1, 1, 0, D.plusSeconds(3600), D.plusSeconds(3600)),
                new StoredSeries(Timeframe.D1, 10, 0, day(0), day(9)));
        assertThat(prices.series(spx, Timeframe.D1, day(2), day(5))).contains(new StoredSeries(Timeframe.D1, 3, 0, day(2), day(4)));
        assertThat(prices.series(spx, Timeframe.D1, day(20), null)).isEmpty();
        assertThat(prices.series(spx, Timeframe.M5, null, null)).isEmpty();
        AtomicInteger streamed = new AtomicInteger();
        prices.forEach(spx, Timeframe.D1, day(3), null, b -> assertThat(b).isEqualTo(days.get(3 + streamed.getAndIncrement())));
        assertThat(streamed).hasValue(7);
    }

    @Test
    void manyBarsGoInBatchesAcrossChunks() {
        List<Bar> minutes = new ArrayList<>();
        for (int i = 0; i < 5_500; i++) {
            minutes.add(bar("SPX", D.plusSeconds(60L * i), "11", String.valueOf(i % 97)));
        }
        assertThat(prices.store(spx, Timeframe.M1, minutes.subList(0, 3_000), false, null).inserted()).isEqualTo(3_000);
        assertThat(prices.store(spx, Timeframe.M1, minutes, false, null)).isEqualTo(new StoreResult(2_500, 3_000, 0));
        assertThat(prices.range(spx, Timeframe.M1, null, null)).isEqualTo(minutes);
    }

    @Test
    void barsOfAnotherSymbolCurrencyOrOrderAreRefused() {
        assertThatThrownBy(() -> prices.store(spx, Timeframe.D1, List.of(bar("AAPL", D, "11", "1")), false, null))
                .hasMessage("a bar of AAPL cannot be stored as a bar of SPX on INDEX");
        Bar euro = Bar.closeOnly("SPX", D, Price.of("1", Currency.of("EUR")));
        assertThatThrownBy(() -> prices.store(spx, Timeframe.D1, List.of(euro), false, null)).hasMessage("bars of SPX on INDEX are in USD, not EUR");
        assertThatThrownBy(() -> prices.store(spx, Timeframe.D1, List.of(bar("SPX", day(1), "11", "1"), bar("SPX", day(0), "11", "1")), false,
                null)).hasMessageContaining("must be in strictly increasing time");
        assertThat(prices.count(spx, Timeframe.D1)).isZero();
    }
}
