package io.tradebook.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.tradebook.core.access.Principal;
import io.tradebook.core.access.Scope;
import io.tradebook.live.EventStreams;
import io.tradebook.live.FrameSink;
import io.tradebook.security.StreamTickets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The live event stream over a WebSocket at {@value #PATH}, for clients that prefer one to SSE: the
 * same events (the caller's and the public ones), each a text message
 * {@code {"id", "type", "time", "data"}}, a ping every heartbeat, resuming from
 * {@code ?lastEventId=}. The upgrade is authenticated like {@code GET /api/events} (a header
 * credential, or {@code ?ticket=}); a refused upgrade is an HTTP problem (401, 403). The socket
 * only sends: a message from the client closes it. Not a route of the registry: OpenAPI 3.0
 * cannot describe WebSockets, so docs/api.md does.
 */
final class EventSocket {
    static final String PATH = "/api/ws";
    private static final String CALLER = "tradebook.ws.caller";
    private static final String STREAM = "tradebook.ws.stream";

    private EventSocket() {
    }

    static void install(Javalin app, RoutePipeline pipeline, ServerContext context) {
        EventStreams streams = context.live().streams();
        StreamTickets tickets = context.streamTickets();
        app.addHttpHandler(HandlerType.WEBSOCKET_BEFORE_UPGRADE, PATH,
                ctx -> ctx.attribute(CALLER, pipeline.streamCaller(ctx, Access.scope(Scope.READ))));
        app.ws(PATH, ws -> {
            ws.onConnect(c -> {
                Principal caller = c.attribute(CALLER);
                if (caller == null) {
                    c.closeSession(StatusCode.POLICY_VIOLATION, "not authenticated");
                    return;
                }
                EventStreams.Opening opening = streams.open(caller.userId(), c.queryParam("lastEventId"), new SocketSink(c.session),
                        () -> tickets.stillValid(caller));
                if (opening.refused() != null) {
                    c.closeSession(StatusCode.TRY_AGAIN_LATER, "this server has as many stream clients as it takes");
                    return;
                }
                c.attribute(STREAM, opening.stream());
                opening.stream().start();
            });
            ws.onMessage(c -> c.closeSession(StatusCode.BAD_DATA, "this socket only sends events"));
            ws.onClose(c -> stop(c.attribute(STREAM)));
            ws.onError(c -> stop(c.attribute(STREAM)));
        });
    }

    private static void stop(EventStreams.Stream stream) {
        if (stream != null) {
            stream.stop();
        }
    }

    /** Sends each SSE frame as one text message {@code {"id", …the frame's data fields}}; blocking, from the stream's writer thread. */
    private static final class SocketSink implements FrameSink {
        private final Session session;

        SocketSink(Session session) {
            this.session = session;
        }

        @Override
        public void send(byte[] frame) throws IOException {
            String text = new String(frame, StandardCharsets.UTF_8);
            String id = line(text, "id: ");
            String data = line(text, "data: ");
            if (!session.isOpen()) {
                throw new IOException("the socket is closed");
            }
            session.getRemote().sendString("{\"id\":\"" + id + "\"," + data.substring(1));
        }

        @Override
        public void heartbeat() throws IOException {
            session.getRemote().sendPing(ByteBuffer.allocate(0));
        }

        @Override
        public void flush() {
            // each message is sent whole
        }

        @Override
        public void end(String why) {
            session.close(StatusCode.POLICY_VIOLATION, why);
        }

        private static String line(String frame, String prefix) {
            for (String line : frame.split("\n")) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
            throw new IllegalStateException("a frame without " + prefix.strip() + ": " + frame);
        }
    }
}
