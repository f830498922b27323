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
     * The first token of sentence {@code s} after its dateline, looking no further than token {@code limit};
     * the sentence's first token when it has none. A dateline is a place in capitals, then a dash after a
     * space within a few tokens, with no lower-case word before the dash and none right after it ("RUSSIA - the alliance
     * leader - abandoned ..." is a claim); a place of more than two words right before the dash, with no
     * date or agency, is a headline ("RUSSIA ABANDONS ARMENIA - ...") rather than "NEW YORK -".
     */
    static int end(List<Token> tokens, Sentence s, int limit) {
        String first = tokens.get(s.firstToken()).text();
        if (first.length() < 2 || !first.equals(first.toUpperCase(Locale.ROOT)) || !Character.isLetter(first.charAt(0))) {
            return s.firstToken();
        }
        int placeWords = 1;
        boolean placeOnly = true; // no date or agency yet: only the place's words, joined by "/"
        for (int i = s.firstToken() + 1; i < Math.min(limit, s.firstToken() + MAX_TOKENS); i++) {
            String text = tokens.get(i).text();
            boolean spaced = tokens.get(i).start() > tokens.get(i - 1).end(); // "MOSCOW -", not "COVID-19"
            if (spaced && (text.equals("—") || text.equals("–") || text.equals("-") || text.equals("--"))) {
                boolean headline = placeOnly && placeWords > 2;
                boolean lowerAfter = i + 1 < s.endToken() && Character.isLowerCase(tokens.get(i + 1).text().charAt(0));
                return headline || lowerAfter ? s.firstToken() : i + 1;
            }
            if (Character.isLowerCase(text.charAt(0))) {
                return s.firstToken();
            }
            if (text.equals(",") || text.equals("(") || text.equals("-LRB-")) {
                placeOnly = false;
            } else if (placeOnly && !text.equals("/")) {
                placeWords++;
            }
        }
        return s.firstToken();
    }
}
