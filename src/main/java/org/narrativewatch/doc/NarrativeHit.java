package org.narrativewatch.doc;

import java.util.List;

/** A narrative the article carries, with its score, the article's stance to it and every piece of evidence. */
public record NarrativeHit(String id, String title, double score, Stance stance, List<Evidence> evidence) {
    public NarrativeHit {
        evidence = List.copyOf(evidence);
    }
}
