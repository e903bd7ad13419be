package io.tradebook.cli;

import io.tradebook.store.AccountRepository;
import io.tradebook.store.Database;
import io.tradebook.store.DatabaseConfig;
import io.tradebook.store.Dialect;
import io.tradebook.store.H2Backup;
import io.tradebook.store.JdbiBookKeeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook restore --from FILE}: puts a backup made by {@code tradebook backup} in place of the
 * embedded database, brings its schema up to date and checks its books (as {@code verify-books}).
 * Refuses to replace a database that holds users, accounts or journal entries unless {@code --force},
 * and a database a running server has open. Exit 0 when the restored books agree, 1 when they differ.
 */
@Command(name = "restore", description = {"Restore the embedded H2 database from a backup zip, then check its books.",
    "Refuses to replace a database that holds data unless --force. Stop the server first.",
    "Exit code 0 when the restored books agree, 1 when they differ. For PostgreSQL see docs/operations.md."})
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--from", required = true, description = "The backup file (a .zip made by tradebook backup).")
    Path from;

    @Option(names = "--force", description = "Replace a database that holds data.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        DatabaseConfig config = db.config();
        if (Dialect.of(config.url()) != Dialect.H2) {
            throw new UserInputException("restore is for the embedded H2 database; restore PostgreSQL with pg_restore or from a base "
                    + "backup (docs/operations.md)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path target = H2Backup.fileOf(config.url());
            H2Backup.restore(checked(from), config.url(), () -> replaceable(target));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try (Database database = db.openMigrated()) {
            AccountRepository accounts = new AccountRepository(database.jdbi());
            JdbiBookKeeper keeper = new JdbiBookKeeper(database.jdbi());
            int differences = 0;
            List<AccountRepository.Account> all = accounts.listAccounts();
            for (AccountRepository.Account a : all) {
                List<String> found = keeper.verify(a.id().toString());
                found.forEach(d -> out.println("DIFFERENCE " + d));
                differences += found.size();
            }
            out.printf("restored %s from %s; %s: %d accounts checked%n", config.url(), from,
                    differences == 0 ? "books agree" : "books differ (" + differences + " differences)", all.size());
            return differences == 0 ? 0 : TradebookCommand.BOOKS_DIFFER;
        }
    }

    private static Path checked(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no backup file " + file);
        }
        return file;
    }

    /** Refuses (before anything changes) a current database that holds data, unless forced; opening it also proves no server has it. */
    private void replaceable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        try (Database current = db.openAsIs()) {
            if (H2Backup.holdsData(current) && !force) {
                throw new IllegalArgumentException(db.config().url() + " holds data (users, accounts or journal entries); give --force "
                        + "to replace it with the backup");
            }
        }
    }
}
