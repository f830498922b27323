package org.narrativewatch.doc;

import java.util.List;

/**
 * One piece of evidence for a narrative hit: the rule that fired, where, the matched text, the
 * tracked entities involved, who the claim is attributed to when it is reported speech, and how the
 * article stands to it there.
 */
public record Evidence(String rule, int sentence, int start, int end, String text, List<String> entities,
                       String attributedTo, Stance stance, double weight) {
    public Evidence {
        entities = List.copyOf(entities);
    }
}
