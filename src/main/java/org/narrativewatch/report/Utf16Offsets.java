package org.narrativewatch.report;

/**
 * Converts the code point offsets of the per-article JSON back to indices into a Java string,
 * in constant time per offset (String.offsetByCodePoints would walk the text each time).
 */
final class Utf16Offsets {
    private final int length;
    private final int codePoints;
    private final int[] utf16ByCodePoint;

    Utf16Offsets(String text) {
        this.length = text.length();
        this.codePoints = text.codePointCount(0, text.length());
        if (codePoints == length) {
            utf16ByCodePoint = null;
        } else {
            utf16ByCodePoint = new int[codePoints + 1];
            int cp = 0;
            for (int i = 0; i < length; i = text.offsetByCodePoints(i, 1)) {
                utf16ByCodePoint[cp++] = i;
            }
            utf16ByCodePoint[codePoints] = length;
        }
    }

    /** Whether [start, end) is a valid code point range of the text. */
    boolean valid(int start, int end) {
        return start >= 0 && start <= end && end <= codePoints;
    }

    /** The UTF-16 index of a code point offset (which must be within the text). */
    int of(int codePointOffset) {
        return utf16ByCodePoint == null ? codePointOffset : utf16ByCodePoint[codePointOffset];
    }
}
