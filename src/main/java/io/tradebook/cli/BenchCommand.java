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
@Command(name = "bench", description = "Measure throughput and print the figures.", subcommands = {BenchCommand.Orders.class, BenchBacktestCommand.class, BenchApiCommand.class})
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

        @Option(names = "--db-orders", defaultValue = "20000", description = "Orders per round in PostgreSQL (default ${DEFAULT-VALUE}).")
        int dbOrders;

        @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds; the median is printed (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--warmup-rounds", defaultValue = "2",
                description = "Untimed rounds first, so the JIT has compiled the path (default ${DEFAULT-VALUE}).")
        int warmupRounds;

        @Option(names = "--threads", defaultValue = "1", description = "Threads in memory (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--db-threads", defaultValue = "512",
                description = "Clients in PostgreSQL, one thread and one account each, each waiting for its order to be durable: "
                        + "the more wait at once, the more orders share a commit (default ${DEFAULT-VALUE}).")
        int dbThreads;

        @Option(names = "--db-writers", defaultValue = "2",
                description = "Group-commit writers in PostgreSQL, as many as the server runs (default ${DEFAULT-VALUE}).")
        int dbWriters;

        @Option(names = "--skip-postgres", description = "Measure in memory only.")
        boolean skipPostgres;

        @Override
        public Integer call() throws Exception {
            if (orders < 1 || dbOrders < 1 || threads < 1 || dbThreads < 1 || dbWriters < 1 || rounds < 1 || warmupRounds < 0) {
                throw new UserInputException("--orders, --db-orders, --threads, --db-threads, --db-writers and --rounds must be at least 1,"
                        + " --warmup-rounds at least 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            OrderWorkload memory = OrderWorkload.inMemory(threads);
            double inMemory = median(memory, threads, orders, "in memory", err, () -> { });
            requireClean(memory.verify(), "in memory");
            String postgres = skipPostgres ? "skipped" : String.format("%.0f", measurePostgres(err));
            out.printf("orders/s in memory: %.0f%n", inMemory);
            out.println("orders/s postgres: " + postgres);
            return 0;
        }

        private double measurePostgres(PrintWriter err) throws Exception {
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
                    // after the warm-up the tables hold rows: gather their statistics, as autovacuum does within a
                    // minute on a database in use, so the planner plans the foreign-key checks on a fresh schema as it would there
                    double perSecond = median(workload, dbThreads, Math.max(dbThreads, dbOrders), "postgres", err,
                            () -> db.jdbi().useHandle(h -> h.execute("ANALYZE")));
                    requireClean(workload.verify(), "in PostgreSQL");
                    err.printf("postgres: %d clients, each order durable %.1f ms after its submit on average%n",
                            dbThreads, dbThreads / perSecond * 1000);
                    return perSecond;
                }
            } finally {
                execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }

        /**
         * Runs the warm-up rounds, then the timed ones, and returns the median of the timed rounds'
         * orders per second; each round's figure goes to standard error. On two cores the JIT
         * compiles the path for the first rounds and takes a core from the run, so those are not timed;
         * {@code warmedUp} runs between the two.
         */
        private double median(OrderWorkload workload, int clients, int perRound, String where, PrintWriter err, Runnable warmedUp)
                throws Exception {
            for (int i = 1; i <= warmupRounds; i++) {
                err.printf("%s warm-up round %d: %.0f orders/s%n", where, i, OrderThroughput.measure(workload, clients, perRound));
            }
            warmedUp.run();
            double[] timed = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                timed[i] = OrderThroughput.measure(workload, clients, perRound);
                err.printf("%s round %d: %.0f orders/s%n", where, i + 1, timed[i]);
            }
            java.util.Arrays.sort(timed);
            return rounds % 2 == 1 ? timed[rounds / 2] : (timed[rounds / 2 - 1] + timed[rounds / 2]) / 2;
        }

        static void execute(String url, String user, String password, String sql) {
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
