package org.narrativewatch.narratives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every lookup of the index returns what a scan of the spans in the order found returns (the scans the
 * matcher made before it had the index): the same span, of equals the one found first.
 */
class SpanIndexTest {
    @Test
    void everyLookupEqualsAScanInTheOrderFound() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<int[]> spans = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                int start = random.nextInt(30);
                spans.add(new int[] {start, start + 1 + random.nextInt(4)}); // equal spans too
            }
            SpanIndex<int[]> index = new SpanIndex<>(spans, s -> s[0], s -> s[1]);
            for (int pos = 0; pos < 36; pos++) {
                int from = pos;
                assertEquals(spans.stream().filter(s -> s[0] == from).toList(), index.startingAt(from));
                for (int within : new int[] {0, 1, 3}) {
                    assertSame(endingLastBy(spans, from, within), index.endingLastBy(from, within));
                    assertSame(startingFirstFrom(spans, from, within), index.startingFirstFrom(from, within));
                }
                for (int to = from + 1; to < from + 6; to++) {
                    int end = to;
                    assertEquals(spans.stream().filter(s -> s[0] < end && s[1] > from).toList(),
                            index.overlapping(from, to));
                    for (int within : new int[] {0, 1, 3}) {
                        assertSame(nearest(spans, from, to, within), index.nearest(from, to, within),
                                "[" + from + ", " + to + ") within " + within);
                    }
                }
            }
        }
    }

    private static int[] endingLastBy(List<int[]> spans, int pos, int within) {
        int[] best = null;
        for (int[] s : spans) {
            if (s[1] <= pos && (within == 0 || pos - s[1] <= within) && (best == null || s[1] > best[1])) {
                best = s;
            }
        }
        return best;
    }

    private static int[] startingFirstFrom(List<int[]> spans, int pos, int within) {
        int[] best = null;
        for (int[] s : spans) {
            if (s[0] >= pos && (within == 0 || s[0] - pos <= within) && (best == null || s[0] < best[0])) {
                best = s;
            }
        }
        return best;
    }

    private static int[] nearest(List<int[]> spans, int from, int to, int within) {
        int[] best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int[] s : spans) {
            int distance = Math.max(0, Math.max(s[0] - to, from - s[1]));
            if ((within == 0 || distance <= within) && distance < bestDistance) {
                best = s;
                bestDistance = distance;
            }
        }
        return best;
    }
}
