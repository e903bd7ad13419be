package io.tradebook.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Where the retention job keeps rows before deleting them, when asked to archive: one gzipped
 * JSON-lines file per run ({@code retention-<time>.jsonl.gz}), a line {@code {"table", "row"}} per
 * row, with decimals as strings and times in ISO-8601 UTC. The file is created on the first row,
 * so a run that deletes nothing leaves none. Not thread-safe: one per run.
 */
final class RetentionArchive implements AutoCloseable {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = mapper();
    private final Path file;
    private Writer out;

    private RetentionArchive(Path file) {
        this.file = file;
    }

    static RetentionArchive open(Path dir, Instant time) throws IOException {
        Files.createDirectories(dir);
        return new RetentionArchive(dir.resolve("retention-" + NAME.format(time) + ".jsonl.gz"));
    }

    Path file() {
        return out == null ? null : file;
    }

    void write(String table, List<Map<String, Object>> rows) throws IOException {
        if (out == null) {
            out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8));
        }
        for (Map<String, Object> row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("table", table);
            line.put("row", plain(row));
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
        out.flush();
    }

    private static Map<String, Object> plain(Map<String, Object> row) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            Object v = e.getValue();
            try {
                if (v instanceof Clob clob) {
                    v = clob.getSubString(1, (int) clob.length());
                } else if (v instanceof Timestamp ts) {
                    v = ts.toInstant().toString();
                } else if (v instanceof OffsetDateTime odt) {
                    v = odt.toInstant().toString();
                } else if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    v = v.toString();
                }
            } catch (SQLException ex) {
                throw new IOException("cannot read " + e.getKey() + " to archive it", ex);
            }
            values.put(e.getKey(), v);
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("retention-archive");
        module.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        return new ObjectMapper().registerModule(module);
    }
}
