package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.javalin.http.Context;
import io.tradebook.core.access.Principal;
import io.tradebook.core.access.Scope;
import io.tradebook.live.EventStreams;
import io.tradebook.security.StreamTickets;
import io.tradebook.security.WebhookSecrets;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The live event stream ({@code GET /api/events}, Server-Sent Events), the tickets that open it
 * from a browser, and the caller's webhook signing secret. The stream's format is in
 * {@code docs/api.md} ("Live events").
 */
final class EventRoutes implements RouteModule {
    private static final String TAG = "Live events";
    static final String EVENT_STREAM = "text/event-stream";

    /** One event on the stream: its {@code data:} line. Immutable. */
    record StreamEvent(@JsonPropertyDescription("The event type, also on the event: line: ready, order, fill, price, notification, "
                               + "position, strategy, resync") String type,
                       @JsonPropertyDescription("When it happened") Instant time,
                       @JsonPropertyDescription("The change: an order, a fill, {symbol, price}, a notification, a position; "
                               + "decimals are strings") Map<String, Object> data) {
    }

    /** A stream ticket. Immutable. */
    record Ticket(@JsonPropertyDescription("Put it in the stream's URL as ?ticket=; it works once, for 60 seconds") String ticket,
                  Instant expiresAt) {
    }

    /** The caller's webhook signing. Immutable. */
    record WebhookSigning(@JsonPropertyDescription("True when deliveries are signed (a secret exists)") boolean configured,
                          @JsonPropertyDescription("When the current secret was made") Instant createdAt,
                          @JsonPropertyDescription("The webhook URL preference deliveries go to, if set") String url) {
    }

    /** A new webhook signing secret, shown only this once. Immutable. */
    record NewWebhookSecret(@JsonPropertyDescription("Verify X-Tradebook-Signature (sha256=HMAC-SHA256 hex of the body) with it; "
                                    + "shown only now") String secret, Instant createdAt) {
    }

    @Override
    public void register(RouteRegistry routes, ServerContext context) {
        EventStreams streams = context.live().streams();
        StreamTickets tickets = context.streamTickets();
        WebhookSecrets secrets = context.webhookSecrets();
        routes.add(Route.get("/api/events").tag(TAG).summary("Live events as Server-Sent Events").access(Access.scope(Scope.READ))
                .streamTicket()
                .description("A text/event-stream of the caller's events (order, fill, position, notification, strategy) and the "
                        + "public ones (price), never another user's. Each event has an id (<process>-<n>), an event: line with its "
                        + "type and a data: line {type, time, data}. The first event is 'ready'. A comment line is sent every 15 s "
                        + "when nothing else is. Reconnect with Last-Event-ID to get what was missed; when that cannot be done "
                        + "(events no longer kept, another server's id) the stream starts with a 'resync' event: read the state "
                        + "again. A client too slow to keep up gets 'resync' and is disconnected. Browsers: get a ticket from "
                        + "POST /api/events/ticket and open /api/events?ticket=…")
                .responds(200, StreamEvent.class, EVENT_STREAM, "The stream; it stays open")
                .fails(503, "This server has as many stream clients as it takes")
                .handle(call -> open(call, streams, tickets)));
        routes.add(Route.post("/api/events/ticket").tag(TAG).summary("A one-use ticket that opens the event stream from a browser")
                .access(Access.scope(Scope.READ))
                .description("EventSource cannot send an Authorization header, and a lasting token must never be put in a URL: "
                        + "this ticket is. It works once, within 60 seconds, and stands for the credential that asked for it.")
                .responds(201, Ticket.class, "The ticket")
                .handle(call -> {
                    StreamTickets.Issued issued = tickets.issue(call.principal());
                    return Reply.created(new Ticket(issued.ticket(), issued.expiresAt()));
                }));
        routes.add(Route.get("/api/me/webhook-secret").tag(TAG).summary("Whether the caller's webhook deliveries are signed")
                .access(Access.signedIn()).responds(200, WebhookSigning.class, "The signing state (never the secret)")
                .handle(call -> {
                    var created = secrets.createdAt(call.userId());
                    return Reply.ok(new WebhookSigning(created.isPresent(), created.orElse(null), secrets.url(call.userId()).orElse(null)));
                }));
        routes.add(Route.post("/api/me/webhook-secret").tag(TAG).summary("Make a new webhook signing secret (shown once)")
                .access(Access.signedIn())
                .description("Replaces the previous secret at once. Notifications are delivered to the webhook URL preference only "
                        + "while a secret exists, each signed with it.")
                .responds(201, NewWebhookSecret.class, "The secret, shown only now")
                .handle(call -> {
                    WebhookSecrets.Created created = secrets.rotate(call.userId());
                    context.audit().record(io.tradebook.core.events.LogLevel.INFO, "webhooks", "webhook secret created", call.userId(),
                            Map.of());
                    return Reply.created(new NewWebhookSecret(created.secret(), created.createdAt()));
                }));
        routes.add(Route.delete("/api/me/webhook-secret").tag(TAG).summary("Delete the webhook signing secret; deliveries stop")
                .access(Access.signedIn()).responds(204, null, "Deleted").fails(404, "There is no secret")
                .handle(call -> {
                    if (!secrets.delete(call.userId())) {
                        throw Problems.notFound("there is no webhook secret");
                    }
                    context.audit().record(io.tradebook.core.events.LogLevel.INFO, "webhooks", "webhook secret deleted", call.userId(),
                            Map.of());
                    return Reply.noContent();
                }));
    }

    private static Reply open(Call call, EventStreams streams, StreamTickets tickets) throws IOException {
        Context ctx = call.context();
        Principal caller = call.principal();
        EventStreams.Opening opening = streams.open(caller.userId(), call.header("Last-Event-ID").orElse(null),
                new io.tradebook.live.SseSink(ctx.res().getOutputStream()), () -> tickets.stillValid(caller));
        if (opening.refused() != null) {
            throw new ProblemException(Problem.of("unavailable", 503, "Service unavailable",
                    "this server has as many event-stream clients as it takes; try again later"));
        }
        ctx.contentType(EVENT_STREAM + "; charset=utf-8");
        // The writer starts once this handler has set the status and headers; the request ends when the stream does.
        ctx.future(() -> opening.stream().start());
        return new Reply(200, null, null, Map.of("X-Accel-Buffering", "no"));
    }
}
