package io.tradebook.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tradebook.core.strategies.ParameterSpec;
import io.tradebook.core.strategies.StrategyCatalog;
import io.tradebook.core.strategies.StrategyMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tradebook strategies}: lists the strategy catalog (the built-ins and the plugins found)
 * with each strategy's metadata and parameters, as text or as JSON ({@code --json}).
 */
@Command(name = "strategies", description = "List the strategies a backtest can run: built-ins and plugins, with their parameters.")
final class StrategiesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--plugins", paramLabel = "DIR", description = "Folder of strategy plugin jars (default: $TRADEBOOK_PLUGINS, else ./plugins if present).")
    Path plugins;

    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        StrategyCatalog catalog = Plugins.catalog(plugins);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            writeJson(catalog, out);
        } else {
            for (StrategyCatalog.Entry e : catalog.entries()) {
                StrategyMetadata m = e.metadata();
                out.println(m.code() + " - " + m.name() + " [" + m.category().code() + ", risk " + m.riskLevel() + ", " + e.source()
                        + (m.minCapital() == null ? "" : ", min capital " + m.minCapital().stripTrailingZeros().toPlainString())
                        + (m.timeframe() == null ? "" : ", " + m.timeframe().code())
                        + (m.symbols().isEmpty() ? "" : ", " + String.join(" ", m.symbols())) + "]");
                out.println("    " + m.description());
                for (ParameterSpec p : m.parameters()) {
                    out.println("    " + p.name() + " = " + p.format(p.defaultValue()) + "  (" + p.kind() + ") " + p.description());
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void writeJson(StrategyCatalog catalog, PrintWriter out) throws IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (StrategyCatalog.Entry e : catalog.entries()) {
                StrategyMetadata m = e.metadata();
                g.writeStartObject();
                g.writeStringField("code", m.code());
                g.writeStringField("name", m.name());
                g.writeStringField("description", m.description());
                g.writeStringField("category", m.category().code());
                g.writeStringField("riskLevel", m.riskLevel().name());
                g.writeStringField("minCapital", m.minCapital() == null ? null : m.minCapital().stripTrailingZeros().toPlainString());
                g.writeStringField("timeframe", m.timeframe() == null ? null : m.timeframe().code());
                g.writeArrayFieldStart("symbols");
                for (String s : m.symbols()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeStringField("source", e.source());
                g.writeArrayFieldStart("parameters");
                for (ParameterSpec p : m.parameters()) {
                    g.writeStartObject();
                    g.writeStringField("name", p.name());
                    g.writeStringField("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                    g.writeStringField("default", p.format(p.defaultValue()));
                    g.writeStringField("min", p.min() == null ? null : p.format(p.min()));
                    g.writeBooleanField("minExclusive", p.minExclusive());
                    g.writeStringField("max", p.max() == null ? null : p.format(p.max()));
                    g.writeStringField("description", p.description());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.println();
    }
}
