package org.narrativewatch.output;

/**
 * Converts UTF-16 indices (Java strings) to Unicode code point indices (Python, jq, most JSON
 * consumers), the unit of every offset in the public output.
 */
public final class CodePoints {
    private final int[] cumulativeSurrogates;

    public CodePoints(String text) {
        int[] counts = null;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowSurrogate(text.charAt(i))) {
                if (counts == null) {
                    counts = new int[text.length() + 1];
                }
            }
        }
        if (counts != null) {
            int low = 0;
            for (int i = 0; i < text.length(); i++) {
                counts[i] = low;
                if (Character.isLowSurrogate(text.charAt(i))) {
                    low++;
                }
            }
            counts[text.length()] = low;
        }
        this.cumulativeSurrogates = counts;
    }

    /** The code point index of a UTF-16 index. */
    public int of(int utf16Index) {
        return cumulativeSurrogates == null ? utf16Index : utf16Index - cumulativeSurrogates[utf16Index];
    }
}
