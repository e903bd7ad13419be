package io.tradebook.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tradebook.core.events.LiveEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Live events as JSON, the one form used on the event stream, on Redis and in webhooks. Decimals
 * are written as plain strings ({@code "187.25"}), times as ISO-8601 in UTC, ids and listed values
 * as text. Stateless and thread-safe.
 *
 * <p>Two shapes: the <em>client</em> form {@code {"type", "time", "data"}} that clients see, and
 * the <em>wire</em> form that also names the user and the process that published it (for fan-out
 * between server processes). Reading the wire form refuses text that is not such an object.
 */
public final class LiveEventJson {
    private static final ObjectMapper JSON = mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private LiveEventJson() {
    }

    /** An event with the process it was published in. Immutable. */
    public record Tagged(String origin, LiveEvent event) {
    }

    /** {@code event} as a client sees it: {@code {"type":…,"time":…,"data":{…}}}. */
    public static String client(LiveEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("time", event.time());
        body.put("data", event.data());
        return write(body);
    }

    /** Any value (a map of plain values) in these conventions. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a live event's data must be plain values: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code event} published in process {@code origin}, for other processes. */
    public static String wire(String origin, LiveEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", origin);
        body.put("userId", event.userId());
        body.put("type", event.type());
        body.put("time", event.time());
        body.put("data", event.data());
        return write(body);
    }

    /**
     * Reads the wire form. Decimals arrive as the strings they were written as; whole numbers as
     * numbers; nothing passes through a binary float.
     *
     * @throws IllegalArgumentException when {@code text} is not an event in the wire form
     */
    public static Tagged readWire(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject() || !node.path("origin").isTextual() || !node.path("type").isTextual()
                    || !node.path("time").isTextual() || !node.path("data").isObject()) {
                throw new IllegalArgumentException("not a live event: " + abbreviate(text));
            }
            JsonNode user = node.path("userId");
            UUID userId = user.isTextual() ? UUID.fromString(user.asText()) : null;
            Map<String, Object> data = JSON.convertValue(node.get("data"), MAP);
            return new Tagged(node.get("origin").asText(),
                    new LiveEvent(userId, node.get("type").asText(), data, Instant.parse(node.get("time").asText())));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a live event: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("tradebook-live");
        module.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addSerializer(Double.class, new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                // A statistic (never money) may be a double: written as its shortest decimal text; NaN and
                // infinities have none and are written as null.
                if (value.isNaN() || value.isInfinite()) {
                    gen.writeNull();
                } else {
                    gen.writeString(BigDecimal.valueOf(value).toPlainString());
                }
            }
        });
        return JsonMapper.builder().addModule(module).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_ENUMS_USING_TO_STRING).build();
    }
}
