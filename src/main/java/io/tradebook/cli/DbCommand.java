package io.tradebook.cli;

import io.tradebook.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tradebook db}: the database itself. */
@Command(name = "db", description = "Manage the database.", subcommands = DbCommand.Migrate.class)
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tradebook db migrate}: applies pending migrations and says where the schema stands. */
    @Command(name = "migrate", description = "Create or upgrade the schema of the configured database.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            try (Database database = db.openMigrated()) {
                String version = database.jdbi().withHandle(h -> h.createQuery("SELECT version FROM flyway_schema_history "
                        + "WHERE success ORDER BY installed_rank DESC LIMIT 1").mapTo(String.class).one());
                spec.commandLine().getOut().println("database " + database.config() + " (" + database.dialect()
                        + ") is at schema version " + version);
            }
            return 0;
        }
    }
}
