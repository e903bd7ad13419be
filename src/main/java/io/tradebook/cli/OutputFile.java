package io.tradebook.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file a command writes whole or not at all: checked before any work (its folder exists, it is
 * not a folder), written to a temporary file beside it and moved into place when complete, so a
 * failure leaves nothing behind and a reader never sees half a file. Immutable.
 */
record OutputFile(String option, Path path) {

    /** Body of a file: writes text to the writer. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    /** Checks {@code path} as the value of {@code option}; refuses a missing folder or a folder. */
    static OutputFile checked(String option, Path path) {
        Path target = path.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new UserInputException(option + ": no such directory: " + directory);
        }
        if (Files.isDirectory(target)) {
            throw new UserInputException(option + ": " + path + " is a directory");
        }
        return new OutputFile(option, target);
    }

    /** Writes the file through {@code body}, UTF-8, atomically. */
    void write(Body body) throws IOException {
        Path temporary = Files.createTempFile(path.getParent(), "." + path.getFileName() + "-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
