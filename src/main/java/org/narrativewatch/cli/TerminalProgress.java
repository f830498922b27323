package org.narrativewatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.narrativewatch.job.Progress;

/**
 * A progress bar on stderr (done/total, rate, ETA), for runs watched from a terminal; and the one
 * place that decides whether a person is watching stderr ({@link #stderrIsTerminal()}), which is
 * when the bar and the closing messages of a run are worth writing there.
 */
final class TerminalProgress implements Progress {
    /** On Linux, what the process's stderr (file descriptor 2) is. */
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private final ProgressBar bar;

    TerminalProgress(long expectedTotal, PrintStream err) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("analyze")
                .setInitialMax(expectedTotal)
                .setUnit(" articles", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    /**
     * Whether standard error is a terminal. Java 17 cannot ask that of stderr itself (System.console()
     * answers for stdin and stdout), so on Linux this reads what /proc/self/fd/2 links to; elsewhere it
     * falls back to System.console().
     */
    static boolean stderrIsTerminal() {
        return isTerminal(linkTarget(STDERR_LINK), System.console() != null);
    }

    /**
     * The decision: stderr is a terminal when its file descriptor links to a terminal device (a
     * pseudo-terminal {@code /dev/pts/N}, a {@code /dev/tty*} device or {@code /dev/console}), not a
     * file, a pipe, a socket or /dev/null.
     *
     * @param stderrTarget what the descriptor links to, or null where that cannot be read (no /proc)
     * @param console      whether the JVM has a console, the answer when {@code stderrTarget} is null
     */
    static boolean isTerminal(String stderrTarget, boolean console) {
        if (stderrTarget == null) {
            return console;
        }
        return stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty")
                || stderrTarget.equals("/dev/console");
    }

    /** What a symbolic link points to, or null when it cannot be read (no such file, no /proc). */
    static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    @Override
    public void step() {
        bar.step();
        if (bar.getCurrent() > bar.getMax()) {
            bar.maxHint(bar.getCurrent());
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
