package org.narrativewatch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The best K pieces of evidence per narrative, from at most one article each so that a single
 * long article cannot fill the list. Memory is K rows per narrative however many articles pass.
 */
final class TopEvidence {
    private final int perNarrative;
    private final Map<String, PriorityQueue<EvidenceRow>> kept = new TreeMap<>();

    TopEvidence(int perNarrative) {
        this.perNarrative = perNarrative;
    }

    /** Offers an article's best evidence for a narrative. */
    void offer(EvidenceRow row) {
        if (perNarrative <= 0) {
            return;
        }
        PriorityQueue<EvidenceRow> heap = kept.computeIfAbsent(row.narrative(),
                k -> new PriorityQueue<>(EvidenceRow.BEST_FIRST.reversed()));
        if (heap.size() < perNarrative) {
            heap.add(row);
        } else if (EvidenceRow.BEST_FIRST.compare(row, heap.peek()) < 0) {
            heap.poll();
            heap.add(row);
        }
    }

    /** Narrative id to its kept evidence, best first. */
    Map<String, List<EvidenceRow>> best() {
        Map<String, List<EvidenceRow>> out = new TreeMap<>();
        kept.forEach((narrative, heap) -> {
            List<EvidenceRow> rows = new ArrayList<>(heap);
            rows.sort(EvidenceRow.BEST_FIRST);
            out.put(narrative, rows);
        });
        return out;
    }
}
