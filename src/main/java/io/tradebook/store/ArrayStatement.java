package io.tradebook.store;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written for one row with named parameters ({@code INSERT … VALUES (…)} or
 * {@code UPDATE … SET … WHERE …}) turned into one that writes any number of rows at once on
 * PostgreSQL: each parameter becomes an array, and the rows come from {@code unnest} of the
 * arrays. Its text never depends on the number of rows, so the server parses and plans it once
 * per connection. The array types are the ones PostgreSQL infers for the row statement's
 * parameters, so the row statement stays the one source of truth for columns and types.
 *
 * <p>Immutable. Refuses a statement of another shape, and parameter names that differ only in case.
 */
final class ArrayStatement {
    private static final Pattern NAME = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    private final String rowSql;
    private final List<String> names;
    private final String sql;

    private ArrayStatement(String rowSql, List<String> names, String sql) {
        this.rowSql = rowSql;
        this.names = List.copyOf(names);
        this.sql = sql;
    }

    /** The array form of {@code namedSql}, with the parameter types the server on {@code c} infers for it. */
    static ArrayStatement of(Connection c, String namedSql) throws SQLException {
        Map<String, Integer> firstUse = new LinkedHashMap<>();
        Matcher m = NAME.matcher(namedSql);
        StringBuilder positional = new StringBuilder();
        int index = 0;
        while (m.find()) {
            firstUse.putIfAbsent(m.group(1), ++index);
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        List<String> names = new ArrayList<>(firstUse.keySet());
        List<String> types = new ArrayList<>();
        try (PreparedStatement probe = c.prepareStatement(positional.toString())) {
            ParameterMetaData meta = probe.getParameterMetaData();
            for (String name : names) {
                types.add(meta.getParameterTypeName(firstUse.get(name)));
            }
        }
        return new ArrayStatement(namedSql, names, arrayForm(namedSql, names, types));
    }

    /** The parameter names, in the order their arrays are bound. */
    List<String> names() {
        return names;
    }

    /** The statement's text, with one {@code ?} per parameter name. */
    String sql() {
        return sql;
    }

    /** The row statement it was made from. */
    String rowSql() {
        return rowSql;
    }

    static String arrayForm(String namedSql, List<String> names, List<String> types) {
        Map<String, String> alias = new LinkedHashMap<>();
        for (String name : names) {
            String column = "p_" + name.toLowerCase(Locale.ROOT);
            if (alias.containsValue(column)) {
                throw new IllegalArgumentException("parameter names differ only in case: " + namedSql);
            }
            alias.put(name, column);
        }
        StringBuilder unnest = new StringBuilder(" FROM unnest(");
        for (int i = 0; i < names.size(); i++) {
            unnest.append(i == 0 ? "" : ", ").append("?::").append(types.get(i)).append("[]");
        }
        unnest.append(") AS u(").append(String.join(", ", alias.values())).append(')');
        String upper = namedSql.toUpperCase(Locale.ROOT);
        if (upper.startsWith("INSERT ")) {
            int values = upper.lastIndexOf(" VALUES (");
            if (values < 0 || !namedSql.endsWith(")")) {
                throw new IllegalArgumentException("not an INSERT … VALUES (…) statement: " + namedSql);
            }
            String expressions = namedSql.substring(values + " VALUES (".length(), namedSql.length() - 1);
            return namedSql.substring(0, values) + " SELECT " + refer(expressions, alias) + unnest;
        }
        if (upper.startsWith("UPDATE ")) {
            int where = upper.lastIndexOf(" WHERE ");
            if (where < 0) {
                throw new IllegalArgumentException("an UPDATE without WHERE: " + namedSql);
            }
            return refer(namedSql.substring(0, where), alias) + unnest + " WHERE " + refer(namedSql.substring(where + 7), alias);
        }
        throw new IllegalArgumentException("neither INSERT nor UPDATE: " + namedSql);
    }

    /** {@code text} with each {@code :name} replaced by the unnest column it comes from. */
    private static String refer(String text, Map<String, String> alias) {
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "u." + alias.get(m.group(1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
