package org.narrativewatch.output;

import java.util.regex.Pattern;

/**
 * Unicode white space (the White_Space property): what Java's {@code \s} and {@link String#strip()}
 * leave out as well, the no-break spaces U+00A0, U+2007 and U+202F above all, which scraped pages
 * carry ({@code &nbsp;}). A value that looks the same must count the same, so that "Global&nbsp;Times"
 * and "Global Times" are one outlet.
 */
public final class WhiteSpace {
    private static final Pattern RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern AROUND = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ANY = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);

    private WhiteSpace() {
    }

    /** {@code s} without white space around it and each run of white space inside it one space. */
    public static String collapse(String s) {
        return RUN.matcher(AROUND.matcher(s).replaceAll("")).replaceAll(" ");
    }

    /** Whether {@code s} holds white space. */
    static boolean in(String s) {
        return ANY.matcher(s).find();
    }
}
