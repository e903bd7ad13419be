package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors read back what they wrote and refuse anything else. */
class PageCursorTest {
    @Test
    void roundTrips() {
        Instant t = Instant.parse("2026-03-02T14:30:00.123456789Z");
        UUID id = UUID.randomUUID();
        PageCursor c = PageCursor.parse(new PageCursor(t, id.toString()).encode());
        assertThat(c.requireTime()).isEqualTo(t);
        assertThat(c.uuidKey()).isEqualTo(id);
        PageCursor numbered = PageCursor.parse(new PageCursor(null, "42").encode());
        assertThat(numbered.time()).isNull();
        assertThat(numbered.numberKey()).isEqualTo(42);
    }

    @Test
    void refusesWhatItDidNotWrite() {
        for (String bad : new String[] {"", "not a cursor", "%%%", "bnVsbA", "x".repeat(300)}) {
            assertThatThrownBy(() -> PageCursor.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        PageCursor numbered = PageCursor.parse(new PageCursor(null, "42").encode());
        assertThatThrownBy(numbered::requireTime).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(numbered::uuidKey).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageCursor(null, "a|b")).isInstanceOf(IllegalArgumentException.class);
    }
}
