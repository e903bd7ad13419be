package io.tradebook.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tradebook.core.access.Principal;
import io.tradebook.security.Authenticator;
import io.tradebook.security.Outcome;
import io.tradebook.security.StreamTickets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps every route goes through, in this order, so that no route can skip one:
 * <ol>
 *   <li>authenticate the caller (401; 429 for an API key over its rate limit); on a route that
 *       takes stream tickets, a {@code ?ticket=} stands in for a missing header credential;</li>
 *   <li>check the route's {@link Access} (403);</li>
 *   <li>resolve each id in the path: owned by the caller, or, on administrator routes, existing (404);</li>
 *   <li>run the handler, which reads its body (400/415/422) and answers;</li>
 *   <li>check the answer's status is one the route declared, and write it.</li>
 * </ol>
 * Because ids are checked before the body is read, a request naming another user's resource gets
 * 404 whatever its body says. Thread-safe.
 */
final class RoutePipeline {
    private final Authenticator authenticator;
    private final StreamTickets tickets;
    private final Tenancy tenancy;
    private final BodyReader bodies;
    private final ObjectMapper mapper;
    private final Clock clock;

    RoutePipeline(Authenticator authenticator, StreamTickets tickets, Tenancy tenancy, ObjectMapper mapper, Clock clock) {
        this.authenticator = authenticator;
        this.tickets = tickets;
        this.tenancy = tenancy;
        this.bodies = new BodyReader(mapper);
        this.mapper = mapper;
        this.clock = clock;
    }

    Handler handlerFor(Route route) {
        return ctx -> run(route, ctx);
    }

    private void run(Route route, Context ctx) throws Exception {
        Instant now = clock.instant();
        Principal caller = null;
        if (route.access().needsCaller()) {
            Outcome<Principal> who = authenticate(route, ctx);
            if (!who.isOk()) {
                throw Problems.of(who.refusal());
            }
            caller = who.value();
            ctx.attribute(ServerAttributes.PRINCIPAL, caller);
            var refused = route.access().refusal(caller, now);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
        Map<String, Object> ids = new LinkedHashMap<>();
        for (Route.PathParam p : route.pathParams()) {
            switch (p.check()) {
                case OWNED -> ids.put(p.name(), tenancy.requireOwned(p.owned(), ctx.pathParam(p.name()), caller));
                case EXISTS -> ids.put(p.name(), tenancy.requireExists(p.owned(), ctx.pathParam(p.name())));
                case TEXT -> {
                }
            }
        }
        Reply reply = route.endpoint().handle(new Call(ctx, route, caller, ids, bodies, now));
        if (reply == null || !route.declares(reply.status())) {
            throw new IllegalStateException(route + " answered " + (reply == null ? "nothing" : reply.status())
                    + ", which it does not declare");
        }
        write(ctx, reply);
    }

    /**
     * The caller of a request outside the route registry (the WebSocket upgrade): authenticated by a
     * header credential or a stream ticket, and allowed by {@code access}; else the problem, thrown.
     */
    Principal streamCaller(Context ctx, Access access) {
        Outcome<Principal> who = authenticate(true, ctx);
        if (!who.isOk()) {
            throw Problems.of(who.refusal());
        }
        var refused = access.refusal(who.value(), clock.instant());
        if (refused.isPresent()) {
            throw refused.get();
        }
        return who.value();
    }

    /** The caller named by the request's headers, or, where the route takes one and no header is sent, by its stream ticket. */
    private Outcome<Principal> authenticate(Route route, Context ctx) {
        return authenticate(route.acceptsStreamTicket(), ctx);
    }

    private Outcome<Principal> authenticate(boolean ticketAllowed, Context ctx) {
        String authorization = ctx.header("Authorization");
        String key = ctx.header("X-API-Key");
        String ticket = ctx.queryParam("ticket");
        boolean headers = authorization != null && !authorization.isBlank() || key != null && !key.isBlank();
        if (ticketAllowed && ticket != null && !headers) {
            return tickets.redeem(ticket);
        }
        return authenticator.authenticate(authorization, key);
    }

    private void write(Context ctx, Reply reply) throws Exception {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        if (reply.body() == null) {
            return;
        }
        if (reply.contentType() != null) {
            ctx.contentType(reply.contentType()).result(String.valueOf(reply.body()));
        } else {
            // written straight to the (possibly compressing) output stream: as a result, Javalin would
            // copy it there through an 8 KB buffer per request
            byte[] json = mapper.writeValueAsBytes(reply.body());
            ctx.contentType("application/json").outputStream().write(json);
        }
    }
}
