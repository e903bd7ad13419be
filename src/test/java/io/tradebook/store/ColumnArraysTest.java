package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The text the group commit sends its columns as: array literals and times, checked against the JDK and a real PostgreSQL. */
class ColumnArraysTest {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void anArrayLiteralQuotesEveryElementAndWritesNullsAsNull() {
        assertThat(ColumnArrays.literal(List.of())).isEqualTo("{}");
        assertThat(ColumnArrays.literal(Arrays.asList("a", null, "b c", "say \"hi\"", "back\\slash", "NULL", "{x,y}")))
                .isEqualTo("{\"a\",NULL,\"b c\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\",\"{x,y}\"}");
    }

    @Test
    void postgresReadsTheLiteralBackAsTheSameElements() throws Exception {
        List<String> values = Arrays.asList("plain", null, "", "NULL", "quote \" and \\ backslash", "comma, brace } { and 'apostrophe'",
                "unicode é ✓", " spaces ");
        try (Database db = TestDatabases.postgres(); Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT u FROM unnest(?::text[]) WITH ORDINALITY AS t(u, n) ORDER BY n")) {
            ps.setObject(1, ColumnArrays.literal(values), Types.OTHER);
            List<String> back = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    back.add(rs.getString(1));
                }
            }
            assertThat(back).isEqualTo(values);
        }
    }

    @Property(tries = 2000)
    void timesAreWrittenAsTheFormatterWritesThemHalfUpToTheMicrosecond(
            @ForAll @LongRange(min = -30_610_224_000L, max = 253_402_300_799L) long seconds, @ForAll @IntRange(max = 999_999_999) int nanos) {
        Instant i = Instant.ofEpochSecond(seconds, nanos);
        Instant rounded = i.getNano() % 1000 >= 500 ? i.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS)
                : i.truncatedTo(ChronoUnit.MICROS);
        assertThat(ColumnArrays.utcMicros(i)).isEqualTo(MICROS.format(rounded));
    }

    @Test
    void aTimeThatRoundsUpIntoTheNextSecondCarries() {
        assertThat(ColumnArrays.utcMicros(Instant.parse("2026-12-31T23:59:59.999999600Z"))).isEqualTo("2027-01-01T00:00:00.000000Z");
        assertThat(ColumnArrays.utcMicros(Instant.parse("2026-03-02T14:30:00.000000499Z"))).isEqualTo("2026-03-02T14:30:00.000000Z");
    }
}
