package io.tradebook.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tradebook} command line: the entry point of the executable jar. Exit codes: 0 done,
 * 1 the books disagree or an internal fault, 2 bad input (usage, a malformed file, a bad value).
 */
@Command(name = "tradebook",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Self-hosted algorithmic trading with exact books per account and strategy.",
        subcommands = {VersionCommand.class, ServeCommand.class, LedgerCommand.class, VerifyBooksCommand.class, DbCommand.class,
                ImportCommand.class, ExportCommand.class, IndicatorsCommand.class, StrategiesCommand.class, BacktestCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TradebookCommand implements Runnable {
    /** Exit code for input the user must fix. */
    static final int BAD_INPUT = 2;
    /** Exit code for books that do not agree with their journal. */
    static final int BOOKS_DIFFER = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TradebookCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserInputException) {
                commandLine.getErr().println("tradebook: " + e.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("tradebook: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return BOOKS_DIFFER;
        });
        return cli.execute(args);
    }
}
