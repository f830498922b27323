package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase of a catalog indexed by what its first token must be, so one left-to-right pass over
 * a sentence tries at each token only the phrases that can start there, instead of rescanning the
 * sentence once per rule. Each phrase carries an integer tag (the slot or group it feeds).
 */
final class PhraseIndex {
    /** A phrase and the tag its matches are reported under. */
    record Entry(Phrase phrase, int tag) {
    }

    /** Receives each match: tag, first token, end token (exclusive). */
    interface Sink {
        void match(int tag, int start, int end);
    }

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final Map<Integer, List<Entry>> byFirstGroup = new HashMap<>();
    private final List<Entry> anywhere = new ArrayList<>();

    void add(Phrase phrase, int tag) {
        Entry e = new Entry(phrase, tag);
        Set<String> words = phrase.firstWords();
        Term first = phrase.terms().get(0);
        if (words != null) {
            for (String w : words) {
                byFirstWord.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
            }
        } else if (first instanceof Term.GroupRef g && !g.optional()
                && (g.word() == null || Phrase.startWords(g.word()) != null)) {
            for (int group : g.groups()) {
                byFirstGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(e);
            }
            if (g.word() != null) {
                Phrase.startWords(g.word()).forEach(w -> byFirstWord.computeIfAbsent(w, k -> new ArrayList<>()).add(e));
            }
        } else {
            anywhere.add(e);
        }
    }

    void scan(SentenceView s, Sink sink) {
        for (int pos = s.first(); pos < s.end(); pos++) {
            List<Entry> byLemma = byFirstWord.get(s.lemma(pos));
            if (byLemma != null) {
                tryAll(byLemma, s, pos, sink);
            }
            if (!s.lower(pos).equals(s.lemma(pos))) {
                List<Entry> byText = byFirstWord.get(s.lower(pos));
                if (byText != null) {
                    tryAll(byText, s, pos, sink);
                }
            }
            tryAll(anywhere, s, pos, sink);
        }
        for (Map.Entry<Integer, List<Entry>> e : byFirstGroup.entrySet()) {
            for (Mention m : List.copyOf(s.mentions(e.getKey()))) {
                tryAll(e.getValue(), s, m.start(), sink);
            }
        }
    }

    private static void tryAll(List<Entry> entries, SentenceView s, int pos, Sink sink) {
        for (Entry e : entries) {
            int end = e.phrase().match(s, pos);
            if (end > pos) {
                sink.match(e.tag(), pos, end);
            }
        }
    }
}
