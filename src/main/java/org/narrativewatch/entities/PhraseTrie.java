package org.narrativewatch.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trie of phrases over {@link PhraseTokens}: one walk per token position finds every phrase
 * starting there, so matching costs the length of the text times the depth of the longest phrase,
 * whatever the number of phrases (no regular expression per name). Matches are leftmost-longest and
 * never overlap.
 *
 * <p>The trie is keyed on lower-case tokens; whether a candidate really matches is decided on the
 * exact forms. A phrase matched as a name is accepted as written, all in capitals (headlines:
 * "RUSSIA"), or with the first letter of any of its words upper-cased: the first (sentence start:
 * "Al-Assad") or the lower-case words inside it (headlines in title case: "Council Of Europe", "Sea Of
 * Azov"). In a trie of {@link
 * Case#WORDS}, a phrase written in lower case is a common word and is accepted in any case ("county",
 * "County", "COUNTY"), while one with a capital letter is a name ("Bill" does not match "bill").
 *
 * @param <T> what a phrase stands for
 */
final class PhraseTrie<T> {
    /** How the case of a phrase must match the text. */
    enum Case {
        /** Every phrase is a name. */
        NAMES,
        /** A phrase in lower case matches in any case; one with a capital letter is a name. */
        WORDS
    }

    /** A phrase as added: its tokens, value, and whether it matches in any case. */
    record Phrase<T>(List<PhraseTokens.Tok> tokens, T value, boolean anyCase) {
    }

    /** A match: the text tokens [first, end) and the phrases that matched there (at least one). */
    record Hit<T>(int first, int end, int start, int endChar, List<T> values) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>();
        final List<Phrase<T>> phrases = new ArrayList<>(1);
    }

    private final Node<T> root = new Node<>();
    private final Case mode;
    private int size;

    PhraseTrie(Case mode) {
        this.mode = mode;
    }

    /**
     * Adds a phrase; returns false (and adds nothing) when a phrase with an equal value that matches
     * wherever this one does is already there. When the same phrase has several values, the first
     * added is listed first.
     */
    boolean add(String phrase, T value) {
        List<PhraseTokens.Tok> tokens = PhraseTokens.of(phrase);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("phrase without tokens: '" + phrase + "'");
        }
        Node<T> node = root;
        for (PhraseTokens.Tok t : tokens) {
            node = node.next.computeIfAbsent(t.key(), k -> new Node<>());
        }
        Phrase<T> added = new Phrase<>(tokens, value, mode == Case.WORDS && phrase.equals(phrase.toLowerCase(Locale.ROOT)));
        for (Phrase<T> p : node.phrases) {
            if (p.value().equals(value) && covers(p, added)) {
                return false;
            }
        }
        node.phrases.add(added);
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** Leftmost-longest, non-overlapping matches in the tokens of a text. */
    List<Hit<T>> find(List<PhraseTokens.Tok> text) {
        List<Hit<T>> hits = new ArrayList<>();
        int i = 0;
        while (i < text.size()) {
            Hit<T> longest = null;
            Node<T> node = root;
            for (int j = i; j < text.size(); j++) {
                PhraseTokens.Tok t = text.get(j);
                if (j > i && t.gap() == PhraseTokens.BREAK) {
                    break;
                }
                node = node.next.get(t.key());
                if (node == null) {
                    break;
                }
                List<T> values = accepted(node, text, i, j + 1);
                if (!values.isEmpty()) {
                    longest = new Hit<>(i, j + 1, text.get(i).start(), t.end(), values);
                }
            }
            if (longest != null) {
                hits.add(longest);
                i = longest.end();
            } else {
                i++;
            }
        }
        return hits;
    }

    private List<T> accepted(Node<T> node, List<PhraseTokens.Tok> text, int first, int end) {
        List<T> values = new ArrayList<>(1);
        for (Phrase<T> p : node.phrases) {
            if (gapsMatch(p.tokens(), text, first) && (p.anyCase() || caseMatches(p.tokens(), text, first))) {
                values.add(p.value());
            }
        }
        return values;
    }

    private static boolean gapsMatch(List<PhraseTokens.Tok> phrase, List<PhraseTokens.Tok> text, int first) {
        for (int k = 1; k < phrase.size(); k++) {
            if (phrase.get(k).gapBefore() != text.get(first + k).gapBefore()) {
                return false;
            }
        }
        return true;
    }

    private static boolean caseMatches(List<PhraseTokens.Tok> phrase, List<PhraseTokens.Tok> text, int first) {
        boolean capitals = true;
        boolean capitalisedWords = true;
        for (int k = 0; k < phrase.size(); k++) {
            String p = phrase.get(k).form();
            String s = text.get(first + k).form();
            capitals &= s.equals(p.toUpperCase(Locale.ROOT));
            capitalisedWords &= s.equals(p) || s.equals(capitalised(p));
        }
        return capitals || capitalisedWords;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * Whether phrase {@code a} matches wherever {@code b} does: the same spacing, and the same tokens
     * (in any case when {@code a} matches in any case).
     */
    private static <T> boolean covers(Phrase<T> a, Phrase<T> b) {
        if (a.tokens().size() != b.tokens().size() || !a.anyCase() && b.anyCase()) {
            return false;
        }
        for (int k = 0; k < a.tokens().size(); k++) {
            PhraseTokens.Tok x = a.tokens().get(k);
            PhraseTokens.Tok y = b.tokens().get(k);
            boolean same = a.anyCase() ? x.key().equals(y.key()) : x.form().equals(y.form());
            if (!same || x.gapBefore() != y.gapBefore()) {
                return false;
            }
        }
        return true;
    }
}
