package io.tradebook.core.strategies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The strategies a run can use: the built-ins ({@link BuiltInStrategies}) and the user strategies
 * found in the jars of a plugins folder. A plugin jar provides {@link StrategyDefinition}s through
 * {@link ServiceLoader}: its {@code META-INF/services/io.tradebook.core.strategies.StrategyDefinition}
 * names them (docs/strategies.md). Immutable once built; thread-safe.
 *
 * <p>{@link #withPlugins} refuses, with an {@link IllegalArgumentException}: a folder that is not a
 * directory, a jar that cannot be read or whose providers cannot be loaded (naming the jar and the
 * cause), and a code that two strategies claim (naming both sources). The plugin classes stay
 * loaded for the life of the catalog.
 */
public final class StrategyCatalog {
    /** The {@link #source} of a built-in strategy. */
    public static final String BUILT_IN = "built-in";

    /** One strategy and where it came from: {@value #BUILT_IN}, or the plugin jar's file name. */
    public record Entry(StrategyDefinition definition, String source) {
        public StrategyMetadata metadata() {
            return definition.metadata();
        }

        public boolean builtIn() {
            return BUILT_IN.equals(source);
        }
    }

    private final Map<String, Entry> byCode;

    private StrategyCatalog(Map<String, Entry> byCode) {
        this.byCode = byCode;
    }

    /** The built-in strategies only. */
    public static StrategyCatalog builtIn() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (StrategyDefinition d : BuiltInStrategies.all()) {
            add(entries, new Entry(d, BUILT_IN));
        }
        return new StrategyCatalog(entries);
    }

    /**
     * The built-ins and the strategies of every {@code *.jar} directly in {@code folder}, jars in
     * name order, each jar's strategies by code. A missing folder is refused; an empty one adds
     * nothing.
     */
    public static StrategyCatalog withPlugins(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("plugins folder " + folder + " is not a directory");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + folder + ": " + e.getMessage(), e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>(builtIn().byCode);
        for (Path jar : jars) {
            for (Entry e : load(jar)) {
                add(entries, e);
            }
        }
        return new StrategyCatalog(entries);
    }

    /** The strategies of one jar, by code; each jar gets its own class loader, so jars cannot clash on class names. */
    private static List<Entry> load(Path jar) {
        String name = jar.getFileName().toString();
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("plugin " + name + ": " + e.getMessage(), e);
        }
        // not closed: the catalog's strategies keep using the jar's classes
        @SuppressWarnings("resource")
        URLClassLoader loader = new URLClassLoader("plugin " + name, new URL[] {url}, StrategyCatalog.class.getClassLoader());
        List<Entry> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrategyDefinition> provider : ServiceLoader.load(StrategyDefinition.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader).toList()) {
                StrategyDefinition definition = provider.get();
                definition.metadata();
                found.add(new Entry(definition, name));
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("plugin " + name + " cannot be loaded: " + rootMessage(e), e);
        }
        found.sort(Comparator.comparing(e -> e.metadata().code()));
        return found;
    }

    private static void add(Map<String, Entry> entries, Entry entry) {
        String code = entry.metadata().code();
        Entry before = entries.putIfAbsent(code, entry);
        if (before != null) {
            throw new IllegalArgumentException("strategy code '" + code + "' is claimed twice: by " + before.source() + " ("
                    + before.definition().getClass().getName() + ") and by " + entry.source() + " ("
                    + entry.definition().getClass().getName() + ")");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Every strategy: the built-ins in their order, then the plugins' (jars in name order). */
    public List<Entry> entries() {
        return List.copyOf(byCode.values());
    }

    /** The strategy with this code, if the catalog has it. */
    public Optional<Entry> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The strategy with this code; refuses an unknown code, listing the codes there are. */
    public StrategyDefinition require(String code) {
        Entry e = byCode.get(code);
        if (e == null) {
            throw new IllegalArgumentException("unknown strategy '" + code + "'; the strategies are " + codes());
        }
        return e.definition();
    }

    /** The codes, comma-separated, in catalog order. */
    public String codes() {
        return byCode.keySet().stream().collect(Collectors.joining(", "));
    }
}
