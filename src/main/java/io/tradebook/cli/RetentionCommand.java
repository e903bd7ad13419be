package io.tradebook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradebook.store.Database;
import io.tradebook.store.JdbiAuditTrail;
import io.tradebook.store.Retention;
import io.tradebook.store.RetentionPolicies;
import io.tradebook.store.RetentionTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tradebook retention}: the retention policies of the configured database, and running the job by hand. */
@Command(name = "retention", description = "Data retention (seed 004's policies in retention_policies).",
        subcommands = {RetentionCommand.ListPolicies.class, RetentionCommand.Run.class})
final class RetentionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    static void print(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code tradebook retention list}: the policies as JSON, with what each deletes or why it never does. */
    @Command(name = "list", description = "Print the retention policies as JSON, with what the job deletes for each.")
    static final class ListPolicies implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions db;

        @Override
        public Integer call() {
            try (Database database = db.openMigrated()) {
                List<Map<String, Object>> rows = new RetentionPolicies(database.jdbi()).list().stream().map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("dataClass", p.dataClass());
                    row.put("retentionDays", p.retentionDays());
                    row.put("enabled", p.enabled());
                    row.put("action", RetentionTarget.describe(p.dataClass()));
                    return row;
                }).toList();
                print(spec.commandLine().getOut(), rows);
            }
            return 0;
        }
    }

    /** {@code tradebook retention run}: applies every policy once and prints what it deleted as JSON. */
    @Command(name = "run", description = {"Apply every enabled retention policy once: delete (optionally archive) what is past it, "
            + "in batches, and log the run to the system log. Never touches the books.", "Prints what it deleted as JSON."})
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions db;

        @Option(names = "--batch-size", defaultValue = "1000", description = "Rows deleted per statement (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--archive-dir", description = "Archive the deleted rows there first, as gzipped JSON lines.")
        Path archiveDir;

        @Override
        public Integer call() throws IOException {
            if (batchSize < 1) {
                throw new UserInputException("--batch-size must be at least 1: " + batchSize);
            }
            try (Database database = db.openMigrated()) {
                Clock clock = Clock.systemUTC();
                Retention.Report report = new Retention(database.jdbi(), new JdbiAuditTrail(database.jdbi(), clock), clock)
                        .run(batchSize, null, archiveDir);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("startedAt", report.startedAt());
                out.put("tookMs", report.took().toMillis());
                out.put("deleted", report.total());
                out.put("archive", report.archive() == null ? null : report.archive().toString());
                out.put("classes", report.classes());
                print(spec.commandLine().getOut(), out);
            }
            return 0;
        }
    }
}
