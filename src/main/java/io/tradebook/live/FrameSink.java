package io.tradebook.live;

import java.io.IOException;

/**
 * Where a stream client's frames go: an SSE response body, or a WebSocket. Frames arrive already
 * rendered as Server-Sent Events ({@code id:}, {@code event:}, {@code data:} lines); a sink for
 * another transport re-shapes them. Called from the client's writer thread only; a method may block
 * while the peer is slow, and throws {@link IOException} once the peer is gone.
 */
public interface FrameSink {
    /** Writes one event frame. */
    void send(byte[] frame) throws IOException;

    /** Signals that the connection is alive while nothing else is sent. */
    void heartbeat() throws IOException;

    /** Pushes out what was written. */
    void flush() throws IOException;

    /** Tells the peer why the stream ends (its credential ended), as far as the transport can. */
    void end(String why) throws IOException;
}
