package org.narrativewatch.doc;

import java.util.List;

/** A narrative the article carries, with its score and every piece of evidence. */
public record NarrativeHit(String id, String title, double score, List<Evidence> evidence) {
    public NarrativeHit {
        evidence = List.copyOf(evidence);
    }
}
