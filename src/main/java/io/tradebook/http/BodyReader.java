package io.tradebook.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tradebook.security.FieldProblem;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a JSON request body into a record, field by field, so that every field at fault is named
 * at once. Thread-safe.
 *
 * <p>The record's components are the body's fields, with the same names. A component annotated
 * {@code @JsonProperty(required = true)} must be present and not null. Refuses, as 400, a body that
 * is not JSON or not a JSON object (saying only where parsing stopped, never echoing the body,
 * which may hold a password); and, as 422, unknown fields, missing required fields and values of
 * the wrong type or form, each with its field and what it must be.
 */
final class BodyReader {
    private final ObjectMapper mapper;

    BodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * What reading a body as one record type needs, found by reflection once per type: its
     * components' names, types, whether each is required, and Jackson's reader for each.
     */
    private record Shape(String[] names, Class<?>[] types, boolean[] required, JavaType[] javaTypes,
                         com.fasterxml.jackson.databind.ObjectReader[] readers, Set<String> known, Constructor<?> constructor) {
    }

    private final java.util.concurrent.ConcurrentMap<Class<?>, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private Shape shape(Class<? extends Record> type) {
        return shapes.computeIfAbsent(type, t -> {
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            String[] names = new String[n];
            Class<?>[] types = new Class<?>[n];
            boolean[] required = new boolean[n];
            JavaType[] javaTypes = new JavaType[n];
            com.fasterxml.jackson.databind.ObjectReader[] readers = new com.fasterxml.jackson.databind.ObjectReader[n];
            Set<String> known = new HashSet<>();
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                names[i] = c.getName();
                types[i] = c.getType();
                required[i] = isRequired(c);
                javaTypes[i] = mapper.constructType(c.getGenericType());
                readers[i] = mapper.readerFor(javaTypes[i]);
                known.add(c.getName());
            }
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
            }
            return new Shape(names, types, required, javaTypes, readers, Set.copyOf(known), constructor);
        });
    }

    /** Binds {@code body} to {@code type}. */
    <T extends Record> Body<T> read(byte[] body, Class<T> type) {
        JsonNode tree = parse(body);
        if (!tree.isObject()) {
            throw Problems.malformed("the body must be a JSON object");
        }
        Shape shape = shape(type);
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (shape.known().contains(name)) {
                present.add(name);
            } else {
                problems.add(new FieldProblem(name, "is not a field of this request"));
            }
        }
        int n = shape.names().length;
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            String name = shape.names()[i];
            JsonNode node = tree.get(name);
            if (node == null || node.isNull()) {
                if (shape.required()[i]) {
                    problems.add(new FieldProblem(name, node == null ? "is required" : "must not be null"));
                } else if (shape.types()[i].isPrimitive()) {
                    problems.add(new FieldProblem(name, "must not be null"));
                }
                values[i] = null;
                continue;
            }
            try {
                values[i] = shape.readers()[i].readValue(node);
            } catch (JsonMappingException e) {
                problems.add(problem(name, e, shape.javaTypes()[i]));
            } catch (IOException e) {
                problems.add(new FieldProblem(name, "cannot be read"));
            }
        }
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return new Body<>(construct(type, shape.constructor(), values), present);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw Problems.malformed("the request needs a JSON object body");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw Problems.malformed("the request needs a JSON object body");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw Problems.malformed(where == null ? "the body is not valid JSON"
                    : "the body is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        } catch (IOException e) {
            throw Problems.malformed("the body cannot be read");
        }
    }

    private static boolean isRequired(RecordComponent c) {
        JsonProperty property = c.getAnnotation(JsonProperty.class);
        if (property == null && c.getAccessor() != null) {
            property = c.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && property.required();
    }

    /** The field problem for a value Jackson could not bind, named by its path inside the field. */
    private static FieldProblem problem(String field, JsonMappingException e, JavaType declared) {
        StringBuilder path = new StringBuilder(field);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(path.toString(), "is not a known field");
        }
        Class<?> target = e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType() : declared.getRawClass();
        if (e.getPath().isEmpty() && Collection.class.isAssignableFrom(declared.getRawClass()) && !Collection.class.isAssignableFrom(target)) {
            target = declared.getRawClass();
        }
        return new FieldProblem(path.toString(), "must be " + describe(target, declared));
    }

    /** What a value of {@code type} looks like, in words for the caller. */
    static String describe(Class<?> type, JavaType declared) {
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID such as 3f2b1c4e-0000-4000-8000-000000000000";
        }
        if (type == Instant.class) {
            return "an ISO-8601 time with offset, such as 2024-03-01T14:30:00Z";
        }
        if (type == BigDecimal.class) {
            return "a decimal number, written as a string such as \"12.50\"";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", Json.labels(type));
        }
        if (Collection.class.isAssignableFrom(type)) {
            JavaType element = declared.getContentType();
            return element == null ? "a list" : "a list of " + describe(element.getRawClass(), element);
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "a value of the documented type";
    }

    private static <T extends Record> T construct(Class<T> type, Constructor<?> constructor, Object[] values) {
        try {
            return type.cast(constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw Problems.invalid(List.of(new FieldProblem("body", bad.getMessage())));
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
