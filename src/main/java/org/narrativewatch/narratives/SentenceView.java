package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Sentence;

/**
 * One sentence as the matcher sees it: token lemmas, texts and lower-cased texts (indices are the
 * article's token indices) and, per group, the group's mentions in the sentence. Made and read by one
 * thread, for one article: the indexes it builds on demand are its own.
 */
final class SentenceView {
    private final String[] lemmas;
    private final String[] lowers;
    private final String[] texts;
    private final int first;
    private final int end;
    private final List<List<Mention>> mentionsByGroup;
    /** Per group, the token spans [start, end) of its mentions as {@code start << 32 | end}, to add each once. */
    private final Set<Long>[] spansByGroup;
    /** Per group, its mentions indexed by position, built on the first lookup after the last mention added. */
    private final SpanIndex<Mention>[] indexByGroup;

    @SuppressWarnings("unchecked")
    SentenceView(String[] lemmas, String[] lowers, String[] texts, int first, int end, int groupCount) {
        this.lemmas = lemmas;
        this.lowers = lowers;
        this.texts = texts;
        this.first = first;
        this.end = end;
        this.mentionsByGroup = new ArrayList<>(groupCount);
        this.spansByGroup = new Set[groupCount];
        this.indexByGroup = new SpanIndex[groupCount];
        for (int i = 0; i < groupCount; i++) {
            mentionsByGroup.add(new ArrayList<>(0));
        }
    }

    /** Every sentence of the article, without group mentions: for what reads sentences beside the one matched. */
    static SentenceView[] ofSentences(Doc doc, String[] lemmas, String[] lowers, String[] texts) {
        SentenceView[] views = new SentenceView[doc.sentences().size()];
        for (Sentence s : doc.sentences()) {
            views[s.index()] = new SentenceView(lemmas, lowers, texts, s.firstToken(), s.endToken(), 0);
        }
        return views;
    }

    int first() {
        return first;
    }

    int end() {
        return end;
    }

    String lemma(int i) {
        return lemmas[i];
    }

    String lower(int i) {
        return lowers[i];
    }

    String text(int i) {
        return texts[i];
    }

    /** The group's mentions in the order they were added. */
    List<Mention> mentions(int group) {
        return mentionsByGroup.get(group);
    }

    /** The group's mentions, looked up by where they start and end. */
    SpanIndex<Mention> mentionIndex(int group) {
        if (indexByGroup[group] == null) {
            indexByGroup[group] = new SpanIndex<>(mentionsByGroup.get(group), Mention::start, Mention::end);
        }
        return indexByGroup[group];
    }

    /** Adds a mention of the group unless one with the same tokens is there already (the first one stays). */
    void addMention(int group, Mention m) {
        if (spansByGroup[group] == null) {
            spansByGroup[group] = new HashSet<>();
        }
        if (spansByGroup[group].add((long) m.start() << 32 | m.end())) {
            mentionsByGroup.get(group).add(m);
            indexByGroup[group] = null;
        }
    }
}
