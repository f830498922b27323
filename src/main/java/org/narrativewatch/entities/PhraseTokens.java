package org.narrativewatch.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.narrativewatch.doc.InvisibleCharacters;

/**
 * Splits text into the units the gazetteer matches on: runs of letters and digits, and single
 * punctuation characters. Names and article text go through the same split, so "Nagorno-Karabakh",
 * "al-Assad" and "U.S." match whatever CoreNLP's tokeniser does with hyphens and dots, and a name
 * never matches inside a longer word ("Russiagate"). Whitespace is not a token but is remembered,
 * so "al-Assad" does not match "al - Assad" and no name runs across a paragraph break.
 */
final class PhraseTokens {
    /** No whitespace before the token. */
    static final int ADJACENT = 0;
    /** Spaces or a single line break before the token. */
    static final int SPACE = 1;
    /**
     * A blank line (or the start of the text) before the token, or, where the gazetteer knows the
     * sentences, the start of a sentence: names never run across it.
     */
    static final int BREAK = 2;

    /**
     * One token.
     *
     * @param form the surface with diacritics and soft hyphens removed and punctuation variants unified (’ to ', ‐ to -)
     * @param key  the form in lower case: what the trie is keyed on
     * @param gap  the whitespace before it: {@link #ADJACENT}, {@link #SPACE} or {@link #BREAK}
     */
    record Tok(int start, int end, String form, String key, int gap) {
        boolean gapBefore() {
            return gap != ADJACENT;
        }
    }

    private PhraseTokens() {
    }

    static List<Tok> of(String text) {
        List<Tok> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        int newlines = 2;
        boolean space = true;
        while (i < n) {
            int c = text.codePointAt(i);
            if (InvisibleCharacters.is(c)) {
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                if (c == '\n') {
                    newlines++;
                }
                i++;
                continue;
            }
            int start = i;
            String form;
            if (isWordChar(c)) {
                while (i < n && (isWordChar(text.codePointAt(i))
                        || InvisibleCharacters.is(text.charAt(i)) && i + 1 < n && isWordChar(text.codePointAt(i + 1)))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                form = withoutDiacritics(text.substring(start, i));
            } else {
                i += Character.charCount(text.codePointAt(i));
                form = punctuation(text.substring(start, i));
            }
            int gap = newlines >= 2 ? BREAK : space ? SPACE : ADJACENT;
            tokens.add(new Tok(start, i, form, form.toLowerCase(Locale.ROOT), gap));
            newlines = 0;
            space = false;
        }
        return tokens;
    }

    private static boolean isWordChar(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }


    private static String punctuation(String mark) {
        return switch (mark) {
            case "\u2019", "\u2018", "\u02bc", "`", "\u00b4" -> "'";
            case "\u2010", "\u2011" -> "-";
            default -> mark;
        };
    }

    private static String withoutDiacritics(String surface) {
        String decomposed = Normalizer.normalize(surface, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK && !InvisibleCharacters.is(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
