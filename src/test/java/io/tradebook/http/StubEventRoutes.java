package io.tradebook.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scripted stand-in for the live event stream, at its own paths ({@value #TICKET} and
 * {@value #STREAM}) so it never collides with the real one: tickets work once, each connection
 * sends a few events chosen by the event id it resumes from and then ends, which makes the
 * browser's EventSource retry with the used ticket (refused, as a real server refuses it) and the
 * dashboard's live client reconnect with a new ticket and {@code ?lastEventId=}. It records every
 * connection so the test can check the reconnects. Thread-safe.
 */
final class StubEventRoutes implements RouteModule {
    static final String TICKET = "/api/test-events/ticket";
    static final String STREAM = "/api/test-events";

    /** A ticket for one stream. Immutable. */
    record StubTicket(String ticket, long expiresIn) {
    }

    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<String> connections = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        routes.add(Route.post(TICKET).tag("Test").summary("A ticket for the stub stream").access(Access.signedIn())
                .responds(200, StubTicket.class, "A ticket").handle(call -> {
                    String ticket = UUID.randomUUID().toString();
                    tickets.add(ticket);
                    return Reply.ok(new StubTicket(ticket, 30));
                }));
        routes.add(Route.get(STREAM).tag("Test").summary("The stub stream").access(Access.anyone())
                .query("ticket", String.class, true, "From the ticket route").query("lastEventId", String.class, false, "Resume after it")
                .responds(200, String.class, "text/event-stream", "A few events, then the end").handle(call -> {
                    boolean valid = tickets.remove(call.query("ticket").orElse(""));
                    // the browser's own retry keeps the URL (with an older ?lastEventId) and sends the newer id in the header
                    String resume = call.header("Last-Event-ID").orElse(call.query("lastEventId").orElse(null));
                    connections.add((valid ? "valid" : "used") + " header=" + call.header("Last-Event-ID").orElse("-")
                            + " query=" + call.query("lastEventId").orElse("-"));
                    if (!valid) {
                        throw Problems.unauthenticated("the ticket is unknown or was used");
                    }
                    return Reply.text(200, "retry: 50\n\n" + script(resume), "text/event-stream");
                }));
    }

    /** What a connection resuming after {@code lastEventId} receives. */
    private static String script(String lastEventId) {
        if (lastEventId == null) {
            return event("1", "order", "{\"id\":\"o-1\",\"status\":\"NEW\"}") + event("2", "fill", "{\"orderId\":\"o-1\",\"price\":\"187.25\"}")
                    + event("3", null, "{\"type\":\"price\",\"symbol\":\"AAPL\",\"price\":\"187.30\"}");
        }
        return switch (lastEventId) {
            case "3" -> event("4", "order", "{\"id\":\"o-1\",\"status\":\"FILLED\"}");
            case "4" -> event("10", "resync", "{}"); // as if events 5…9 were no longer kept
            case "10" -> event("11", "notification", "{\"title\":\"Order filled\"}");
            default -> "";
        };
    }

    private static String event(String id, String type, String json) {
        return (type == null ? "" : "event: " + type + "\n") + "id: " + id + "\ndata: " + json + "\n\n";
    }

    /** Each connection as "valid|used header=<Last-Event-ID> query=<lastEventId>", in order. */
    List<String> connections() {
        synchronized (connections) {
            return List.copyOf(connections);
        }
    }
}
