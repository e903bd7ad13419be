package io.tradebook.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A {@link FrameSink} onto an HTTP response body in the Server-Sent Events format. Not thread-safe (one writer). */
public final class SseSink implements FrameSink {
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private final OutputStream out;

    public SseSink(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void send(byte[] frame) throws IOException {
        out.write(frame);
    }

    @Override
    public void heartbeat() throws IOException {
        out.write(HEARTBEAT);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void end(String why) throws IOException {
        out.write((": " + why.replace('\n', ' ') + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
