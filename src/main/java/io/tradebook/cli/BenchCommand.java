package io.tradebook.cli;

import io.tradebook.bench.OrderThroughput;
import io.tradebook.bench.OrderWorkload;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tradebook bench}: measures Tradebook's hot paths and prints the figures. */
@Command(name = "bench", description = "Measure throughput and print the figures.", subcommands = {BenchCommand.Orders.class, BenchBacktestCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code tradebook bench orders}: market orders through risk, order management, the paper broker
     * and the books; first in memory, then in PostgreSQL (the server named by {@code TRADEBOOK_DB_URL}
     * when it is a PostgreSQL URL, else 127.0.0.1:5432/test as postgres), in a schema of its own that
     * is dropped afterwards. Ends with the two lines {@code orders/s in memory: N} and
     * {@code orders/s postgres: N}.
     */
    @Command(name = "orders", description = {"Orders per second through risk, order management, the paper broker and the books,",
        "in memory and in PostgreSQL. Prints 'orders/s in memory: N' and 'orders/s postgres: N'."})
    static final class Orders implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--orders", defaultValue = "400000", description = "Orders measured in memory (default ${DEFAULT-VALUE}).")
        int orders;

        @Option(names = "--db-orders", defaultValue = "4000", description = "Orders measured in PostgreSQL (default ${DEFAULT-VALUE}).")
        int dbOrders;

        @Option(names = "--threads", defaultValue = "1", description = "Threads in memory (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--db-threads", defaultValue = "8", description = "Threads in PostgreSQL, one account each (default ${DEFAULT-VALUE}).")
        int dbThreads;

        @Option(names = "--db-writers", defaultValue = "4", description = "Group-commit writers in PostgreSQL (default ${DEFAULT-VALUE}).")
        int dbWriters;

        @Option(names = "--skip-postgres", description = "Measure in memory only.")
        boolean skipPostgres;

        @Override
        public Integer call() throws Exception {
            if (orders < 1 || dbOrders < 1 || threads < 1 || dbThreads < 1 || dbWriters < 1) {
                throw new UserInputException("--orders, --db-orders, --threads, --db-threads and --db-writers must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            OrderWorkload memory = OrderWorkload.inMemory(threads);
            // warm-up: let the JIT compile and optimise the whole path (it takes a few hundred thousand orders)
            OrderThroughput.measure(memory, threads, Math.max(threads, orders));
            double inMemory = OrderThroughput.measure(memory, threads, orders);
            requireClean(memory.verify(), "in memory");
            String postgres = skipPostgres ? "skipped" : String.format("%.0f", measurePostgres(out));
            out.printf("orders/s in memory: %.0f%n", inMemory);
            out.println("orders/s postgres: " + postgres);
            return 0;
        }

        private double measurePostgres(PrintWriter out) throws Exception {
            DatabaseConfig env = DatabaseConfig.fromEnvironment();
            boolean named = env.url().startsWith("jdbc:postgresql:") && System.getenv(DatabaseConfig.URL_VARIABLE) != null;
            String url = named ? env.url() : "jdbc:postgresql://127.0.0.1:5432/test";
            String user = named ? env.user() : "postgres";
            String password = named ? env.password() : "";
            String schema = "tb_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(url, user, password, "CREATE SCHEMA " + schema);
            try (Database db = Database.open(new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    user, password))) {
                db.migrate();
                try (OrderWorkload workload = OrderWorkload.inDatabase(db, dbThreads, dbWriters)) {
                    OrderThroughput.measure(workload, dbThreads, Math.max(dbThreads, dbOrders / 4));
                    double perSecond = OrderThroughput.measure(workload, dbThreads, dbOrders);
                    requireClean(workload.verify(), "in PostgreSQL");
                    return perSecond;
                }
            } finally {
                execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }

        private static void execute(String url, String user, String password, String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new UserInputException("PostgreSQL at " + url + " is not usable for the benchmark: " + e.getMessage()
                        + " (set TRADEBOOK_DB_URL, or pass --skip-postgres)", e);
            }
        }

        private static void requireClean(List<String> differences, String where) {
            if (!differences.isEmpty()) {
                throw new IllegalStateException("the books " + where + " differ after the benchmark: " + differences.get(0));
            }
        }
    }
}
