package io.tradebook.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent Events reader over java.net.http for tests: opens a stream, parses its events into
 * a queue on a thread of its own, counts comment lines (heartbeats) and notices the end. It can be
 * paused before reading, to play a client too slow to keep up. Not thread-safe for callers.
 */
final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event as received. Immutable. */
    record Event(String id, String type, String data) {
    }

    final int status;
    final String contentType;
    final String body;
    private final InputStream in;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<Event> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger comments = new AtomicInteger();
    final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch resume;

    private SseClient(HttpResponse<InputStream> response, boolean paused) throws IOException {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.in = response.body();
        this.resume = new CountDownLatch(paused ? 1 : 0);
        if (status != 200) {
            this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ended.countDown();
            return;
        }
        this.body = null;
        Thread reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(URI uri, Map<String, String> headers) {
        return open(uri, headers, false);
    }

    /** Opens {@code uri}; a paused client reads nothing until {@link #unpause()}. */
    static SseClient open(URI uri, Map<String, String> headers, boolean paused) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), paused);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void unpause() {
        resume.countDown();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            resume.await();
            String id = null;
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null || type != null) {
                        Event e = new Event(id, type == null ? "message" : type, data == null ? "" : data.toString());
                        seen.add(e);
                        events.add(e);
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
        } catch (IOException | InterruptedException closed) {
            // closed by the test or the server
        } finally {
            ended.countDown();
        }
    }

    /** The next event, waiting up to 10 s. */
    Event next() {
        try {
            Event e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no event within 10 s; seen " + seen);
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event that is not a {@code ready}. */
    Event nextChange() {
        Event e = next();
        return e.type().equals("ready") ? next() : e;
    }

    /** True when the stream ended within 10 s. */
    boolean endsSoon() throws InterruptedException {
        return ended.await(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
