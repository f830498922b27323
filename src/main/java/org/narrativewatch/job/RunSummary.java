package org.narrativewatch.job;

import java.util.Map;

/**
 * What a run did, as written to summary.json.
 *
 * @param reused       articles whose layers an earlier run into the same folder had computed, not analysed again
 * @param partlyReused articles of which only the stages whose catalog changed were run again
 */
public record RunSummary(long inputFiles, long articlesRead, long analyzed, long skipped, long errors,
                         long tokens, long sentences, long entities, long narrativeHits,
                         Map<String, Long> languages, double wallSeconds, long reused, long partlyReused) {
}
