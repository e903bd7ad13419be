package io.tradebook.cli;

import io.tradebook.bench.ApiLoad;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook bench api}: order submits over HTTP against a server started in this process
 * on PostgreSQL (the server named by {@code TRADEBOOK_DB_URL} when it is a PostgreSQL URL, else
 * 127.0.0.1:5432/test as postgres), in a schema of its own that is dropped afterwards. See
 * {@link ApiLoad} for the workload. Prints {@code submits/s: N}, {@code p50 ms: X},
 * {@code p99 ms: Y}, {@code errors: N}, and the server's CPU time per submit; exits 1 when any
 * request failed.
 */
@Command(name = "api", description = {"Order submits per second over HTTP (POST /api/accounts/{id}/orders) to a server in this process",
    "on PostgreSQL, with p50 and p99 latency. Prints 'submits/s: N', 'p50 ms: X', 'p99 ms: Y' and 'errors: N'."})
final class BenchApiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clients", defaultValue = "16",
            description = {"Concurrent clients, each on its own keep-alive connection, each waiting for its answer (default ${DEFAULT-VALUE}).",
                "Client i orders on account i mod accounts: keep a few clients per account (one account's fills go out one at a time)."})
    int clients;

    @Option(names = "--users", defaultValue = "8", description = "Users, each signed in once (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--accounts-per-user", defaultValue = "2", description = "Paper CASH accounts per user (default ${DEFAULT-VALUE}).")
    int accountsPerUser;

    @Option(names = "--warmup", defaultValue = "30", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds measured (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--writers", defaultValue = "2", description = "Group-commit writers (default ${DEFAULT-VALUE}, as the server's).")
    int writers;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || users < 1 || accountsPerUser < 1 || warmup < 0 || seconds < 1 || writers < 1 || writers > 64) {
            throw new UserInputException("--clients, --users, --accounts-per-user and --seconds must be at least 1, --warmup at least 0,"
                    + " --writers within 1…64");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatabaseConfig env = DatabaseConfig.fromEnvironment();
        boolean named = env.url().startsWith("jdbc:postgresql:") && System.getenv(DatabaseConfig.URL_VARIABLE) != null;
        String url = named ? env.url() : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = named ? env.user() : "postgres";
        String password = named ? env.password() : "";
        String schema = "tb_bench_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        BenchCommand.Orders.execute(url, user, password, "CREATE SCHEMA " + schema);
        ApiLoad.Figures f;
        try (Database db = Database.open(new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user, password))) {
            db.migrate();
            try (ApiLoad load = ApiLoad.start(db, users, accountsPerUser, writers)) {
                err.printf("%d users, %d accounts, %d clients: %d s warm-up, then %d s measured%n", users, load.accounts(), clients,
                        warmup, seconds);
                err.flush();
                // halfway through the warm-up the tables hold rows: gather their statistics, as autovacuum does within a minute
                // on a database in use, so that the planner plans the foreign-key checks as it would there (see bench orders)
                f = load.run(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds),
                        () -> db.jdbi().useHandle(h -> h.execute("ANALYZE")));
            }
        } finally {
            BenchCommand.Orders.execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        if (f.firstError() != null) {
            err.println("first error: " + f.firstError());
        }
        out.printf("submits: %d in %.0f s (%d clients over %d accounts)%n", f.submits(), f.seconds(), f.clients(), f.accounts());
        out.printf("submits/s: %.0f%n", f.perSecond());
        out.printf("p50 ms: %.2f%n", f.p50Millis());
        out.printf("p99 ms: %.2f%n", f.p99Millis());
        out.printf("max ms: %.2f%n", f.maxMillis());
        out.printf("server CPU ms per submit: %.3f%n", f.serverCpuMillisPerSubmit());
        out.println("errors: " + f.errors());
        out.flush();
        return f.errors() == 0 ? 0 : 1;
    }
}
