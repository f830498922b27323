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
     * A hyphenated alternative ({@code russo-phob*}) also matches the tokens the tokenizer may split it
     * into ("Russo", "-", "phobic"); {@code hyphenated} holds those parts.
     */
    record Word(Set<String> words, List<String> prefixes, Set<String> exact, List<List<String>> hyphenated,
                boolean optional) implements Term {
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

        /** The same alternatives without the prefix patterns (for indexing by whole words). */
        Word withoutPrefixes() {
            return new Word(words, List.of(), exact, hyphenated, optional);
        }

        /** End of the match starting at token {@code pos} (one token, or a hyphen-split word), or -1. */
        int matchAt(SentenceView s, int pos) {
            if (pos >= s.end()) {
                return -1;
            }
            if (matches(s.lemma(pos), s.lower(pos), s.text(pos))) {
                return pos + 1;
            }
            for (List<String> parts : hyphenated) {
                int end = pos + 2 * parts.size() - 1;
                if (end > s.end()) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < parts.size() && all; k++) {
                    int t = pos + 2 * k;
                    all = part(parts.get(k), s.lower(t), s.lemma(t)) && (k == 0 || s.lower(t - 1).equals("-"));
                }
                if (all) {
                    return end;
                }
            }
            return -1;
        }

        private static boolean part(String part, String lower, String lemma) {
            if (part.endsWith("*")) {
                String prefix = part.substring(0, part.length() - 1);
                return lower.startsWith(prefix) || lemma.startsWith(prefix);
            }
            return lower.equals(part) || lemma.equals(part);
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
