package org.narrativewatch.job;

import java.util.Map;

/** What a run did, as written to summary.json. */
public record RunSummary(long inputFiles, long articlesRead, long analyzed, long skipped, long errors,
                         long tokens, long sentences, long entities, long narrativeHits,
                         Map<String, Long> languages, double wallSeconds) {
}
