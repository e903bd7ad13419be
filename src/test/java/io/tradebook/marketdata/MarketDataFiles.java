package io.tradebook.marketdata;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the real market data files on the test classpath: the bundled series and the DJ30 test table. */
final class MarketDataFiles {
    static final String SPX = "SPX_2000-01-03_2020-04-17_daily.csv";
    static final String AAPL = "AAPL_2013-01-02_2013-12-31_daily.csv";
    static final String ETHUSD = "ETHUSD_2023-03-13_2023-03-15_5min.csv";
    static final String BTCUSD = "BTCUSD_bitstamp_2013-11-25_2013-12-01_5min.csv";
    static final String DJ30 = "DJ30_1990-12-31_2001-01-02_daily_close.csv";

    private MarketDataFiles() {
    }

    static Path path(String name) {
        URL url = MarketDataFiles.class.getClassLoader().getResource("marketdata/" + name);
        if (url == null) {
            throw new IllegalStateException("no marketdata/" + name + " on the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
