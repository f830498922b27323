package org.narrativewatch.pipeline;

import org.narrativewatch.doc.Doc;

/**
 * One pipeline component: reads the layers earlier stages set on a {@link Doc} and adds its own.
 * Implementations hold only immutable, shared state (loaded models, catalogs) and are called
 * concurrently from several worker threads.
 */
public interface Stage {
    /** A short name used in timings and error messages. */
    String name();

    void process(Doc doc);
}
