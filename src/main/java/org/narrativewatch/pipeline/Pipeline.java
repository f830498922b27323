package org.narrativewatch.pipeline;

import java.util.ArrayList;
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
        run(doc, 0, new ArrayList<>());
        return doc;
    }

    /**
     * The layers a stage reads: runs only the stages before the one named {@code stageName} (all of
     * them when no stage has that name).
     */
    public Doc processBefore(Article article, String stageName) {
        Doc doc = new Doc(article);
        int end = indexOf(stageName);
        run(doc, 0, end < 0 ? stages.size() : end, new ArrayList<>());
        return doc;
    }

    /**
     * Runs the stages from index {@code from} on (earlier layers are already on the doc) and
     * appends to {@code warningStages} the index of the stage that added each new warning.
     */
    public void run(Doc doc, int from, List<Integer> warningStages) {
        run(doc, from, stages.size(), warningStages);
    }

    private void run(Doc doc, int from, int to, List<Integer> warningStages) {
        for (int i = from; i < to && !doc.skipped(); i++) {
            long t0 = System.nanoTime();
            stages.get(i).process(doc);
            nanosByStage.addAndGet(i, System.nanoTime() - t0);
            while (warningStages.size() < doc.warnings().size()) {
                warningStages.add(i);
            }
        }
    }

    /** Index of the stage with this name, or -1. */
    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        return -1;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Summed CPU-side wall time of stage i over all articles so far, in nanoseconds. */
    public long nanos(int i) {
        return nanosByStage.get(i);
    }
}
