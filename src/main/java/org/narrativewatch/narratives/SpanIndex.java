package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Spans [start, end) of tokens (a sentence's group mentions, or the matches of one phrase list) or of
 * characters (an article's entities), looked up by where they start and end. A sentence of n tokens can
 * hold O(n) of them and the matcher looks them up at up to every token, so a scan of all of them per
 * lookup would make one long sentence cost O(n^2); a lookup here costs O(log n) plus what it returns.
 * Every lookup returns what a scan in the order the spans were found would: of equal candidates, the one
 * found first, and several spans in the order found, so the evidence does not depend on the index.
 * Immutable once built.
 */
final class SpanIndex<T> {
    private final List<T> found;
    /** The spans sorted by start, then in the order found. */
    private final List<T> sortedByStart;
    private final int[] starts;
    private final int[] ends;
    /** Found positions sorted by start, then by position: {@code start << 32 | position}. */
    private final long[] byStart;
    /** Found positions sorted by end, then by position: {@code end << 32 | position}. */
    private final long[] byEnd;
    /** Tokens in the longest span, so that the spans overlapping a range start in a window of known width. */
    private final int longest;

    SpanIndex(List<T> found, ToIntFunction<T> start, ToIntFunction<T> end) {
        this.found = List.copyOf(found);
        int n = this.found.size();
        starts = new int[n];
        ends = new int[n];
        byStart = new long[n];
        byEnd = new long[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            T span = this.found.get(i);
            starts[i] = start.applyAsInt(span);
            ends[i] = end.applyAsInt(span);
            byStart[i] = (long) starts[i] << 32 | i;
            byEnd[i] = (long) ends[i] << 32 | i;
            max = Math.max(max, ends[i] - starts[i]);
        }
        Arrays.sort(byStart);
        Arrays.sort(byEnd);
        longest = max;
        List<T> sorted = new ArrayList<>(n);
        for (long entry : byStart) {
            sorted.add(this.found.get(position(entry)));
        }
        sortedByStart = sorted;
    }

    /** The spans that start at token {@code pos}, in the order found. */
    List<T> startingAt(int pos) {
        int from = firstAtOrAfter(byStart, pos);
        if (from == byStart.length || key(byStart[from]) != pos) {
            return List.of();
        }
        return sortedByStart.subList(from, firstAtOrAfter(byStart, pos + 1));
    }

    /** The spans that share at least one position with [from, to), in the order found. */
    List<T> overlapping(int from, int to) {
        int first = firstAtOrAfter(byStart, from - longest + 1);
        int last = firstAtOrAfter(byStart, to);
        int[] positions = new int[Math.max(0, last - first)];
        int count = 0;
        for (int k = first; k < last; k++) {
            int i = position(byStart[k]);
            if (ends[i] > from) {
                positions[count++] = i;
            }
        }
        Arrays.sort(positions, 0, count);
        List<T> spans = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            spans.add(found.get(positions[k]));
        }
        return spans;
    }

    /**
     * The span ending nearest before token {@code pos} (at or before it), at most {@code within} tokens
     * before it (0: at any distance), or null.
     */
    T endingLastBy(int pos, int within) {
        int k = firstAtOrAfter(byEnd, pos + 1) - 1;
        if (k < 0 || within != 0 && pos - key(byEnd[k]) > within) {
            return null;
        }
        return found.get(position(byEnd[firstAtOrAfter(byEnd, key(byEnd[k]))]));
    }

    /**
     * The span starting nearest after token {@code pos} (at or after it), at most {@code within} tokens
     * after it (0: at any distance), or null.
     */
    T startingFirstFrom(int pos, int within) {
        int k = firstAtOrAfter(byStart, pos);
        if (k == byStart.length || within != 0 && key(byStart[k]) - pos > within) {
            return null;
        }
        return found.get(position(byStart[k]));
    }

    /**
     * The span nearest to tokens [from, to): one that overlaps or touches it, else the one with the fewest
     * tokens between them, at most {@code within} (0: at any distance); null when there is none.
     */
    T nearest(int from, int to, int within) {
        int best = -1;
        for (int k = firstAtOrAfter(byStart, from - longest); k < byStart.length && key(byStart[k]) <= to; k++) {
            int i = position(byStart[k]);
            if (ends[i] >= from && (best < 0 || i < best)) {
                best = i;
            }
        }
        if (best >= 0) {
            return found.get(best);
        }
        // None overlaps: every span lies wholly after the range or wholly before it.
        int after = firstAtOrAfter(byStart, to + 1);
        int before = firstAtOrAfter(byEnd, from) - 1;
        int afterDistance = after < byStart.length ? key(byStart[after]) - to : Integer.MAX_VALUE;
        int beforeDistance = before >= 0 ? from - key(byEnd[before]) : Integer.MAX_VALUE;
        int distance = Math.min(afterDistance, beforeDistance);
        if (distance == Integer.MAX_VALUE || within != 0 && distance > within) {
            return null;
        }
        if (afterDistance == distance) {
            best = position(byStart[after]);
        }
        if (beforeDistance == distance) {
            int first = position(byEnd[firstAtOrAfter(byEnd, key(byEnd[before]))]);
            best = best < 0 ? first : Math.min(best, first);
        }
        return found.get(best);
    }

    private static int key(long entry) {
        return (int) (entry >>> 32);
    }

    private static int position(long entry) {
        return (int) entry;
    }

    /** Index of the first entry whose key is at least {@code key}. */
    private static int firstAtOrAfter(long[] sorted, int key) {
        long target = (long) Math.max(key, 0) << 32;
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
