package io.tradebook.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server secret (the credential master keyset, the token signing key) comes from: a value
 * given directly (an environment variable), else a file, which is created with a fresh secret and
 * permissions {@code 600} on first start if absent. Immutable. {@link #toString()} never shows the
 * value.
 *
 * <p>Refuses a file that exists but is empty, and warns (without refusing) about a file that
 * others than its owner can read.
 *
 * @param value the secret itself, or null to use the file
 * @param file  where the secret is kept when no value is given; never null
 */
public record SecretSource(String value, Path file) {
    private static final Logger LOG = LoggerFactory.getLogger(SecretSource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public SecretSource {
        if (value != null && value.isBlank()) {
            value = null;
        }
        if (value == null && file == null) {
            throw new IllegalArgumentException("a secret needs a value or a file");
        }
    }

    /** A secret given directly. */
    public static SecretSource of(String value) {
        return new SecretSource(value, null);
    }

    /** A secret kept in {@code file}. */
    public static SecretSource file(Path file) {
        return new SecretSource(null, file);
    }

    /** The secret: the value, else the file's content, else a new secret from {@code create} written to the file. */
    public String load(Supplier<String> create) {
        if (value != null) {
            return value.trim();
        }
        try {
            if (!Files.exists(file)) {
                createFile(create.get());
            }
            warnIfShared();
            String content = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (content.isEmpty()) {
                throw new IllegalStateException("secret file " + file + " is empty");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    private void createFile(String secret) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file); // refuses to replace a file another process created meanwhile
            LOG.info("created secret file {} (permissions 600)", file);
        } catch (FileAlreadyExistsException raced) {
            LOG.debug("secret file {} was created concurrently; using it", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void warnIfShared() throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("secret file {} can be read by others ({}); chmod 600 it", file, PosixFilePermissions.toString(permissions));
        }
    }

    @Override
    public String toString() {
        return value != null ? "SecretSource[value=<given>]" : "SecretSource[file=" + file + "]";
    }
}
