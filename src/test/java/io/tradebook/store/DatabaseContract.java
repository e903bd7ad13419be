package io.tradebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the store's contract tests: one abstract class holds the tests, and a tiny subclass per
 * database ({@code H2...Test}, {@code Postgres...Test}) says which database to open. Each test
 * class gets one freshly migrated database for all its tests; tests keep apart by creating their
 * own rows with fresh keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    /** SQLSTATE of a CHECK violation: 23514 on PostgreSQL, 23513 on H2. */
    static final Set<String> CHECK_VIOLATION = Set.of("23513", "23514");
    /** SQLSTATE of a unique-key violation on both databases. */
    static final Set<String> UNIQUE_VIOLATION = Set.of("23505");
    /** SQLSTATE of a foreign-key violation: 23503 (both), 23506 (H2, parent missing). */
    static final Set<String> FOREIGN_KEY_VIOLATION = Set.of("23503", "23506");

    private Database database;
    private SchemaFixture fixture;

    /** A fresh, migrated database of the kind this subclass tests. */
    protected abstract Database openDatabase();

    @BeforeAll
    final void openContractDatabase() {
        database = openDatabase();
        fixture = new SchemaFixture(database.jdbi());
    }

    @AfterAll
    final void closeContractDatabase() {
        if (database != null) {
            database.close();
        }
    }

    final Database database() {
        return database;
    }

    final Jdbi jdbi() {
        return database.jdbi();
    }

    final SchemaFixture fixture() {
        return fixture;
    }

    /** The single value the query returns (may be null). */
    final <T> T value(Class<T> type, String sql, Object... arguments) {
        try (Handle handle = jdbi().open()) {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(type).one();
        }
    }

    /** All rows of the query, mapped. */
    final <T> java.util.List<T> rows(RowMapper<T> mapper, String sql, Object... arguments) {
        try (Handle handle = jdbi().open()) {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.map(mapper).list();
        }
    }

    /** Asserts the statement fails with one of the SQL states, naming the constraint. */
    static void assertRefused(ThrowingCallable statement, Set<String> sqlStates, String constraint) {
        Throwable thrown = catchThrowable(statement);
        assertThat(thrown).as("expected a refusal by %s", constraint).isNotNull();
        assertThat(sqlState(thrown)).as("SQL state of: %s", thrown).isIn(sqlStates);
        assertThat(messages(thrown)).as("message names the constraint").containsIgnoringCase(constraint);
    }

    private static String sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "<no SQLException>";
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
