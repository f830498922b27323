package org.narrativewatch.job;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The analysis threads: a fixed number of working threads, plus any number of stuck ones. An
 * article over its time budget cannot be stopped (CoreNLP ignores interrupts), so its thread is
 * written off: the pool grows by one so that the run keeps its full number of working threads,
 * and shrinks again when the stuck thread finally finishes.
 */
final class WorkerPool {
    private final ThreadPoolExecutor executor;

    WorkerPool(int threads) {
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nw-worker");
            t.setDaemon(true); // a thread stuck in an endless article must not keep the JVM alive
            return t;
        });
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    /** One worker is stuck in an article the run gave up on: start another in its place. */
    synchronized void replaceStuckWorker() {
        executor.setMaximumPoolSize(executor.getMaximumPoolSize() + 1);
        executor.setCorePoolSize(executor.getCorePoolSize() + 1);
    }

    /** A stuck worker finished after all; the pool goes back down by one when a thread is idle. */
    synchronized void stuckWorkerFinished() {
        executor.setCorePoolSize(executor.getCorePoolSize() - 1);
        executor.setMaximumPoolSize(executor.getMaximumPoolSize() - 1);
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
