package io.tradebook.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tradebook.core.analytics.EquityCurve;
import io.tradebook.core.analytics.Metric;
import io.tradebook.core.analytics.Metrics;
import io.tradebook.core.analytics.PerformanceSummary;
import io.tradebook.core.backtest.BacktestResult;
import io.tradebook.core.backtest.BarSeries;
import io.tradebook.core.backtest.GridResult;
import io.tradebook.core.backtest.GridRow;
import io.tradebook.core.backtest.OrderCounts;
import io.tradebook.core.backtest.StrategyInstance;
import io.tradebook.core.books.Fill;
import io.tradebook.core.books.RoundTrip;
import io.tradebook.core.money.Money;
import io.tradebook.core.orders.Order;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes a backtest (or a grid search) as the JSON of {@code tradebook backtest --json}; the schema
 * is in {@code docs/backtesting.md}. Every decimal is an exact string, trailing zeros dropped
 * (metrics: 10 significant digits, null when undefined or infinite); counts are numbers; times are
 * ISO-8601 UTC. Fields come in a fixed order and nothing depends on the clock, the locale or hash
 * order, so the same run writes the same bytes. Stateless.
 */
public final class BacktestJson {
    /** What the command knows of the run besides the result: the timeframe, each symbol's origin, the costs given. */
    public record RunInfo(String timeframe, Map<String, String> origins, Map<String, String> costs) {
    }

    private BacktestJson() {
    }

    public static void write(BacktestResult result, RunInfo info, Writer out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            run(json, result, info);
            json.writeStringField("finalEquity", plain(result.finalEquity()));
            json.writeFieldName("metrics");
            metrics(json, result.performance().run().metrics());
            strategies(json, result);
            orders(json, result);
            fills(json, result);
            json.writeArrayFieldStart("trades");
            for (RoundTrip t : result.roundTrips()) {
                trade(json, t);
            }
            json.writeEndArray();
            json.writeFieldName("equityCurve");
            curve(json, result.performance().run().curve());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The headline of a run, for lists: {@code {"finalEquity", "metrics": {…}}} as in the full JSON. */
    public static void summary(BacktestResult result, Writer out) throws IOException {
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("finalEquity", plain(result.finalEquity()));
            json.writeFieldName("metrics");
            metrics(json, result.performance().run().metrics());
            json.writeEndObject();
        }
        out.flush();
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
        json.useDefaultPrettyPrinter();
        return json;
    }

