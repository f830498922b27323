package org.narrativewatch.doc;

import java.util.List;

/**
 * One piece of evidence for a narrative hit: the rule that fired, where, the matched text, the
 * tracked entities involved and, when the claim is reported speech, who it is attributed to.
 */
public record Evidence(String rule, int sentence, int start, int end, String text, List<String> entities,
                       String attributedTo, double weight) {
    public Evidence {
        entities = List.copyOf(entities);
    }
}
