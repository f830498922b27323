package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.List;

/**
 * One sentence as the matcher sees it: token lemmas, texts and lower-cased texts (indices are the
 * article's token indices) and, per group, the group's mentions in the sentence.
 */
final class SentenceView {
    private final String[] lemmas;
    private final String[] lowers;
    private final String[] texts;
    private final int first;
    private final int end;
    private final List<List<Mention>> mentionsByGroup;

    SentenceView(String[] lemmas, String[] lowers, String[] texts, int first, int end, int groupCount) {
        this.lemmas = lemmas;
        this.lowers = lowers;
        this.texts = texts;
        this.first = first;
        this.end = end;
        this.mentionsByGroup = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            mentionsByGroup.add(new ArrayList<>(0));
        }
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

    List<Mention> mentions(int group) {
        return mentionsByGroup.get(group);
    }

    void addMention(int group, Mention m) {
        List<Mention> list = mentionsByGroup.get(group);
        for (Mention existing : list) {
            if (existing.start() == m.start() && existing.end() == m.end()) {
                return;
            }
        }
        list.add(m);
    }
}
