package io.tradebook.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradebook.core.access.Labelled;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The JSON conventions of the API, in one configured Jackson mapper:
 * <ul>
 *   <li>decimals ({@link BigDecimal}) are written as plain strings ({@code "12.50"}, never
 *       {@code 1.25E+1}) and read from a string or a JSON number, exactly, never through {@code double};</li>
 *   <li>instants are ISO-8601 strings with an offset, written in UTC;</li>
 *   <li>listed values (enums) are their {@link Labelled#label() label} or their name, read without regard to case;</li>
 *   <li>no silent coercion: a number is not a string, {@code "12"} is not a whole number, {@code 1} is not {@code true};
 *       unknown fields and duplicate keys are refused.</li>
 * </ul>
 * Stateless; the mapper it builds is thread-safe.
 */
public final class Json {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?");

    private Json() {
    }

    /** A new mapper with these conventions. */
    public static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("tradebook");
        module.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
        module.addDeserializer(Instant.class, new InstantDeserializer());
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType valueType, BeanDescription beanDesc,
                                                          JsonSerializer<?> serializer) {
                return new JsonSerializer<Enum<?>>() {
                    @Override
                    public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                        gen.writeString(label(value));
                    }
                };
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
                                                              JsonDeserializer<?> deserializer) {
                return new EnumDeserializer(type.getRawClass());
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** How a listed value is written: its label if it has one, else its name. */
    static String label(Enum<?> value) {
        return value instanceof Labelled l ? l.label() : value.name();
    }

    /** Every value of {@code type} as written. */
    static List<String> labels(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> label((Enum<?>) e)).toList();
    }

    private static final class DecimalDeserializer extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDecimalValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getText().strip();
                if (DECIMAL.matcher(text).matches()) {
                    return new BigDecimal(text);
                }
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text, "not a plain decimal number");
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().strip();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 time with offset");
            }
        }
    }

    private static final class EnumDeserializer extends JsonDeserializer<Enum<?>> {
        private final Class<?> type;

        EnumDeserializer(Class<?> type) {
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Enum<?>) ctxt.handleUnexpectedToken(type, p);
            }
            String text = p.getText().strip();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                if (label(value).equalsIgnoreCase(text) || value.name().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            return (Enum<?>) ctxt.handleWeirdStringValue(type, text, "not one of " + labels(type).stream().collect(Collectors.joining(", ")));
        }
    }
}
