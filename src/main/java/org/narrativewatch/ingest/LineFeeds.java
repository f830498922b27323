package org.narrativewatch.ingest;

/**
 * Every line break of an article's text as a line feed. The stages find paragraphs (the title, site
 * boilerplate), sentence ends and attributions at line feeds, and CRLF has them; but a page saved on
 * a classic Mac (CR alone), text from Word (VT for a manual line break) or from web pages and
 * scripts (U+2028, U+2029, NEL) has none: its title would not be found, its site furniture would be
 * analysed, and NEL, which is not white space to Java, would become tokens. Each such break becomes
 * one line feed, one character for one, so every offset is still an offset into the input.
 */
final class LineFeeds {
    private LineFeeds() {
    }

    /** {@code text} with CR alone, VT, FF, NEL, U+2028 and U+2029 (the other line breaks of Unicode) as LF. */
    static String of(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean otherBreak = switch (c) {
                case '\r' -> i + 1 == text.length() || text.charAt(i + 1) != '\n';
                case '\u000B', '\u000C', '\u0085', '\u2028', '\u2029' -> true;
                default -> false;
            };
            if (otherBreak) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\n';
            }
        }
        return chars == null ? text : new String(chars);
    }
}
