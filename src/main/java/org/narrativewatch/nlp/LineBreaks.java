package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Line breaks as sentence boundaries. Articles saved as text or extracted from a page put every
 * paragraph, heading, caption, dateline and list item on a line of its own, often without final
 * punctuation, so the tokenizer ends a sentence at every line break; otherwise a heading would run
 * into the paragraph below it and a list would become one sentence of a dozen lines, and evidence
 * and co-mentions would span all of it. Two cases join the lines again:
 * <ul>
 *   <li>a line that starts in lower case continues the one before unless that one ended a sentence: its
 *       last token is sentence-final punctuation, not an abbreviation ("the F.B.I.\nand the police");</li>
 *   <li>in a text wrapped at a fixed width (e-mail, plain-text newsletters), where most lines end in the
 *       middle of a sentence, a line that does not end a sentence continues on the next.</li>
 * </ul>
 * A blank line always ends a sentence (titles, paragraphs).
 */
final class LineBreaks {
    /** Lines longer than this are paragraphs, not lines of a text wrapped at a fixed width. */
    private static final int WRAP_WIDTH = 100;
    /** Tokens that end a sentence; the tokenizer keeps an abbreviation's full stop inside its token. */
    private static final Set<String> FINAL = Set.of(".", "!", "?", "...", "…");
    /** Closing quotes and brackets as the tokenizer writes them. */
    private static final Set<String> CLOSING = Set.of("''", "'", "\"", "”", "’", "»", "-RRB-", "-RSB-", ")", "]");

    private LineBreaks() {
    }

    /**
     * Joins the tokenizer's sentences (split at every line break) where a line continues a sentence.
     *
     * @param text      the text the tokens point into
     * @param sentences its sentences, in order
     * @return the joined sentences, without empty ones
     */
    static List<List<CoreLabel>> join(String text, List<List<CoreLabel>> sentences) {
        boolean wrapped = hardWrapped(text);
        List<List<CoreLabel>> joined = new ArrayList<>();
        for (List<CoreLabel> sentence : sentences) {
            if (sentence.isEmpty()) {
                continue;
            }
            if (!joined.isEmpty()) {
                List<CoreLabel> previous = joined.get(joined.size() - 1);
                if (continues(text, previous, sentence.get(0), wrapped)) {
                    previous.addAll(sentence);
                    continue;
                }
            }
            joined.add(new ArrayList<>(sentence));
        }
        return joined;
    }

    /** Whether the sentence starting with {@code next} continues {@code previous}. */
    private static boolean continues(String text, List<CoreLabel> previous, CoreLabel next, boolean wrapped) {
        int previousEnd = previous.get(previous.size() - 1).endPosition();
        int nextStart = next.beginPosition();
        int newlines = 0;
        for (int i = previousEnd; i < nextStart; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
            } else if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        if (newlines != 1) {
            return false; // split on punctuation within a line, or a blank line between paragraphs
        }
        return Character.isLowerCase(text.codePointAt(nextStart)) && !endsWithFinalPunctuation(previous)
                || wrapped && !endsSentence(text, previousEnd);
    }

    /** Whether the last token, before any closing quotes or brackets, is a full stop, "!" or "?". */
    private static boolean endsWithFinalPunctuation(List<CoreLabel> sentence) {
        for (int i = sentence.size() - 1; i >= 0; i--) {
            String word = sentence.get(i).word();
            if (!CLOSING.contains(word)) {
                return FINAL.contains(word);
            }
        }
        return false;
    }

    /**
     * Whether the text is wrapped at a fixed width: at least three lines are followed by another line
     * of the same paragraph, at most one in ten of them is longer than {@value #WRAP_WIDTH} characters,
     * and at least half of them end in the middle of a sentence.
     */
    static boolean hardWrapped(String text) {
        String[] lines = text.split("\n", -1);
        int inner = 0;
        int open = 0;
        int wide = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || lines[i + 1].isBlank()) {
                continue;
            }
            inner++;
            if (!endsSentence(line, line.length())) {
                open++;
            }
            if (line.length() > WRAP_WIDTH) {
                wide++;
            }
        }
        return inner >= 3 && wide * 10 <= inner && open * 2 >= inner;
    }

    /**
     * Whether the text before {@code end} ends with sentence-final punctuation, possibly inside closing
     * quotes or brackets.
     */
    private static boolean endsSentence(CharSequence text, int end) {
        int i = end - 1;
        while (i >= 0 && "\"'”’»)]".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?:;…".indexOf(text.charAt(i)) >= 0;
    }
}
