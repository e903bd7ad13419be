package io.tradebook.cli;

import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.http.ServerConfig;
import io.tradebook.http.TradebookServer;
import io.tradebook.store.Database;
import io.tradebook.store.StrategyCatalogRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook serve}: migrates the configured database, registers the strategy catalog (the
 * built-ins and the plugins found) in its {@code strategies} table, and runs the HTTP server until
 * the process is stopped. Secrets (the credential master key, the token signing key) come from the
 * environment or are created in the data directory on first start; see README "Running the server".
 */
@Command(name = "serve", description = {"Run the Tradebook server: the REST API, /health, /metrics, /openapi.json and the API page /docs.",
    "Migrates the database on start. Stop it with Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Where the master key and token key files are created when the environment does not give them "
                    + "(default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of strategy plugin jars (default: $TRADEBOOK_PLUGINS, else ./plugins if present).")
    Path plugins;

    @Option(names = "--no-demo", description = "On a fresh database, do not create the demo user, account and live strategies.")
    boolean noDemo;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UserInputException("--port must be within 0…65535: " + port);
        }
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv(), host, port, dataDir);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        StrategyCatalog catalog = Plugins.catalog(plugins);
        Database database = db.openMigrated();
        StrategyCatalogRepository.Registration registered;
        try {
            registered = new StrategyCatalogRepository(database.jdbi()).sync(catalog);
        } catch (IllegalArgumentException e) {
            database.close();
            throw new UserInputException("cannot register the strategy catalog: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean demo = !noDemo && Demo.fresh(database);
        if (demo) {
            try {
                Demo.importBundled(database, out);
            } catch (RuntimeException e) {
                database.close();
                throw new UserInputException("cannot import the demo's bundled data: " + rootMessage(e), e);
            }
        }
        TradebookServer server;
        try {
            server = TradebookServer.start(config, database, catalog);
        } catch (RuntimeException e) {
            database.close();
            throw new UserInputException("cannot start the server on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        Thread hook = new Thread(this::stopAndWait, "tradebook-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("strategies: " + catalog.entries().size() + " in the catalog (" + registered.inserted().size() + " registered, "
                + registered.updated().size() + " updated)");
        out.println("Tradebook is serving on http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + server.port()
                + " (API page: /docs, health: /health)");
        if (demo) {
            Demo.create(server, out);
        }
        out.flush();
        try {
            stopped.await();
        } finally {
            server.close();
            database.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM is exiting anyway
            }
        }
        return 0;
    }

    /** Stops a running {@link #call()}: it closes the server and the database and returns. */
    void stop() {
        stopped.countDown();
    }

    /** The shutdown hook: stop, and let the JVM exit only once the server and database are closed (at most 10 s). */
    private void stopAndWait() {
        stop();
        try {
            closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
