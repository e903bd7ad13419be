package io.tradebook.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection to a server on loopback, for a load generator: it writes a
 * request and reads the whole answer (status, headers, a body with {@code Content-Length} or
 * chunked). Much cheaper per request than {@code java.net.http.HttpClient}, which matters when the
 * client shares two cores with the server it measures. Not thread-safe: one per client thread.
 */
final class KeepAliveConnection implements AutoCloseable {
    /** An answer: its status and body. Immutable. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code method path} with the headers and JSON body given (null for none) and reads the answer. Reconnects once if the server closed the connection. */
    Answer send(String method, String path, String bearer, String jsonBody) throws IOException {
        byte[] request = request(method, path, bearer, jsonBody);
        boolean fresh = socket == null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(request); // the server may close an idle keep-alive connection
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }
        out.write(request);
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        byte[] body;
        if (chunked) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("the connection closed inside a body");
            }
        } else {
            body = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Answer(code, body);
    }

    private byte[] request(String method, String path, String bearer, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One header line without its CRLF; null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                if (s.length() == 0) {
                    throw new IOException("the server closed the connection");
                }
                return s.toString();
            }
            if (c == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            s.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
