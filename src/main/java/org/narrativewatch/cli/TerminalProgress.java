package org.narrativewatch.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.narrativewatch.job.Progress;

/** A progress bar on stderr (done/total, rate, ETA), for runs watched from a terminal. */
final class TerminalProgress implements Progress {
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
