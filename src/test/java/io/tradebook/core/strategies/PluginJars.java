package io.tradebook.core.strategies;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds strategy plugin jars in tests: compiles Java sources against Tradebook's classes and jars them with a services file. */
public final class PluginJars {
    private static final String SERVICE = "META-INF/services/" + StrategyDefinition.class.getName();

    private PluginJars() {
    }

    /**
     * A plugin strategy {@code example.plugin.AlwaysLong} with code {@code code}: it buys one unit of
     * each symbol, with confidence 0.75, at the close of the symbol's second bar and sells it at the
     * close of the fifth.
     */
    public static String alwaysLong(String code) {
        return """
                package example.plugin;

                import io.tradebook.core.strategies.*;
                import io.tradebook.core.money.Quantity;
                import io.tradebook.core.books.Side;
                import java.util.*;

                public final class AlwaysLong implements StrategyDefinition {
                    public StrategyMetadata metadata() {
                        return new StrategyMetadata("%s", "Always long (plugin)", "A test plugin.", StrategyCategory.MOMENTUM,
                                RiskLevel.HIGH, new java.math.BigDecimal("500"), null, List.of(),
                                List.of(ParameterSpec.integer("hold", 3, 1, 100, "bars to hold")));
                    }

                    public Strategy create(Parameters parameters) {
                        int hold = parameters.integer("hold");
                        Map<String, Integer> seen = new HashMap<>();
                        return (context, bar) -> {
                            int n = seen.merge(bar.symbol(), 1, Integer::sum);
                            if (n == 2) {
                                context.submit(StrategyOrder.market(bar.symbol(), Side.BUY, Quantity.of(1)).withConfidence(0.75));
                            } else if (n == 2 + hold) {
                                context.sell(bar.symbol(), context.position(bar.symbol()));
                            }
                        };
                    }
                }
                """.formatted(code);
    }

    /** Compiles {@code sources} (class name → source) into a jar at {@code jar} whose services file lists {@code services}. */
    public static Path build(Path jar, Map<String, String> sources, List<String> services) throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        String[] files = new String[sources.size()];
        int i = 0;
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = work.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            files[i++] = file.toString();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String[] args = Stream.concat(Stream.of("-d", classes.toString(), "-cp", tradebookClasses(), "--release", "17"),
                Stream.of(files)).toArray(String[]::new);
        int code = javac.run(null, null, new OutputStreamWriterStream(errors), args);
        if (code != 0) {
            throw new IllegalStateException("plugin did not compile: " + errors);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(SERVICE));
            out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static String tradebookClasses() {
        try {
            return Path.of(StrategyDefinition.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An output stream into a StringWriter, for the compiler's messages. */
    private static final class OutputStreamWriterStream extends OutputStream {
        private final StringWriter target;

        OutputStreamWriterStream(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.write(b);
        }
    }
}
