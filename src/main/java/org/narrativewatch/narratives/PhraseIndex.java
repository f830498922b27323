package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Prefix patterns ({@code nazi*}) are indexed by their first {@value #KEY} characters. */
    private static final int KEY = 3;

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final Map<String, List<Entry>> byFirstPrefix = new HashMap<>();
    private final Map<Integer, List<Entry>> byFirstGroup = new HashMap<>();
    private final List<Entry> anywhere = new ArrayList<>();

    void add(Phrase phrase, int tag) {
        Entry e = new Entry(phrase, tag);
        Set<String> words = phrase.firstWords();
        Term first = phrase.terms().get(0);
        if (first instanceof Term.Word w && !w.optional() && words == null && prefixIndexable(w)) {
            Phrase.startWords(w.withoutPrefixes()).forEach(k -> byFirstWord.computeIfAbsent(k, x -> new ArrayList<>()).add(e));
            for (String p : w.prefixes()) {
                byFirstPrefix.computeIfAbsent(p.substring(0, KEY), x -> new ArrayList<>()).add(e);
            }
        } else if (words != null) {
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

    /** Whether every prefix is long enough to be indexed and no hyphenated part starts with a prefix. */
    private static boolean prefixIndexable(Term.Word w) {
        return w.prefixes().stream().allMatch(p -> p.length() >= KEY)
                && w.hyphenated().stream().noneMatch(parts -> parts.get(0).endsWith("*"));
    }

    void scan(SentenceView s, Sink sink) {
        Set<Entry> tried = new HashSet<>();
        for (int pos = s.first(); pos < s.end(); pos++) {
            tried.clear();
            String lemma = s.lemma(pos);
            String lower = s.lower(pos);
            tryAll(byFirstWord.get(lemma), s, pos, sink, tried);
            tryAll(byFirstWord.get(lower), s, pos, sink, tried);
            if (lemma.length() >= KEY) {
                tryAll(byFirstPrefix.get(lemma.substring(0, KEY)), s, pos, sink, tried);
            }
            if (lower.length() >= KEY) {
                tryAll(byFirstPrefix.get(lower.substring(0, KEY)), s, pos, sink, tried);
            }
            tryAll(anywhere, s, pos, sink, tried);
        }
        for (Map.Entry<Integer, List<Entry>> e : byFirstGroup.entrySet()) {
            for (Mention m : s.mentions(e.getKey())) {
                tried.clear();
                tryAll(e.getValue(), s, m.start(), sink, tried);
            }
        }
    }

    /** Tries each entry not yet tried at this position (a phrase can be indexed under several keys). */
    private static void tryAll(List<Entry> entries, SentenceView s, int pos, Sink sink, Set<Entry> tried) {
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            if (!tried.add(e)) {
                continue;
            }
            int end = e.phrase().match(s, pos);
            if (end > pos) {
                sink.match(e.tag(), pos, end);
            }
        }
    }
}
