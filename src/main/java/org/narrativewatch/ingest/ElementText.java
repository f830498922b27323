package org.narrativewatch.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The reader a streaming JSON parser reads a document through. It keeps the characters of the
 * element the parser is in, from {@link #startElement}, so that the element can be parsed on its
 * own once the parser has found its end, and it keeps no more of them than the article size limit
 * allows: past that the element is too large whatever follows, and only the last characters are
 * kept, where the next element will start. So a document of any size, and an element of any size
 * in it, costs memory in proportion to the limit.
 */
final class ElementText extends FilterReader {
    /**
     * The most characters one read passes on. The parser reads only when it has used up what it
     * read before, so it is never further than this past the element it is in: keeping this many
     * of the last characters keeps the start of the next element.
     */
    private static final int READ_CHARS = 8192;

    /** The most characters an element within the limit can have. */
    private final long maxChars;
    private final StringBuilder kept = new StringBuilder();
    /** The offset in the document of the first character kept. */
    private long keptFrom;
    /** The offset in the document of the current element's first character. */
    private long elementStart;
    /** The current element has more characters than the limit: its text is not kept. */
    private boolean elementTooLarge;

    /** {@code maxBytes} is the article size limit in UTF-8 bytes. */
    ElementText(Reader in, long maxBytes) {
        super(in);
        this.maxChars = maxBytes; // every character is at least one byte in UTF-8
    }

    /** The parser is at the first character of an element, {@code offset} characters into the document. */
    void startElement(long offset) {
        kept.delete(0, (int) (offset - keptFrom));
        keptFrom = offset;
        elementStart = offset;
        elementTooLarge = false;
    }

    /**
     * The text of the current element, which ends before {@code end} (the parser's offset after
     * its last character); null when the element has more characters than the limit.
     */
    String element(long end) {
        if (elementTooLarge || end - elementStart > maxChars) {
            return null;
        }
        return kept.substring((int) (elementStart - keptFrom), (int) (end - keptFrom));
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, Math.min(len, READ_CHARS));
        if (n > 0) {
            kept.append(buf, off, n);
            long read = keptFrom + kept.length();
            if (!elementTooLarge && read - elementStart - READ_CHARS > maxChars) {
                // The parser is at most READ_CHARS behind: the element is past the limit.
                elementTooLarge = true;
            }
            if (elementTooLarge && kept.length() > 2 * READ_CHARS) {
                int drop = kept.length() - READ_CHARS;
                kept.delete(0, drop);
                keptFrom += drop;
            }
        }
        return n;
    }
}
