package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Span;
import org.narrativewatch.output.PublishedDate;

/**
 * The fields a structured record (JSON, CSV, HTML) carries, before they become an {@link Article}.
 * Only {@code text} is required. {@code warnings} are what the reader found wrong with them (a field
 * given as an object, left out); {@link #toArticle} adds one for a {@code published} that is no date.
 */
public record ArticleFields(String id, String title, String text, String url, String source,
                            String published, String language, List<String> warnings) {
    /** The longest part of a field's value a warning quotes: enough to recognise it, never a whole text. */
    static final int QUOTED_CHARACTERS = 100;

    /**
     * A warning about a field's value: the field, the value as JSON ({@code "2015-02-30"},
     * {@code {"$date": ...}}, cut at {@link #QUOTED_CHARACTERS}) and what follows from it.
     */
    static String warning(String field, String valueJson, String problem) {
        String shown = valueJson.codePointCount(0, valueJson.length()) <= QUOTED_CHARACTERS ? valueJson
                : valueJson.substring(0, valueJson.offsetByCodePoints(0, QUOTED_CHARACTERS)) + "\u2026";
        return "\"" + field + "\" " + shown + " " + problem;
    }

    /**
     * Builds the article text as title, blank line, body, so that the title is analysed and every
     * offset refers to one string. A body that already opens with the title as its own line or
     * paragraph is kept as it is ({@link #opensWith}). Line breaks become line feeds and control
     * characters spaces in every field ({@link TextCharacters}).
     * The title is the input's, line breaks and all (without white space around it), so that it is
     * exactly the text its span covers.
     */
    public Article toArticle(Origin origin) {
        String body = text == null ? "" : TextCharacters.of(text).strip();
        String givenTitle = blankToNull(title);
        String full;
        Span titleSpan = null;
        if (givenTitle == null) {
            full = body;
        } else if (opensWith(body, givenTitle)) {
            full = body;
            titleSpan = new Span(0, givenTitle.length());
        } else {
            full = givenTitle + "\n\n" + body;
            titleSpan = new Span(0, givenTitle.length());
        }
        String date = blankToNull(published);
        List<String> found = new ArrayList<>(warnings);
        if (date != null && PublishedDate.parse(date).isEmpty()) {
            found.add(warning("published", "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(date)) + "\"",
                    "is not a date this tool reads (docs/reports.md, \"Dates that are read\"): the article counts as undated"));
        }
        return new Article(blankToNull(id), full, givenTitle, titleSpan, blankToNull(url), blankToNull(source),
                date, blankToNull(language), origin, List.of(), found);
    }

    /**
     * Whether {@code body} opens with {@code title} as a line of its own: the title, then (after any
     * spaces or tabs) a line break or the end of the body. A title that is only the start of the first
     * line ("Russia" over "Russians betrayed ...", "Russia betrayed Armenia" over "Russia betrayed
     * Armenians ...") is not the body's title line: its span would end inside a word, and the title
     * would never be read as a sentence of its own.
     */
    static boolean opensWith(String body, String title) {
        if (!body.startsWith(title)) {
            return false;
        }
        int i = title.length();
        while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
            i++;
        }
        return i == body.length() || body.charAt(i) == '\n' || body.startsWith("\r\n", i);
    }

    static String blankToNull(String s) {
        String text = s == null ? null : TextCharacters.of(s).strip();
        return text == null || text.isEmpty() ? null : text;
    }
}
