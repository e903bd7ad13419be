package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * OpenAPI 3.0 schemas for the Java types of request and response bodies, following {@link Json}'s
 * conventions (decimals as strings, instants as date-times, listed values by label). Records become
 * named component schemas; their components are the properties, required when annotated
 * {@code @JsonProperty(required = true)}, described by {@code @JsonPropertyDescription}. Not
 * thread-safe (one per document). Refuses two different records with one simple name, and types it
 * cannot describe.
 */
final class JsonSchemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode components = NODES.objectNode();
    private final Map<String, Class<?>> named = new HashMap<>();

    /** The component schemas made so far, by name. */
    ObjectNode components() {
        return components;
    }

    /** The schema of {@code type}: inline for plain values, a reference for records. */
    ObjectNode schemaFor(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", schemaFor(args[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    array.put("uniqueItems", true);
                }
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode object = NODES.objectNode().put("type", "object");
                object.set("additionalProperties", schemaFor(args[1]));
                return object;
            }
            throw new IllegalArgumentException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == UUID.class) {
            return NODES.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == Instant.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == BigDecimal.class) {
            return NODES.objectNode().put("type", "string").put("format", "decimal").put("pattern", "^-?[0-9]+(\\.[0-9]+)?$")
                    .put("example", "12.50");
        }
        if (c == int.class || c == Integer.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == double.class || c == Double.class) {
            return NODES.objectNode().put("type", "number").put("format", "double");
        }
        if (c.isEnum()) {
            ObjectNode e = NODES.objectNode().put("type", "string");
            ArrayNode values = e.putArray("enum");
            Json.labels(c).forEach(values::add);
            return e;
        }
        if (c == Object.class || JsonNode.class.isAssignableFrom(c)) {
            return NODES.objectNode();
        }
        if (c.isRecord()) {
            return NODES.objectNode().put("$ref", "#/components/schemas/" + record(c));
        }
        throw new IllegalArgumentException("no schema for " + c.getName() + ": use a record, a listed value or a plain value");
    }

    private String record(Class<?> type) {
        String name = type.getSimpleName();
        Class<?> earlier = named.putIfAbsent(name, type);
        if (earlier != null) {
            if (earlier != type) {
                throw new IllegalStateException("two body types are called " + name + ": " + earlier.getName() + " and " + type.getName());
            }
            return name;
        }
        ObjectNode schema = NODES.objectNode().put("type", "object");
        components.set(name, schema); // before the properties, so a record that refers to itself ends
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            ObjectNode property = schemaFor(rc.getGenericType());
            JsonPropertyDescription description = rc.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (description != null) {
                property = property.has("$ref") ? wrap(property) : property;
                property.put("description", description.value());
            }
            properties.set(rc.getName(), property);
            if (requiredComponent(rc)) {
                required.add(rc.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return name;
    }

    /** A reference with a description must be wrapped: OpenAPI 3.0 ignores siblings of $ref. */
    private static ObjectNode wrap(ObjectNode ref) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.putArray("allOf").add(ref);
        return wrapper;
    }

    private static boolean requiredComponent(RecordComponent rc) {
        var property = rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (property == null) {
            property = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return property != null && property.required();
    }
}
