package org.narrativewatch.narratives;

import java.util.List;
import java.util.Locale;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;

/**
 * A wire dateline at the start of a sentence: "MOSCOW, March 3 (Reuters) -", "TBILISI, April 29, 2024 —",
 * "MOSCOW/THE HAGUE —". It says where a report was filed, not who did what: it is no speaker, no actor,
 * no target and no part of the claim ("MOSCOW (Reuters) - The alliance abandoned its allies" is not about
 * Russia abandoning anyone).
 */
final class Dateline {
    /** How many tokens a dateline runs to its dash: "MOSCOW/THE HAGUE, May 13, 2025 —". */
    private static final int MAX_TOKENS = 12;

    private Dateline() {
    }

    /**
     * The first token of sentence {@code s} after its dateline (a place in capitals, then a dash within a few
     * tokens, with no lower-case word before it: "NATO is finished - ..." is a claim), looking no further than
     * token {@code limit}; the sentence's first token when it has none.
     */
    static int end(List<Token> tokens, Sentence s, int limit) {
        String first = tokens.get(s.firstToken()).text();
        if (first.length() < 2 || !first.equals(first.toUpperCase(Locale.ROOT)) || !Character.isLetter(first.charAt(0))) {
            return s.firstToken();
        }
        for (int i = s.firstToken() + 1; i < Math.min(limit, s.firstToken() + MAX_TOKENS); i++) {
            String text = tokens.get(i).text();
            if (text.equals("—") || text.equals("–") || text.equals("-") || text.equals("--")) {
                return i + 1;
            }
            if (Character.isLowerCase(text.charAt(0))) {
                return s.firstToken();
            }
        }
        return s.firstToken();
    }
}
