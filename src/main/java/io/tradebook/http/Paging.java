package io.tradebook.http;

import io.tradebook.security.FieldProblem;
import io.tradebook.store.PageCursor;
import java.util.List;

/**
 * The paging of a newest-first listing: at most {@code limit} items (1…500, default 100), after
 * the opaque {@code cursor} a previous page gave as {@code nextCursor}. Immutable. A cursor that
 * is not one the server wrote is 400.
 */
record Paging(int limit, PageCursor cursor) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** Declares the {@code limit} and {@code cursor} query parameters on {@code route}. */
    static Route.Builder declare(Route.Builder route) {
        return route.query("limit", Integer.class, false, "How many items at most, 1…" + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
                .query("cursor", String.class, false, "Where to continue: the nextCursor of the previous page");
    }

    static Paging of(Call call) {
        int limit = call.queryInt("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        PageCursor cursor = call.query("cursor").filter(c -> !c.isBlank()).map(c -> {
            try {
                return PageCursor.parse(c.strip());
            } catch (IllegalArgumentException e) {
                throw Problems.malformed("query parameter cursor is not valid",
                        List.of(new FieldProblem("cursor", "must be the nextCursor of a previous page")));
            }
        }).orElse(null);
        return new Paging(limit, cursor);
    }

    /** Runs a listing with this paging, answering 400 when the cursor belongs to another listing. */
    <T> T read(java.util.function.Supplier<T> listing) {
        try {
            return listing.get();
        } catch (IllegalArgumentException e) {
            throw Problems.malformed("query parameter cursor is not valid",
                    List.of(new FieldProblem("cursor", "must be the nextCursor of a previous page of this listing")));
        }
    }

    /** The text of a page's next cursor, or null on the last page. */
    static String next(io.tradebook.store.Page<?> page) {
        return page.next() == null ? null : page.next().encode();
    }
}
