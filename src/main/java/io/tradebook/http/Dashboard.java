package io.tradebook.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The web dashboard: a single-page application of plain HTML, CSS and ES modules kept in the jar
 * under {@code /web}, and the front-end libraries it uses, served from their WebJars at stable,
 * version-free paths ({@code /vendor/uplot/uPlot.esm.js}). Nothing is downloaded at run time.
 *
 * <p>It answers the GET and HEAD requests no API route took:
 * <ul>
 *   <li>{@code /app/...} and the shell's own files: the file, with its content type;</li>
 *   <li>{@code /vendor/<library>/<file>}: the file from the library's WebJar;</li>
 *   <li>any other path without a file extension outside {@code /api}: the shell ({@code index.html}),
 *       so that a deep link such as {@code /keys} works on reload and the page's router takes over.</li>
 * </ul>
 * It refuses (404 problem) paths under {@code /api}, paths with {@code ..} or a backslash, and
 * file names it does not have, so a missing script is never answered with HTML.
 *
 * <p>Caching: every answer carries a strong ETag and {@code Cache-Control: no-cache}, so a browser
 * keeps the files and revalidates them (304) on use: a new jar's files are picked up at once
 * without file names that change with each build. The shell also carries a Content Security Policy
 * that allows scripts, styles and connections to this origin only. Thread-safe; files are read
 * once and kept in memory (the whole dashboard is a few hundred kilobytes).
 */
final class Dashboard {
    /** The libraries served under {@code /vendor/<name>/}: name, WebJar group and artifact, and folder in the WebJar. */
    record Vendor(String name, String group, String artifact, String folder) {
    }

    static final List<Vendor> VENDORS = List.of(new Vendor("uplot", "org.webjars.npm", "uplot", "dist"));
    static final String SHELL = "/web/index.html";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final ConcurrentMap<String, WebAsset> cache = new ConcurrentHashMap<>();
    private final Map<String, String> vendorFolders = new HashMap<>();
    private final WebAsset shell;

    /** Reads the shell and checks every vendored WebJar is on the class path; refuses to start without them. */
    Dashboard() {
        this.shell = read(SHELL).orElseThrow(() -> new IllegalStateException("the dashboard's " + SHELL + " is not in the jar"));
        for (Vendor v : VENDORS) {
            vendorFolders.put(v.name(), "/META-INF/resources/webjars/" + v.artifact() + "/" + webJarVersion(v) + "/" + v.folder() + "/");
        }
    }

    /** Answers {@code ctx} (a GET or HEAD no route matched) with a file or the shell; throws 404 otherwise. */
    void handle(Context ctx) {
        String path = ctx.path();
        if (path.equals("/api") || path.startsWith("/api/") || path.contains("..") || path.contains("\\") || path.contains("//")) {
            throw notFound(ctx);
        }
        Optional<WebAsset> file = WebAsset.isFileName(path) ? asset(path) : Optional.of(shell);
        WebAsset asset = file.orElseThrow(() -> notFound(ctx));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        if (asset == shell) {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("Referrer-Policy", "no-referrer");
        }
        if (asset.matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
    }

    /** The file at {@code path}; only files found are kept, so unknown names cannot fill the memory. */
    private Optional<WebAsset> asset(String path) {
        WebAsset known = cache.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<WebAsset> found;
        if (path.startsWith("/vendor/")) {
            String rest = path.substring("/vendor/".length());
            int slash = rest.indexOf('/');
            String folder = slash < 0 ? null : vendorFolders.get(rest.substring(0, slash));
            found = folder == null ? Optional.empty() : read(folder + rest.substring(slash + 1));
        } else {
            found = read("/web" + path);
        }
        found.ifPresent(a -> cache.putIfAbsent(path, a));
        return found;
    }

    private static Optional<WebAsset> read(String resource) {
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : WebAsset.of(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    private static String webJarVersion(Vendor v) {
        String pom = "/META-INF/maven/" + v.group() + "/" + v.artifact() + "/pom.properties";
        Properties properties = new Properties();
        try (InputStream in = Dashboard.class.getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + v.group() + ":" + v.artifact() + " is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
        return properties.getProperty("version");
    }

    private static NotFoundResponse notFound(Context ctx) {
        return new NotFoundResponse("no route " + ctx.method() + " " + ctx.path());
    }
}
