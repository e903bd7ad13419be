package io.tradebook.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tradebook version}: prints the version of this build and the Java it runs on. */
@Command(name = "version", description = "Print the Tradebook version.")
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }

    /** Reads the version from the jar manifest; "development" when run from classes. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TradebookCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                "tradebook " + (version == null ? "development" : version),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
