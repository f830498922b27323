package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * A lemma phrase pattern, e.g. {@code "abandon|betray ... ally|friend"} or {@code "@russia be? not? guarantor"}.
 * Space-separated terms, each matching one token by lemma or lower-cased text (see
 * docs/narratives-format.md): {@code a|b} alternatives, {@code word*} prefix, {@code =Word} exact text,
 * {@code term?} optional,
 * {@code *} any token, {@code ...} (or {@code ...N}) a gap of up to N tokens, {@code @group} a group
 * mention.
 */
final class Phrase {
    static final int DEFAULT_GAP = 3;

    private final String source;
    private final List<Term> terms;

    private Phrase(String source, List<Term> terms) {
        this.source = source;
        this.terms = List.copyOf(terms);
    }

    String source() {
        return source;
    }

    List<Term> terms() {
        return terms;
    }

    /**
     * Parses a pattern. {@code groups} resolves a group name to its index (negative when unknown);
     * a null resolver forbids group references (group words are plain phrases). {@code oneTokenWords}
     * receives each word that a term matches as one token, for the caller to check against the pipeline's
     * tokenizer ({@link #notOneToken}): a catalog checks all its words in one tokenizer run.
     */
    static Phrase parse(String source, ToIntFunction<String> groups, int maxGap,
                        Consumer<String> oneTokenWords) throws PatternException {
        String[] parts = source.strip().split("\\s+");
        if (source.isBlank()) {
            throw new PatternException("empty phrase");
        }
        List<Term> terms = new ArrayList<>();
        for (String part : parts) {
            terms.add(term(part, groups, maxGap, oneTokenWords));
        }
        if (terms.get(0) instanceof Term.Gap || terms.get(terms.size() - 1) instanceof Term.Gap) {
            throw new PatternException("a phrase cannot start or end with a gap: '" + source + "'");
        }
        for (int i = 1; i < terms.size(); i++) {
            if (terms.get(i) instanceof Term.Gap && terms.get(i - 1) instanceof Term.Gap) {
                throw new PatternException("two gaps in a row: '" + source + "'");
            }
        }
        if (terms.stream().allMatch(Term::optional)) {
            throw new PatternException("every term is optional, so it would match nothing: '" + source + "'");
        }
        return new Phrase(source, terms);
    }

    private static Term term(String part, ToIntFunction<String> groups, int maxGap,
                             Consumer<String> oneTokenWords) throws PatternException {
        if (part.startsWith("...")) {
            String n = part.substring(3);
            if (n.isEmpty()) {
                return new Term.Gap(maxGap);
            }
            if (!n.matches("[0-9]{1,2}")) {
                throw new PatternException("a gap is '...' or '...N' with N tokens at most, not '" + part + "'");
            }
            return new Term.Gap(Integer.parseInt(n));
        }
        boolean optional = part.length() > 1 && part.endsWith("?");
        String body = optional ? part.substring(0, part.length() - 1) : part;
        if (body.startsWith("...")) {
            throw new PatternException("a gap cannot be optional: '" + part + "'");
        }
        if (body.equals("*")) {
            return new Term.AnyToken(optional);
        }
        Set<String> words = new LinkedHashSet<>();
        Set<String> exact = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<Integer> refs = new ArrayList<>();
        List<List<String>> hyphenated = new ArrayList<>();
        for (String written : body.split("\\|", -1)) {
            if (written.length() > 1 && written.startsWith("@")) {
                if (groups == null) {
                    throw new PatternException("group words cannot refer to groups ('" + part + "'); use include");
                }
                int g = groups.applyAsInt(written.substring(1));
                if (g < 0) {
                    throw new PatternException("unknown group '" + written.substring(1) + "'");
                }
                refs.add(g);
                continue;
            }
            if (written.length() > 1 && written.startsWith("=")) {
                String word = written.substring(1);
                oneTokenWords.accept(word);
                exact.add(word);
                continue;
            }
            String alt = written.toLowerCase(Locale.ROOT);
            if (alt.isEmpty()) {
                throw new PatternException("empty alternative in '" + part + "'");
            }
            String[] parts = alt.split("-", -1);
            boolean isHyphenated = parts.length > 1 && java.util.Arrays.stream(parts).noneMatch(String::isEmpty)
                    && java.util.Arrays.stream(parts, 0, parts.length - 1).noneMatch(x -> x.contains("*"));
            if (isHyphenated) {
                hyphenated.add(List.of(parts));
            }
            if (alt.length() > 1 && alt.endsWith("*")) {
                prefixes.add(alt.substring(0, alt.length() - 1));
            } else if (alt.contains("*") || alt.contains("@") || alt.contains("?")) {
                throw new PatternException("'" + alt + "' is not a word, a prefix (word*), =Exact or @group");
            } else {
                // A hyphenated word matches the tokens the tokenizer may split it into; each part must be one.
                for (String word : isHyphenated ? parts : new String[] {alt}) {
                    oneTokenWords.accept(word);
                }
                words.add(alt);
            }
        }
        Term.Word word = words.isEmpty() && prefixes.isEmpty() && exact.isEmpty() ? null
                : new Term.Word(Set.copyOf(words), List.copyOf(prefixes), Set.copyOf(exact), List.copyOf(hyphenated),
                        optional);
        return refs.isEmpty() ? word : new Term.GroupRef(List.copyOf(refs), word, optional);
    }

