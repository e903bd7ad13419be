package io.tradebook.cli;

import io.tradebook.core.strategies.StrategyCatalog;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the commands find strategy plugins: {@code --plugins DIR} when given, else the folder
 * named by {@code TRADEBOOK_PLUGINS}, else {@code ./plugins} if there is one; without any, the
 * built-in strategies only. A folder that was asked for and does not exist, and a plugin that
 * cannot be loaded, are bad input. Stateless.
 */
final class Plugins {
    /** The environment variable naming the plugins folder. */
    static final String VARIABLE = "TRADEBOOK_PLUGINS";

    private Plugins() {
    }

    static StrategyCatalog catalog(Path option) {
        Path folder = option;
        String what = "--plugins";
        if (folder == null && System.getenv(VARIABLE) != null && !System.getenv(VARIABLE).isBlank()) {
            folder = Path.of(System.getenv(VARIABLE));
            what = VARIABLE;
        }
        if (folder == null) {
            Path local = Path.of("plugins");
            if (!Files.isDirectory(local)) {
                return StrategyCatalog.builtIn();
            }
            folder = local;
            what = "./plugins";
        }
        if (!Files.isDirectory(folder)) {
            throw new UserInputException(what + ": no such directory: " + folder);
        }
        try {
            return StrategyCatalog.withPlugins(folder);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(what + " " + folder + ": " + e.getMessage(), e);
        }
    }
}
