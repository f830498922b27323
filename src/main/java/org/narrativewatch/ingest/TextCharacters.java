package org.narrativewatch.ingest;

/**
 * Input text as the text of an article: every line break a line feed, no control characters, no
 * unpaired surrogates. Each is changed one character for one, so every offset is still an offset
 * into the input.
 *
 * <ul>
 *   <li>The stages find paragraphs (the title, site boilerplate), sentence ends and attributions at
 *       line feeds, and CRLF has them; but a page saved on a classic Mac (CR alone), text from Word
 *       (VT for a manual line break) or from web pages and scripts (U+2028, U+2029, NEL) has none: its
 *       title would not be found, its site furniture would be analysed, and NEL, which is not white
 *       space to Java, would become tokens. Each such break becomes a line feed.</li>
 *   <li>Any other control character but the tab (a NUL from a JSON {@code \u0000} escape or a CSV
 *       cell, ESC, the C1 controls of text decoded in the wrong charset) becomes a space: it is no
 *       text, the tokenizer would make it a word or glue the words around it together, and
 *       PostgreSQL refuses a whole batch of rows for one NUL in a {@code text} column.</li>
 *   <li>An unpaired surrogate (JSON can carry one as an escape) becomes U+FFFD, so that the text can be
 *       written as UTF-8.</li>
 * </ul>
 */
final class TextCharacters {
    private TextCharacters() {
    }

    static String of(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement;
            if (c == '\r' ? i + 1 == text.length() || text.charAt(i + 1) != '\n'
                    : c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                replacement = '\n';
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                replacement = ' ';
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            } else if (Character.isSurrogate(c)) {
                replacement = '\uFFFD';
            } else {
                continue;
            }
            if (chars == null) {
                chars = text.toCharArray();
            }
            chars[i] = replacement;
        }
        return chars == null ? text : new String(chars);
    }
}
