package org.narrativewatch.patterns;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for {@code java.util.regex} that stops a match when its thread is interrupted or its
 * thread's time budget ({@link #within}) runs out. {@code java.util.regex} never checks for
 * either, so a pattern that backtracks catastrophically would keep its thread (and a core) busy
 * long after the per-article time budget gave up on the article, or, on the reader thread, which
 * nothing interrupts, stall the whole run. Every character the matcher reads goes through
 * {@link #charAt}, which every {@value #CHECK_EVERY} reads looks at the interrupt flag and the
 * clock and throws {@link MatchInterruptedException} once either says stop.
 */
public final class InterruptibleText implements CharSequence {
    /** Reads between two looks at the interrupt flag and the clock: a look costs about as much as a few hundred reads. */
    static final int CHECK_EVERY = 1024;

    /** The budget of the matches this thread makes, null when it has none (interrupts still stop them). */
    private static final ThreadLocal<Budget> BUDGET = new ThreadLocal<>();

    private final CharSequence text;
    private final Pattern pattern;
    private final Budget budget;
    private int reads;

    private InterruptibleText(CharSequence text, Pattern pattern, Budget budget) {
        this.text = text;
        this.pattern = pattern;
        this.budget = budget;
    }

    /** A matcher of {@code pattern} over {@code text} that stops when its thread is interrupted or its budget is spent. */
    public static Matcher matcher(Pattern pattern, CharSequence text) {
        return pattern.matcher(new InterruptibleText(text, pattern, BUDGET.get()));
    }

    /**
     * Runs {@code work} with at most {@code budget} for all the matches it makes through
     * {@link #matcher} on this thread; past it they throw {@link MatchInterruptedException}.
     * {@link Duration#ZERO} is no limit. For code that no one interrupts, such as the reader thread.
     */
    public static <T> T within(Duration budget, Supplier<T> work) {
        if (budget.isZero()) {
            return work.get();
        }
        Budget outer = BUDGET.get();
        BUDGET.set(new Budget(budget, System.nanoTime() + budget.toNanos()));
        try {
            return work.get();
        } finally {
            BUDGET.set(outer);
        }
    }

    @Override
    public char charAt(int index) {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            if (Thread.currentThread().isInterrupted()) {
                throw new MatchInterruptedException("pattern /" + pattern.pattern() + "/ was stopped: interrupted (over its time budget)");
            }
            if (budget != null && System.nanoTime() - budget.deadline() > 0) {
                throw new MatchInterruptedException("pattern /" + pattern.pattern() + "/ took longer than the time budget of "
                        + budget.shown() + " on a text of " + text.length()
                        + " characters: catastrophic backtracking (repetitions that can split the same text in many ways)");
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
        return new InterruptibleText(text.subSequence(start, end), pattern, budget);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private record Budget(Duration length, long deadline) {
        String shown() {
            return length.toMillis() % 1000 == 0 ? length.toSeconds() + " s" : length.toMillis() + " ms";
        }
    }

    /** A regular-expression match was stopped because its thread was interrupted or its time budget was spent. */
    public static final class MatchInterruptedException extends RuntimeException {
        MatchInterruptedException(String message) {
            super(message);
        }
    }
}
