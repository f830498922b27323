package org.narrativewatch.doc;

/**
 * The soft hyphen and the word joiner: invisible on the page, left inside words by scrapers and
 * content systems ("Mos\u00ADcow" shows as "Moscow"). A name read from the text is compared and
 * written as it shows.
 */
public final class InvisibleCharacters {
    private InvisibleCharacters() {
    }

    public static boolean is(int c) {
        return c == '\u00ad' || c == '\u2060';
    }

    /** {@code s} as it shows on the page: without the invisible characters. */
    public static String strip(String s) {
        if (s.chars().noneMatch(InvisibleCharacters::is)) {
            return s;
        }
        StringBuilder shown = new StringBuilder(s.length());
        s.chars().filter(c -> !is(c)).forEach(c -> shown.append((char) c));
        return shown.toString();
    }
}
