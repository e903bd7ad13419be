package io.tradebook.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of the web dashboard, read from the jar: its bytes, its content type and a strong
 * entity tag made from its content, so a browser revalidates it with {@code If-None-Match} and
 * gets 304 while it is unchanged. Immutable (the bytes are never handed out for writing).
 *
 * <p>Only the file kinds listed in {@link #contentType(String)} are served: a name without one
 * of those extensions (a directory, a class file, a source map we do not ship) is refused.
 */
final class WebAsset {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final byte[] bytes;
    private final String contentType;
    private final String etag;

    private WebAsset(byte[] bytes, String contentType) {
        this.bytes = bytes;
        this.contentType = contentType;
        this.etag = "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"";
    }

    /** The asset named {@code name} with {@code bytes}; empty when the name's extension is not one we serve. */
    static Optional<WebAsset> of(String name, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return contentType(name).map(type -> new WebAsset(bytes.clone(), type));
    }

    /** An HTML page made at run time (the dashboard's shell). */
    static WebAsset html(String page) {
        return new WebAsset(page.getBytes(StandardCharsets.UTF_8), TYPES.get("html"));
    }

    /** True when the last segment of {@code path} has an extension: a file, not a page of the application. */
    static boolean isFileName(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/');
    }

    /** The content type of a file name by its extension, if it is a kind the dashboard serves. */
    static Optional<String> contentType(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot < 0 || dot < slash) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String contentType() {
        return contentType;
    }

    /** A strong entity tag, quoted, from the first 128 bits of the content's SHA-256. */
    String etag() {
        return etag;
    }

    /** True when an {@code If-None-Match} header names this asset's current content. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
