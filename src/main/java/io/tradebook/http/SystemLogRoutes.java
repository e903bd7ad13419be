package io.tradebook.http;

import io.tradebook.core.events.LogLevel;
import io.tradebook.store.Page;
import io.tradebook.store.SystemLogRepository;
import io.tradebook.store.SystemLogRepository.Entry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The system log and audit trail for administrators ({@code GET /api/admin/system-log}). */
final class SystemLogRoutes implements RouteModule {

    /** A log entry. Immutable. */
    record LogEntryView(long id, Instant time, LogLevel level, String component, String message, UUID userId, Map<String, String> details) {
        static LogEntryView of(Entry e) {
            return new LogEntryView(e.id(), e.time(), e.level(), e.component(), e.message(), e.userId(), e.details());
        }
    }

    /** A page of the log. Immutable. */
    record LogPage(List<LogEntryView> entries, String nextCursor) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        SystemLogRepository log = new SystemLogRepository(context.database().jdbi());
        routes.add(Paging.declare(Route.get("/api/admin/system-log")).tag("Administration").summary("The system log and audit trail")
                .access(Access.admin())
                .query("level", LogLevel.class, false, "At least this level (WARNING: warnings, errors and critical)")
                .query("component", String.class, false, "Only this component (http, auth, risk, execution, accounts, …)")
                .query("from", Instant.class, false, "At or after").query("to", Instant.class, false, "Before")
                .responds(200, LogPage.class, "A page of entries, newest first")
                .handle(call -> {
                    Paging paging = Paging.of(call);
                    SystemLogRepository.Filter filter = new SystemLogRepository.Filter(call.queryEnum("level", LogLevel.class).orElse(null),
                            call.queryText("component", 50).orElse(null), call.queryInstant("from").orElse(null),
                            call.queryInstant("to").orElse(null));
                    Page<Entry> page = paging.read(() -> log.list(filter, paging.cursor(), paging.limit()));
                    return Reply.ok(new LogPage(page.items().stream().map(LogEntryView::of).toList(), Paging.next(page)));
                }));
    }
}
