package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The array form of row statements, as text and on a real PostgreSQL. */
class ArrayStatementTest {

    @Test
    void anInsertSelectsItsValuesFromTheUnnestedArrays() {
        String sql = ArrayStatement.arrayForm("INSERT INTO t (a, b, c) VALUES (:id, COALESCE(:amount, 0), :id)",
                List.of("id", "amount"), List.of("uuid", "numeric"));
        assertThat(sql).isEqualTo("INSERT INTO t (a, b, c) SELECT u.p_id, COALESCE(u.p_amount, 0), u.p_id"
                + " FROM unnest(?::uuid[], ?::numeric[]) AS u(p_id, p_amount)");
    }

    @Test
    void anUpdateJoinsTheArraysAndKeepsItsCondition() {
        String sql = ArrayStatement.arrayForm("UPDATE t SET v = v + :versions, placed = COALESCE(placed, :placedAt) WHERE id = :id",
                List.of("versions", "placedAt", "id"), List.of("int4", "timestamptz", "uuid"));
        assertThat(sql).isEqualTo("UPDATE t SET v = v + u.p_versions, placed = COALESCE(placed, u.p_placedat)"
                + " FROM unnest(?::int4[], ?::timestamptz[], ?::uuid[]) AS u(p_versions, p_placedat, p_id) WHERE id = u.p_id");
    }

    @Test
    void refusesOtherStatementsAndNamesThatDifferOnlyInCase() {
        assertThatThrownBy(() -> ArrayStatement.arrayForm("DELETE FROM t WHERE id = :id", List.of("id"), List.of("uuid")))
                .hasMessageContaining("neither INSERT nor UPDATE");
        assertThatThrownBy(() -> ArrayStatement.arrayForm("UPDATE t SET a = :a", List.of("a"), List.of("int4")))
                .hasMessageContaining("without WHERE");
        assertThatThrownBy(() -> ArrayStatement.arrayForm("INSERT INTO t (a, b) VALUES (:aB, :ab)", List.of("aB", "ab"),
                List.of("int4", "int4"))).hasMessageContaining("differ only in case");
    }

    @Test
    void takesItsArrayTypesFromWhatPostgresInfersForTheRowStatement() throws Exception {
        try (Database db = TestDatabases.postgres(); Connection c = db.dataSource().getConnection()) {
            ArrayStatement s = ArrayStatement.of(c, OrderRows.EVENT_INSERT);
            assertThat(s.names()).containsExactly("order", "from", "to", "time", "brokerOrderId", "message", "retries");
            assertThat(s.sql()).contains("unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[]")
                    .contains("?::int4[]");
        }
    }
}
