package org.narrativewatch.report;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts keyed by a pair of strings. Counting uses hash maps (it runs for every article);
 * reading gives sorted maps (first key, then second), so every output has a fixed order.
 */
final class PairCounts {
    private final Map<String, Map<String, long[]>> counts = new HashMap<>();

    void add(String first, String second, long n) {
        counts.computeIfAbsent(first, k -> new HashMap<>()).computeIfAbsent(second, k -> new long[1])[0] += n;
    }

    long get(String first, String second) {
        Map<String, long[]> row = counts.get(first);
        long[] n = row == null ? null : row.get(second);
        return n == null ? 0 : n[0];
    }

    /** Second key to count for one first key, sorted; empty when the first key was never counted. */
    TreeMap<String, Long> row(String first) {
        TreeMap<String, Long> out = new TreeMap<>();
        counts.getOrDefault(first, Map.of()).forEach((k, n) -> out.put(k, n[0]));
        return out;
    }

    /** Every count, sorted by first key, then second key. */
    TreeMap<String, TreeMap<String, Long>> all() {
        TreeMap<String, TreeMap<String, Long>> out = new TreeMap<>();
        counts.keySet().forEach(first -> out.put(first, row(first)));
        return out;
    }
}
