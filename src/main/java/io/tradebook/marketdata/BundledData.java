package io.tradebook.marketdata;

import io.tradebook.core.instruments.SecurityType;
import io.tradebook.core.marketdata.Timeframe;
import io.tradebook.core.money.Currency;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The real market data shipped inside the jar (resources {@code marketdata/*.csv}; sources and
 * licenses in {@code marketdata/README.md}): S&P 500 daily 2000–2020, Apple daily 2013, ETH/USD
 * and BTC/USD 5-minute bars. Each {@link Series} says what it is and opens or reads its file.
 * Stateless; the list is fixed at build time.
 */
public final class BundledData {
    private static final String FOLDER = "marketdata/";

    /**
     * One bundled file: its symbol, timeframe, kind of security, a venue for the security master,
     * a display name, and its resource name under {@code marketdata/}. Immutable; prices in USD.
     */
    public record Series(String symbol, Timeframe timeframe, SecurityType type, String exchange, String name, String resource) {
        public Series {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(timeframe, "timeframe");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(resource, "resource");
        }

        /** The CSV's bytes; the caller closes the stream. */
        public InputStream open() {
            InputStream in = BundledData.class.getClassLoader().getResourceAsStream(FOLDER + resource);
            if (in == null) {
                throw new IllegalStateException("bundled market data " + FOLDER + resource + " is missing from the jar");
            }
            return in;
        }

        /** The series' bars, read and checked by {@link BarCsv}. */
        public BarFile read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
                return BarCsv.read(in, resource, symbol, null, timeframe, Currency.USD);
            } catch (IOException e) {
                throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
            }
        }
    }

    private static final List<Series> ALL = List.of(
            new Series("SPX", Timeframe.D1, SecurityType.INDEX, "INDEX", "S&P 500 index", "SPX_2000-01-03_2020-04-17_daily.csv"),
            new Series("AAPL", Timeframe.D1, SecurityType.EQUITY, "NASDAQ", "Apple Inc. (not split-adjusted)",
                    "AAPL_2013-01-02_2013-12-31_daily.csv"),
            new Series("ETHUSD", Timeframe.M5, SecurityType.CRYPTO, "CRYPTO", "Ether in US dollars", "ETHUSD_2023-03-13_2023-03-15_5min.csv"),
            new Series("BTCUSD", Timeframe.M5, SecurityType.CRYPTO, "BITSTAMP", "Bitcoin in US dollars (Bitstamp)",
                    "BTCUSD_bitstamp_2013-11-25_2013-12-01_5min.csv"));

    private BundledData() {
    }

    /** Every bundled series, in a fixed order. */
    public static List<Series> all() {
        return ALL;
    }

    /** The bundled series of {@code symbol} (ignoring case), if there is one. */
    public static Optional<Series> find(String symbol) {
        return ALL.stream().filter(s -> s.symbol.equalsIgnoreCase(symbol.trim())).findFirst();
    }

    /** The bundled symbols, comma-separated, for messages. */
    public static String symbols() {
        return String.join(", ", ALL.stream().map(s -> s.symbol.toUpperCase(Locale.ROOT)).toList());
    }
}
