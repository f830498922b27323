package org.narrativewatch.narratives;

import org.narrativewatch.doc.Doc;
import org.narrativewatch.pipeline.Stage;

/**
 * The narrative layer: which catalog narratives the article carries, each with its evidence.
 * Reads tokens (lemma, POS), sentences and tracked entities; runs last.
 */
public final class NarrativeStage implements Stage {
    public static final String NAME = "narratives";

    private final NarrativeMatcher matcher;

    public NarrativeStage(NarrativeMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void process(Doc doc) {
        doc.setNarratives(matcher.match(doc));
    }
}
