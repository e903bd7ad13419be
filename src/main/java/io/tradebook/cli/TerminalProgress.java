package io.tradebook.cli;

import io.tradebook.core.backtest.BacktestProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long runs (me.tongfei progressbar), shown only when
 * standard error is a terminal, so piped or captured output never contains it. Close it when the
 * run ends. Mutable; driven from the run's thread.
 */
final class TerminalProgress implements BacktestProgress, AutoCloseable {
    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar counting {@code unit}s of {@code task} when {@code wanted} and standard error is a terminal; else nothing is shown. */
    static TerminalProgress open(String task, String unit, boolean wanted) {
        if (!wanted || !standardErrorIsTerminal()) {
            return new TerminalProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1).setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new TerminalProgress(bar);
    }

    /** On Linux, whether file descriptor 2 is a terminal device; elsewhere, whether the JVM has a console. */
    static boolean standardErrorIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console test
        }
        return System.console() != null;
    }

    @Override
    public void advanced(long done, long total) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
