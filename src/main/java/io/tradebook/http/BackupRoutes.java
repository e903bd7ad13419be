package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.tradebook.core.events.LogLevel;
import io.tradebook.store.Dialect;
import io.tradebook.store.H2Backup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code POST /api/admin/backup}: an online, consistent backup of the embedded H2 database while
 * the server runs (the {@code tradebook backup} command cannot open the file a running server
 * holds). The file goes to the server's backup directory under a name from the time; no path comes
 * from the request. PostgreSQL is backed up with its own tools (docs/operations.md).
 */
final class BackupRoutes implements RouteModule {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A backup made. Immutable. */
    record BackupView(@JsonPropertyDescription("The backup file on the server; restore it with tradebook restore --from") String file,
                      long bytes, Instant createdAt) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post("/api/admin/backup").tag("Administration").summary("Back the embedded database up now (online)")
                .access(Access.admin()).responds(201, BackupView.class, "The backup file")
                .fails(409, "The database is PostgreSQL (use pg_dump or pg_basebackup), or no backup directory is configured")
                .handle(call -> {
                    Path dir = context.live().backupDirectory();
                    if (context.database().dialect() != Dialect.H2) {
                        throw conflict("the database is PostgreSQL: back it up with pg_dump or pg_basebackup (docs/operations.md)");
                    }
                    if (dir == null) {
                        throw conflict("no backup directory is configured (TRADEBOOK_BACKUP_DIR)");
                    }
                    Path file = freeName(dir, call.now());
                    long bytes;
                    try {
                        bytes = H2Backup.backup(context.database(), file);
                    } catch (IllegalArgumentException e) {
                        throw conflict(e.getMessage());
                    } catch (IOException e) {
                        throw new IllegalStateException("the backup could not be written: " + e.getMessage(), e);
                    }
                    context.audit().record(LogLevel.INFO, "backup", "database backed up", call.userId(),
                            Map.of("file", file.toString(), "bytes", Long.toString(bytes)));
                    return Reply.created(new BackupView(file.toString(), bytes, call.now()));
                }));
    }

    private static Path freeName(Path dir, Instant now) {
        String stem = "tradebook-" + NAME.format(now);
        Path file = dir.resolve(stem + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stem + "-" + n + ".zip");
        }
        return file;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of("conflict", 409, "Conflict", detail));
    }
}
