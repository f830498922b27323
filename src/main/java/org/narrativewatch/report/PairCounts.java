package org.narrativewatch.report;

import java.util.Map;
import java.util.TreeMap;

/** Counts keyed by a pair of strings, iterated in sorted order (first key, then second). */
final class PairCounts {
    private final TreeMap<String, TreeMap<String, Long>> counts = new TreeMap<>();

    void add(String first, String second, long n) {
        counts.computeIfAbsent(first, k -> new TreeMap<>()).merge(second, n, Long::sum);
    }

    long get(String first, String second) {
        Map<String, Long> row = counts.get(first);
        return row == null ? 0 : row.getOrDefault(second, 0L);
    }

    /** Second key to count for one first key; empty when the first key was never counted. */
    Map<String, Long> row(String first) {
        return counts.getOrDefault(first, new TreeMap<>());
    }

    Map<String, TreeMap<String, Long>> all() {
        return counts;
    }
}
