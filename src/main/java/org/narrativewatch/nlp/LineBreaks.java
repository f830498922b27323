package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line breaks as sentence boundaries. Articles saved as text or extracted from a page put every
 * paragraph, heading, caption, dateline and list item on a line of its own, often without final
 * punctuation, so the tokenizer ends a sentence at every line break; otherwise a heading would run
 * into the paragraph below it and a list would become one sentence of a dozen lines, and evidence
 * and co-mentions would span all of it. Two cases join the lines again:
 * <ul>
 *   <li>a line that starts in lower case continues the one before unless that one ended a sentence: its
 *       last token is sentence-final punctuation, not an abbreviation ("the F.B.I.\nand the police");</li>
 *   <li>in a text wrapped at a fixed width (e-mail, plain-text newsletters), a line that does not end a
 *       sentence continues on the next when wrapping put the break there: the next line's first word would
 *       not have fitted on it, and the next line is not a list item. A short heading over its item, or a
 *       list, had room to spare, so it keeps its line break however the text around it is wrapped.</li>
 * </ul>
 * A blank line always ends a sentence (titles, paragraphs).
 */
final class LineBreaks {
    /** Lines longer than this are paragraphs, not lines of a text wrapped at a fixed width. */
    private static final int WRAP_WIDTH = 100;
    /** Fewest line breaks that wrapping put there for a text to count as wrapped at a fixed width. */
    private static final int MIN_WRAPPED_BREAKS = 3;
    /**
     * A list item's start: a hyphen or bullet, or a number ("1.", "2)", "(3)"), then a space. Not an en
     * or em dash: a wrapped line often starts with the dash of an aside ("– which has ...").
     */
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*\u2022\u2023\u25E6\u25AA\u25BA\u00B7]|\\(?\\d{1,3}[.)])\\s");
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
        int wrapWidth = wrapWidth(text);
        List<List<CoreLabel>> joined = new ArrayList<>();
        for (List<CoreLabel> sentence : sentences) {
            if (sentence.isEmpty()) {
                continue;
            }
            if (!joined.isEmpty()) {
                List<CoreLabel> previous = joined.get(joined.size() - 1);
                if (continues(text, previous, sentence.get(0), wrapWidth)) {
                    previous.addAll(sentence);
                    continue;
                }
            }
            joined.add(new ArrayList<>(sentence));
        }
        return joined;
    }

    /**
     * Whether the sentence starting with {@code next} continues {@code previous}; {@code wrapWidth} is the
     * text's wrap width, 0 when it is not wrapped at a fixed width.
     */
    private static boolean continues(String text, List<CoreLabel> previous, CoreLabel next, int wrapWidth) {
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
        if (Character.isLowerCase(text.codePointAt(nextStart)) && !endsWithFinalPunctuation(previous)) {
            return true;
        }
        if (wrapWidth == 0) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
        int nextLineEnd = text.indexOf('\n', nextStart);
        return wrappedBreak(text.substring(lineStart, previousEnd),
                text.substring(nextStart, nextLineEnd < 0 ? text.length() : nextLineEnd), wrapWidth);
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
     * The width a text is wrapped at, or 0 when it is not wrapped at a fixed width. The width is that of
     * the longest line in a paragraph of several lines (at most one in ten of those lines may be longer
     * than {@value #WRAP_WIDTH} characters: a wrapped text has no long lines). The text is wrapped when at
     * least {@value #MIN_WRAPPED_BREAKS} of the line breaks inside its paragraphs that do not end a
     * sentence, and at least half of them, are breaks that wrapping at that width put there
     * ({@link #wrappedBreak}): lines of similar length near the width, each full up to the next line's
     * first word. (A text of one sentence a line, wrapped, has as many breaks after a sentence as in one.)
     */
    static int wrapWidth(String text) {
        String[] lines = text.split("\n", -1);
        int width = 0;
        int lined = 0;
        int wide = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            boolean inParagraph = i > 0 && !lines[i - 1].isBlank() || i + 1 < lines.length && !lines[i + 1].isBlank();
            if (line.isBlank() || !inParagraph) {
                continue;
            }
            lined++;
            if (line.length() > WRAP_WIDTH) {
                wide++;
            } else {
                width = Math.max(width, line.length());
            }
        }
        if (wide * 10 > lined) {
            return 0;
        }
        int open = 0;
        int wrapped = 0;
        for (int i = 0; i + 1 < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank() || lines[i + 1].isBlank() || endsSentence(line, line.length())) {
                continue;
            }
            open++;
            if (wrappedBreak(line, lines[i + 1], width)) {
                wrapped++;
            }
        }
        return wrapped >= MIN_WRAPPED_BREAKS && wrapped * 2 >= open ? width : 0;
    }

    /**
     * Whether the break after {@code line} is one that wrapping at {@code width} put there: the line does
     * not end a sentence, the first word of {@code nextLine} would not have fitted on it, and the next line
     * is not a list item. A heading over its item, or a list item, had room for the next word.
     */
    private static boolean wrappedBreak(String lineText, String nextLine, int width) {
        String line = lineText.stripTrailing();
        String next = nextLine.strip();
        int firstWord = 0;
        while (firstWord < next.length() && !Character.isWhitespace(next.charAt(firstWord))) {
            firstWord++;
        }
        return !endsSentence(line, line.length()) && line.length() + 1 + firstWord > width
                && !LIST_ITEM.matcher(next).lookingAt();
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
