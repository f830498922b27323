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
 * exact forms. A case-sensitive trie accepts the phrase as written, with its first letter upper-cased
 * (sentence start: "Al-Assad"), or all in capitals (headlines: "RUSSIA"); a case-insensitive trie
 * accepts any case.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseTrie<T> {
    /** A phrase as added: its tokens and value. */
    record Phrase<T>(List<PhraseTokens.Tok> tokens, T value) {
    }

    /** A match: the text tokens [first, end) and the phrases that matched there (at least one). */
    record Hit<T>(int first, int end, int start, int endChar, List<T> values) {
    }

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>();
        final List<Phrase<T>> phrases = new ArrayList<>(1);
    }

    private final Node<T> root = new Node<>();
    private final boolean caseSensitive;
    private int size;

    PhraseTrie(boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
    }

    /**
     * Adds a phrase; returns false (and adds nothing) when the same phrase with an equal value is
     * already there. When the same phrase has several values, the first added is listed first.
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
        for (Phrase<T> p : node.phrases) {
            if (samePhrase(p.tokens(), tokens) && p.value().equals(value)) {
                return false;
            }
        }
        node.phrases.add(new Phrase<>(tokens, value));
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
            if (gapsMatch(p.tokens(), text, first) && (!caseSensitive || caseMatches(p.tokens(), text, first))) {
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
        boolean exact = true;
        boolean capitals = true;
        boolean initialCapital = true;
        for (int k = 0; k < phrase.size(); k++) {
            String p = phrase.get(k).form();
            String s = text.get(first + k).form();
            boolean same = s.equals(p);
            exact &= same;
            capitals &= s.equals(p.toUpperCase(Locale.ROOT));
            initialCapital &= k == 0 ? s.equals(capitalised(p)) : same;
        }
        return exact || capitals || initialCapital;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** Same tokens and spacing; in a case-insensitive trie, case does not tell phrases apart either. */
    private boolean samePhrase(List<PhraseTokens.Tok> a, List<PhraseTokens.Tok> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            String x = caseSensitive ? a.get(k).form() : a.get(k).key();
            String y = caseSensitive ? b.get(k).form() : b.get(k).key();
            if (!x.equals(y) || a.get(k).gapBefore() != b.get(k).gapBefore()) {
                return false;
            }
        }
        return true;
    }
}
