package org.narrativewatch.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;

/**
 * The analysis stages in order. Thread-safe: stages hold only shared read-only state, and each
 * article gets its own {@link Doc}. Time spent per stage is summed across threads.
 */
public final class Pipeline {
    private final List<Stage> stages;
    private final AtomicLongArray nanosByStage;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
        this.nanosByStage = new AtomicLongArray(stages.size());
    }

    public Doc process(Article article) {
        Doc doc = new Doc(article);
        for (int i = 0; i < stages.size() && !doc.skipped(); i++) {
            long t0 = System.nanoTime();
            stages.get(i).process(doc);
            nanosByStage.addAndGet(i, System.nanoTime() - t0);
        }
        return doc;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Summed CPU-side wall time of stage i over all articles so far, in nanoseconds. */
    public long nanos(int i) {
        return nanosByStage.get(i);
    }
}
