package org.narrativewatch.patterns;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for {@code java.util.regex} that stops a match when its thread is interrupted.
 * {@code java.util.regex} never checks for interrupts, so a pattern that backtracks
 * catastrophically would keep its thread (and a core) busy long after the per-article time
 * budget gave up on the article. Every character the matcher reads goes through
 * {@link #charAt}, which looks at the thread's interrupt flag every {@value #CHECK_EVERY} reads
 * and throws {@link MatchInterruptedException} once it is set.
 */
public final class InterruptibleText implements CharSequence {
    /** Reads between two looks at the interrupt flag: a look costs about as much as a few hundred reads. */
    static final int CHECK_EVERY = 1024;

    private final CharSequence text;
    private int reads;

    private InterruptibleText(CharSequence text) {
        this.text = text;
    }

    /** A matcher of {@code pattern} over {@code text} that stops when its thread is interrupted. */
    public static Matcher matcher(Pattern pattern, CharSequence text) {
        return pattern.matcher(new InterruptibleText(text));
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            if (Thread.currentThread().isInterrupted()) {
                throw new MatchInterruptedException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new InterruptibleText(text.subSequence(start, end));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A regular-expression match was stopped because its thread was interrupted. */
    public static final class MatchInterruptedException extends RuntimeException {
        MatchInterruptedException() {
            super("pattern match interrupted (over its time budget)");
        }
    }
}
