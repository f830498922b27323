package org.narrativewatch.narratives;

import java.util.List;
import java.util.Set;

/** One position of a phrase pattern. */
sealed interface Term {
    /** Whether the phrase may skip this term. */
    boolean optional();

    /**
     * A token whose lemma or lower-cased text is one of {@code words}, starts with one of
     * {@code prefixes}, or whose text is exactly one of {@code exact} (case-sensitive, for "US" versus "us").
     */
    record Word(Set<String> words, List<String> prefixes, Set<String> exact, boolean optional) implements Term {
        boolean matches(String lemma, String lower, String text) {
            if (words.contains(lemma) || words.contains(lower) || exact.contains(text)) {
                return true;
            }
            for (String p : prefixes) {
                if (lemma.startsWith(p) || lower.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Any single token ({@code *}). */
    record AnyToken(boolean optional) implements Term {
    }

    /** Zero to {@code max} arbitrary tokens ({@code ...}). */
    record Gap(int max) implements Term {
        @Override
        public boolean optional() {
            return true;
        }
    }

    /**
     * A mention of one of the groups (a tracked entity of the group or one of its words), or, when
     * {@code word} is not null, a single token it matches ({@code @a|@b|word}).
     */
    record GroupRef(List<Integer> groups, Word word, boolean optional) implements Term {
    }
}
