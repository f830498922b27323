package org.narrativewatch.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;

/**
 * The models of this JVM, loaded by the first task that needs them and shared by every later task
 * of every job in the same executor. This is the one static cache in the project, on purpose:
 * Spark gives a task no hook that runs once per executor, and loading CoreNLP per task (let alone
 * per record) would cost seconds and gigabytes each time. Stages are thread-safe, so concurrent
 * tasks share one instance.
 */
final class ExecutorModels {
    private static final ConcurrentMap<PipelineOptions, Models> LOADED = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** The models for these options, loading them once; concurrent callers wait for that one load. */
    static Models get(PipelineOptions options) {
        return LOADED.computeIfAbsent(options, o -> {
            try {
                return Models.load(o);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load models: " + e.getMessage(), e);
            }
        });
    }
}
