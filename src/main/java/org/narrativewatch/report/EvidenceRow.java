package org.narrativewatch.report;

import java.util.Comparator;
import java.util.List;

/**
 * One piece of narrative evidence with the article it comes from, as listed in the top evidence
 * table. {@code title} is the record's, null when the article has none (the HTML pages show the id
 * instead). {@code stance} is the evidence's as the record names it (null in records written before
 * 0.4.0). {@code page} is the article page, relative to the report folder, with the anchor of the
 * evidence in it.
 */
record EvidenceRow(String narrative, String articleId, String title, String url, String source, String day,
                   int sentence, int start, int end, String text, String sentenceText, String rule, double weight,
                   double score, List<String> entities, String attributedTo, String stance, String page) {

    /** Strongest first: weight, then narrative score; ties broken by article and position so the order is stable. */
    static final Comparator<EvidenceRow> BEST_FIRST = Comparator.comparingDouble(EvidenceRow::weight).reversed()
            .thenComparing(Comparator.comparingDouble(EvidenceRow::score).reversed())
            .thenComparing(EvidenceRow::articleId)
            .thenComparingInt(EvidenceRow::start);
}
