package io.tradebook.marketdata;

import java.net.URISyntaxException;
import java.net.URL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths of the real market data files on the test classpath (the bundled series and the DJ30 test table), and a row comparison. */
public final class MarketDataFiles {
    public static final String SPX = "SPX_2000-01-03_2020-04-17_daily.csv";
    public static final String AAPL = "AAPL_2013-01-02_2013-12-31_daily.csv";
    public static final String ETHUSD = "ETHUSD_2023-03-13_2023-03-15_5min.csv";
    public static final String BTCUSD = "BTCUSD_bitstamp_2013-11-25_2013-12-01_5min.csv";
    public static final String DJ30 = "DJ30_1990-12-31_2001-01-02_daily_close.csv";

    private MarketDataFiles() {
    }

    public static Path path(String name) {
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

    /**
     * Asserts the same rows: the same header, and per line the same date text and the same numbers
     * (the sources write CRLF line ends and trailing zeros such as 1677.0; Tradebook writes LF and 1677).
     */
    public static void assertSameRows(List<String> actual, List<String> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual.get(0)).isEqualTo(expected.get(0));
        for (int i = 1; i < expected.size(); i++) {
            String[] want = expected.get(i).split(",", -1);
            String[] got = actual.get(i).split(",", -1);
            assertThat(got).as("line %d", i + 1).hasSameSizeAs(want);
            assertThat(got[0]).as("line %d", i + 1).isEqualTo(want[0]);
            for (int f = 1; f < want.length; f++) {
                assertThat(new BigDecimal(got[f])).as("line %d field %d", i + 1, f + 1).isEqualByComparingTo(want[f]);
            }
        }
    }

    /** {@link #assertSameRows(List, List)} of two files. */
    public static void assertSameRows(Path actual, Path expected) throws IOException {
        assertSameRows(Files.readAllLines(actual), Files.readAllLines(expected));
    }
}
