package io.tradebook.core.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeframeTest {
    @Test
    void codesParseBothWaysIgnoringCaseAndSpaces() {
        for (Timeframe t : Timeframe.values()) {
            assertThat(Timeframe.parse(t.code())).isSameAs(t);
            assertThat(Timeframe.parse(" " + t.code().toUpperCase() + " ")).isSameAs(t);
            assertThat(t.toString()).isEqualTo(t.code());
        }
        assertThat(Timeframe.H4.duration()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> Timeframe.parse("2h")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown timeframe '2h': use one of 1m, 5m, 15m, 1h, 4h, 1d");
        assertThatThrownBy(() -> Timeframe.parse(null)).hasMessageStartingWith("unknown timeframe 'null'");
    }

    @Test
    void floorFindsTheUtcBucketStart() {
        Instant t = Instant.parse("2024-03-05T13:47:12.5Z");
        assertThat(Timeframe.M1.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:47:00Z"));
        assertThat(Timeframe.M5.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:45:00Z"));
        assertThat(Timeframe.M15.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:45:00Z"));
        assertThat(Timeframe.H1.floor(t)).isEqualTo(Instant.parse("2024-03-05T13:00:00Z"));
        assertThat(Timeframe.H4.floor(t)).isEqualTo(Instant.parse("2024-03-05T12:00:00Z"));
        assertThat(Timeframe.D1.floor(t)).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(Timeframe.D1.floor(Instant.parse("1969-12-31T23:59:59Z"))).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
    }

    @Test
    void barStartsAndNext() {
        assertThat(Timeframe.M5.isBarStart(Instant.parse("2024-03-05T13:45:00Z"))).isTrue();
        assertThat(Timeframe.M5.isBarStart(Instant.parse("2024-03-05T13:46:00Z"))).isFalse();
        assertThat(Timeframe.M5.isBarStart(Instant.parse("2024-03-05T13:45:00.001Z"))).isFalse();
        assertThat(Timeframe.D1.next(Instant.parse("2024-03-05T00:00:00Z"))).isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
    }

    @Test
    void everyTimeframeFillsEveryLongerOneExactly() {
        assertThat(Timeframe.M5.barsIn(Timeframe.H1)).isEqualTo(12);
        assertThat(Timeframe.H4.barsIn(Timeframe.D1)).isEqualTo(6);
        assertThat(Timeframe.M1.barsIn(Timeframe.D1)).isEqualTo(1440);
        assertThatThrownBy(() -> Timeframe.H1.barsIn(Timeframe.M5)).hasMessage("5m bars cannot be built from 1h bars: 5m is not longer than 1h");
        assertThatThrownBy(() -> Timeframe.H1.barsIn(Timeframe.H1)).hasMessageContaining("is not longer");
    }
}
