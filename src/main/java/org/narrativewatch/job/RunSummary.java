package org.narrativewatch.job;

import java.util.Map;
import org.narrativewatch.doc.Stance;

/**
 * What a run did, as written to summary.json.
 *
 * @param narrativeHitsByStance the narrative hits by the article's stance to the narrative (asserts, reports,
 *                     disputes); they add up to {@code narrativeHits}, as the analysis gives every hit a stance
 * @param reused       articles whose layers an earlier run into the same folder had computed, not analysed again
 * @param partlyReused articles of which only the stages whose catalog changed were run again
 */
public record RunSummary(long inputFiles, long articlesRead, long analyzed, long skipped, long errors,
                         long tokens, long sentences, long entities, long narrativeHits,
                         Map<Stance, Long> narrativeHitsByStance, Map<String, Long> languages, double wallSeconds,
                         long reused, long partlyReused) {
}
