package io.tradebook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradebook.core.access.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's JSON conventions. */
class JsonTest {
    private final ObjectMapper json = Json.mapper();

    record Sample(BigDecimal amount, Instant at, List<Scope> scopes, Integer count, String name, Boolean flag) {
    }

    @Test
    void decimalsAreExactStringsTimesAreIsoAndListedValuesUseTheirLabels() throws Exception {
        Sample s = new Sample(new BigDecimal("1E+3"), Instant.parse("2026-03-02T14:30:00Z"), List.of(Scope.MARKET_DATA), 3, "x", true);
        assertThat(json.writeValueAsString(s)).isEqualTo("{\"amount\":\"1000\",\"at\":\"2026-03-02T14:30:00Z\","
                + "\"scopes\":[\"market-data\"],\"count\":3,\"name\":\"x\",\"flag\":true}");
        Sample read = json.readValue("{\"amount\":0.1000000000000000055511151231257827,\"at\":\"2026-03-02T16:30:00+02:00\","
                + "\"scopes\":[\"READ\",\"market-data\"]}", Sample.class);
        assertThat(read.amount()).isEqualByComparingTo("0.1000000000000000055511151231257827");
        assertThat(read.at()).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
        assertThat(read.scopes()).containsExactly(Scope.READ, Scope.MARKET_DATA);
        assertThat(json.readValue("{\"amount\":\"12.50\"}", Sample.class).amount()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void nothingIsCoercedSilently() {
        for (String bad : List.of("{\"count\":\"3\"}", "{\"count\":3.5}", "{\"name\":12}", "{\"flag\":\"true\"}", "{\"flag\":1}",
                "{\"amount\":\"1,5\"}", "{\"amount\":\"NaN\"}", "{\"at\":1700000000}", "{\"scopes\":[\"admin\"]}", "{\"scopes\":[0]}",
                "{\"unknown\":1}", "{\"name\":\"a\",\"name\":\"b\"}")) {
            assertThatThrownBy(() -> json.readValue(bad, Sample.class)).as(bad).isInstanceOf(Exception.class);
        }
    }
}
