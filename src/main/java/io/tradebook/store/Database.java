package io.tradebook.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * An open Tradebook database: a connection pool, its Flyway migrations and a configured JDBI.
 *
 * <p>Opening adds the dialect's required URL options (see {@link Dialect#prepareUrl(String)}) and
 * connects at once, so a wrong URL or password fails here rather than on first use. The schema is
 * not touched until {@link #migrate()} is called. Thread-safe; close it once when done.
 */
public final class Database implements AutoCloseable {

    private static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseConfig config;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final List<Runnable> closeActions = new ArrayList<>();
    private boolean closed;

    private Database(DatabaseConfig requested) {
        this.dialect = Dialect.of(requested.url());
        this.config = new DatabaseConfig(dialect.prepareUrl(requested.url()), requested.user(), requested.password());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(config.url());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setPoolName("tradebook-" + dialect.name().toLowerCase(Locale.ROOT));
        if (dialect == Dialect.POSTGRESQL) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true"); // a batch of inserts goes as multi-row inserts
        }
        this.dataSource = new HikariDataSource(pool);
        this.jdbi = configure(Jdbi.create(dataSource));
    }

    /**
     * Opens (connects to) the database the config names.
     *
     * @throws IllegalArgumentException if the URL is not H2 or PostgreSQL, or contradicts a required option
     * @throws RuntimeException         if no connection can be made
     */
    public static Database open(DatabaseConfig config) {
        return new Database(Objects.requireNonNull(config, "config"));
    }

    /** Opens the database named by {@link DatabaseConfig#fromEnvironment()}. */
    public static Database openFromEnvironment() {
        return open(DatabaseConfig.fromEnvironment());
    }

    /**
     * Applies every pending migration, with this dialect's placeholders.
     *
     * @return how many migrations ran (0 when the schema was already current)
     */
    public int migrate() {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .placeholders(dialect.placeholders())
                .cleanDisabled(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /**
     * The JDBI bound to this pool. {@link BigDecimal} values are bound with {@code setBigDecimal}
     * (a {@code null} one as SQL {@code NUMERIC}) and read with {@code getBigDecimal}, so amounts
     * keep every digit and their scale; nothing is ever converted through {@code double}.
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pooled data source, for code that needs plain JDBC. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Which SQL dialect this database speaks. */
    public Dialect dialect() {
        return dialect;
    }

    /** The effective configuration: the URL includes the options this class added. */
    public DatabaseConfig config() {
        return config;
    }

    /**
     * Registers an action to run after the pool is closed, e.g. dropping a throwaway test schema.
     * Actions run once, in registration order; a failing one does not stop the others.
     */
    public synchronized void onClose(Runnable action) {
        if (closed) {
            throw new IllegalStateException("Database already closed");
        }
        closeActions.add(Objects.requireNonNull(action, "action"));
    }

    /** Closes the pool, then runs the {@link #onClose(Runnable)} actions. Idempotent. */
    @Override
    public void close() {
        List<Runnable> actions;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            actions = List.copyOf(closeActions);
        }
        dataSource.close();
        RuntimeException failure = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.registerArgument(new AbstractArgumentFactory<BigDecimal>(Types.NUMERIC) {
            @Override
            protected Argument build(BigDecimal value, ConfigRegistry registry) {
                return (position, statement, context) -> statement.setBigDecimal(position, value);
            }
        });
        jdbi.registerColumnMapper(BigDecimal.class, (results, column, context) -> results.getBigDecimal(column));
        return jdbi;
    }
}
