package io.tradebook.cli;

import io.tradebook.store.Database;
import io.tradebook.store.Dialect;
import io.tradebook.store.H2Backup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook backup --to FILE}: a consistent, compressed backup (H2's {@code BACKUP TO}, a zip)
 * of the embedded database. While {@code tradebook serve} has the file open, back up through the
 * server instead ({@code POST /api/admin/backup}). PostgreSQL is backed up with its own tools
 * (docs/operations.md).
 */
@Command(name = "backup", description = {"Back the embedded H2 database up to a zip file (consistent; H2's BACKUP TO).",
    "While a server has the database open, use its POST /api/admin/backup. For PostgreSQL see docs/operations.md."})
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions db;

    @Option(names = "--to", required = true, description = "The backup file to write (a .zip).")
    Path to;

    @Option(names = "--force", description = "Replace the backup file if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Dialect.of(db.config().url()) != Dialect.H2) {
            throw new UserInputException("backup is for the embedded H2 database; back PostgreSQL up with pg_dump or pg_basebackup "
                    + "(docs/operations.md)");
        }
        if (Files.exists(to) && !force) {
            throw new UserInputException(to + " exists; give --force to replace it");
        }
        if (Files.isDirectory(to)) {
            throw new UserInputException(to + " is a directory; name the backup file");
        }
        try (Database database = db.openAsIs()) {
            Path partial = to.resolveSibling(to.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            long size = H2Backup.backup(database, partial);
            Files.move(partial, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getOut().printf("backed up %s to %s (%d bytes)%n", database.config().url(), to, size);
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
