package org.narrativewatch.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run counted, kept for the next run's "what is new": articles in all, articles per
 * narrative and per tracked entity, and which records it counted ({@code records}, see
 * {@link Aggregates#recordsDigest}), so that a run over other records with the same counts is not
 * taken for a rerun. {@code records} is null in a state file written before it was kept.
 */
record RunCounts(long articles, Map<String, Long> narratives, Map<String, Long> entities, String records) {
    RunCounts {
        narratives = new TreeMap<>(narratives);
        entities = new TreeMap<>(entities);
    }

    /**
     * Whether this run, saved before, counted {@code current}'s records as {@code current} counts them:
     * the same records and the same counts. A run saved without its records matches on the counts
     * alone, as every run did before the records were kept.
     */
    boolean sameRun(RunCounts current) {
        boolean sameCounts = articles == current.articles && narratives.equals(current.narratives)
                && entities.equals(current.entities);
        return sameCounts && (records == null || records.equals(current.records));
    }
}
