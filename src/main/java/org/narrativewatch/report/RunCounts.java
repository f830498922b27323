package org.narrativewatch.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run counted, kept for the next run's "what is new": articles in all, and articles
 * per narrative and per tracked entity.
 */
record RunCounts(long articles, Map<String, Long> narratives, Map<String, Long> entities) {
    RunCounts {
        narratives = new TreeMap<>(narratives);
        entities = new TreeMap<>(entities);
    }
}