    /**
     * Why a word cannot be a term, or null when the tokenizer keeps it as one token: a term matches one
     * token, so a word that the tokenizer splits ("russia's", "cannot", "gonna") would never match. The
     * message gives the tokens to write instead.
     */
    static String notOneToken(String word, List<String> tokens) {
        if (tokens.size() < 2) {
            return null;
        }
        return "'" + word + "' is " + (tokens.size() == 2 ? "two" : tokens.size()) + " tokens for the tokenizer; write '"
                + String.join(" ", tokens) + "'";
    }

    /** Words one of which the first matched token must carry, or null when the phrase can start anywhere. */
    Set<String> firstWords() {
        Term first = terms.get(0);
        if (first instanceof Term.Word w && !w.optional()) {
            return startWords(w);
        }
        return null;
    }

    /**
     * The lower-cased words one of which a token must be for {@code w} to start matching there, or
     * null when a prefix can start it anywhere.
     */
    static Set<String> startWords(Term.Word w) {
        if (!w.prefixes().isEmpty()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>(w.words());
        w.exact().forEach(e -> keys.add(e.toLowerCase(Locale.ROOT)));
        for (List<String> parts : w.hyphenated()) {
            if (parts.get(0).endsWith("*")) {
                return null;
            }
            keys.add(parts.get(0));
        }
        return keys;
    }

    /** End (exclusive) of the shortest match starting at token {@code from}, or -1. */
    int match(SentenceView s, int from) {
        return match(s, 0, from);
    }

    private int match(SentenceView s, int ti, int pos) {
        if (ti == terms.size()) {
            return pos;
        }
        Term t = terms.get(ti);
        int end = s.end();
        if (t instanceof Term.Gap g) {
            for (int k = 0; k <= g.max() && pos + k <= end; k++) {
                int r = match(s, ti + 1, pos + k);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        if (t instanceof Term.GroupRef g) {
            int wordEnd = g.word() == null ? -1 : g.word().matchAt(s, pos);
            if (wordEnd > pos) {
                int r = match(s, ti + 1, wordEnd);
                if (r >= 0) {
                    return r;
                }
            }
            for (int group : g.groups()) {
                for (Mention m : s.mentionIndex(group).startingAt(pos)) {
                    int r = match(s, ti + 1, m.end());
                    if (r >= 0) {
                        return r;
                    }
                }
            }
        } else {
            int next = t instanceof Term.AnyToken ? (pos < end ? pos + 1 : -1) : ((Term.Word) t).matchAt(s, pos);
            if (next > pos) {
                int r = match(s, ti + 1, next);
                if (r >= 0) {
                    return r;
                }
            }
        }
        return t.optional() ? match(s, ti + 1, pos) : -1;
    }

    @Override
    public String toString() {
        return source;
    }

    /** A pattern that cannot be compiled; the message says why, in the analyst's terms. */
    static final class PatternException extends Exception {
        PatternException(String message) {
            super(message);
        }
    }
}