    private static void run(JsonGenerator json, BacktestResult result, RunInfo info) throws IOException {
        json.writeObjectFieldStart("run");
        json.writeStringField("cash", plain(result.plan().settings().cash()));
        json.writeStringField("currency", result.plan().settings().cash().currency().code());
        json.writeStringField("accountType", result.plan().settings().accountType().name());
        json.writeStringField("timeframe", info.timeframe());
        json.writeStringField("start", result.start().toString());
        json.writeStringField("end", result.end().toString());
        json.writeNumberField("bars", result.bars());
        json.writeNumberField("steps", result.steps());
        json.writeObjectFieldStart("costs");
        for (Map.Entry<String, String> c : info.costs().entrySet()) {
            json.writeStringField(c.getKey(), c.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("symbols");
        for (BarSeries s : result.plan().series()) {
            json.writeStartObject();
            json.writeStringField("symbol", s.symbol());
            json.writeStringField("type", s.instrument().type().name());
            json.writeStringField("tickSize", plain(s.instrument().tickSize()));
            json.writeStringField("lotSize", s.instrument().lotSize().toPlainString());
            json.writeNumberField("bars", s.size());
            json.writeStringField("first", s.first().toString());
            json.writeStringField("last", s.last().toString());
            json.writeStringField("source", info.origins().getOrDefault(s.symbol(), ""));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void strategies(JsonGenerator json, BacktestResult result) throws IOException {
        Map<String, Money> capital = result.plan().capital();
        json.writeArrayFieldStart("strategies");
        for (StrategyInstance s : result.plan().strategies()) {
            PerformanceSummary p = result.strategy(s.name());
            json.writeStartObject();
            json.writeStringField("name", s.name());
            json.writeStringField("code", s.code());
            json.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> v : s.parameters().asText().entrySet()) {
                json.writeStringField(v.getKey(), v.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("symbols");
            for (String symbol : result.plan().symbolsOf(s)) {
                json.writeString(symbol);
            }
            json.writeEndArray();
            if (s.budget() == null) {
                json.writeNullField("budget");
            } else {
                json.writeStringField("budget", plain(s.budget()));
            }
            json.writeStringField("capital", plain(capital.get(s.name())));
            json.writeStringField("finalEquity", plain(p.finalEquity()));
            json.writeFieldName("metrics");
            metrics(json, p.metrics());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void orders(JsonGenerator json, BacktestResult result) throws IOException {
        OrderCounts c = result.orders();
        json.writeObjectFieldStart("orders");
        json.writeNumberField("submitted", c.submitted());
        json.writeNumberField("filled", c.filled());
        json.writeNumberField("rejected", c.rejected());
        json.writeNumberField("expired", c.expired());
        json.writeNumberField("cancelled", c.cancelled());
        json.writeNumberField("cancelledAtEnd", c.cancelledAtEnd());
        json.writeEndObject();
        json.writeArrayFieldStart("rejections");
        for (Order o : result.rejected()) {
            json.writeStartObject();
            json.writeStringField("time", o.updatedAt().toString());
            json.writeStringField("orderId", o.id());
            json.writeStringField("strategy", o.strategy());
            json.writeStringField("symbol", o.symbol());
            json.writeStringField("side", o.side().name());
            json.writeStringField("type", o.type().name());
            json.writeStringField("quantity", o.quantity().toPlainString());
            json.writeStringField("reason", String.valueOf(o.rejectReason()));
            json.writeStringField("message", o.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void fills(JsonGenerator json, BacktestResult result) throws IOException {
        json.writeArrayFieldStart("fills");
        for (Fill f : result.fills()) {
            json.writeStartObject();
            json.writeStringField("time", f.time().toString());
            json.writeStringField("symbol", f.symbol());
            json.writeStringField("side", f.side().name());
            json.writeStringField("quantity", f.quantity().toPlainString());
            json.writeStringField("price", f.price().toPlainString());
            json.writeStringField("fee", plain(f.fee()));
            json.writeStringField("strategy", f.strategy());
            json.writeStringField("tradeId", f.tradeId());
            confidence(json, f.confidence());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void trade(JsonGenerator json, RoundTrip t) throws IOException {
        json.writeStartObject();
        json.writeStringField("strategy", t.strategy());
        json.writeStringField("symbol", t.symbol());
        json.writeStringField("direction", t.direction().name());
        json.writeStringField("entryTime", t.entryTime().toString());
        json.writeStringField("exitTime", t.exitTime().toString());
        json.writeStringField("entryPrice", t.entryPrice().toPlainString());
        json.writeStringField("exitPrice", t.exitPrice().toPlainString());
        json.writeStringField("size", t.size().toPlainString());
        json.writeStringField("pnl", plain(t.pnl()));
        json.writeStringField("fees", plain(t.fees()));
        confidence(json, t.confidence());
        json.writeEndObject();
    }

    private static void confidence(JsonGenerator json, BigDecimal confidence) throws IOException {
        if (confidence == null) {
            json.writeNullField("confidence");
        } else {
            json.writeStringField("confidence", plain(confidence));
        }
    }

    private static void curve(JsonGenerator json, EquityCurve curve) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < curve.size(); i++) {
            json.writeStartObject();
            json.writeStringField("time", curve.time(i).toString());
            json.writeStringField("equity", plain(curve.equity(i)));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The metric set: decimals as strings (null when undefined or infinite), the trade count as a number. */
    public static void metrics(JsonGenerator json, Metrics metrics) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Metric> m : metrics.byName().entrySet()) {
            if (m.getKey().equals("trades")) {
                json.writeNumberField("trades", metrics.trades());
            } else if (m.getValue().plain() == null) {
                json.writeNullField(m.getKey());
            } else {
                json.writeStringField(m.getKey(), m.getValue().plain());
            }
        }
        json.writeEndObject();
    }

    /** A grid search: the strategy, the axes, the ranking, the counts and the rows best first. */
    public static void write(GridResult grid, Writer out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("strategy", grid.strategy());
            json.writeStringField("rankedBy", grid.rankedBy());
            json.writeNumberField("combinations", grid.combinations());
            json.writeNumberField("skipped", grid.skipped());
            json.writeArrayFieldStart("skippedExamples");
            for (String s : grid.skippedExamples()) {
                json.writeString(s);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            int rank = 1;
            for (GridRow row : grid.rows()) {
                json.writeStartObject();
                json.writeNumberField("rank", rank++);
                json.writeObjectFieldStart("parameters");
                for (Map.Entry<String, String> v : row.parameters().asText().entrySet()) {
                    json.writeStringField(v.getKey(), v.getValue());
                }
                json.writeEndObject();
                json.writeStringField("finalEquity", plain(row.finalEquity()));
                json.writeFieldName("metrics");
                metrics(json, row.metrics());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static String plain(Money money) {
        return money.toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
