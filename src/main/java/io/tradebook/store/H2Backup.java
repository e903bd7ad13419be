package io.tradebook.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Backup and restore of the embedded H2 database. A backup is H2's {@code BACKUP TO}: a zip of the
 * database file, taken while the database is in use and transactionally consistent (H2's MVStore
 * copies a committed state). A restore puts a backup's database file in place of an H2 file
 * database that no process has open, then the caller migrates it and checks the books.
 * Stateless.
 *
 * <p>Refuses: PostgreSQL (use pg_dump or pg_basebackup: docs/operations.md); restoring into an
 * in-memory or server ({@code tcp:}) URL; a file that is not an H2 backup; overwriting a database
 * that holds users, accounts or journal entries unless forced; a database another process has open.
 */
public final class H2Backup {
    private static final String DB_SUFFIX = ".mv.db";

    private H2Backup() {
    }

    /** Backs the open H2 database up to {@code to} (a zip); returns its size in bytes. */
    public static long backup(Database database, Path to) throws IOException {
        if (database.dialect() != Dialect.H2) {
            throw new IllegalArgumentException("backup is for the embedded H2 database; for PostgreSQL use pg_dump or pg_basebackup "
                    + "(docs/operations.md)");
        }
        Path target = to.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try {
            database.jdbi().useHandle(h -> h.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("H2 cannot back this database up (an in-memory database has no file to back up): "
                    + rootMessage(e), e);
        }
        databaseEntry(target);
        return Files.size(target);
    }

    /** The database file an H2 file URL names ({@code jdbc:h2:file:./data/tradebook} → {@code ./data/tradebook.mv.db}). */
    public static Path fileOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("restore is for the embedded H2 database; for PostgreSQL see docs/operations.md");
        }
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        String kind = rest.toLowerCase(Locale.ROOT);
        if (kind.startsWith("mem:") || kind.startsWith("tcp:") || kind.startsWith("ssl:") || kind.startsWith("zip:")) {
            throw new IllegalArgumentException("restore needs an H2 file database URL (jdbc:h2:file:PATH), not " + rest);
        }
        if (kind.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest + DB_SUFFIX);
    }

    /** True when the database holds anything of value: a user, an account or a journal entry. */
    public static boolean holdsData(Database database) {
        return database.jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA")
                    .mapTo(String.class).list();
            for (String table : List.of("users", "accounts", "journal_entries")) {
                if (tables.contains(table) && h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one() > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Puts the database of backup {@code from} in place of the H2 file database {@code url} names,
     * once the backup has been checked and {@code replaceable} has not refused (it throws when the
     * current database must not be replaced: it holds data, or a process has it open).
     */
    public static void restore(Path from, String url, Runnable replaceable) throws IOException {
        Path target = fileOf(url).toAbsolutePath();
        String entry = databaseEntry(from);
        replaceable.run();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".restore-", DB_SUFFIX);
        try (ZipFile zip = new ZipFile(from.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The name of the one database file in backup {@code zip}; refuses anything else. */
    static String databaseEntry(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("no backup file " + zip);
        }
        List<String> found = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                if (e.getName().endsWith(DB_SUFFIX) && !e.getName().contains("..")) {
                    found.add(e.getName());
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(zip + " is not a Tradebook backup (not a zip file)", e);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(zip + " is not a Tradebook backup: it holds " + found.size() + " H2 database files");
        }
        return found.get(0);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
