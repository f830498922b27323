package org.narrativewatch.ingest;

import java.util.List;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Span;

/**
 * The fields a structured record (JSON, CSV, HTML) carries, before they become an {@link Article}.
 * Only {@code text} is required.
 */
public record ArticleFields(String id, String title, String text, String url, String source,
                            String published, String language) {

    /**
     * Builds the article text as title, blank line, body, so that the title is analysed and every
     * offset refers to one string. A body that already opens with the title is kept as it is. Line
     * breaks become line feeds ({@link LineFeeds}). The title is the input's, line breaks and all
     * (without white space around it), so that it is exactly the text its span covers.
     */
    public Article toArticle(Origin origin) {
        String body = text == null ? "" : LineFeeds.of(wellFormed(text)).strip();
        String givenTitle = blankToNull(title == null ? null : LineFeeds.of(title));
        String full;
        Span titleSpan = null;
        if (givenTitle == null) {
            full = body;
        } else if (body.startsWith(givenTitle)) {
            full = body;
            titleSpan = new Span(0, givenTitle.length());
        } else {
            full = givenTitle + "\n\n" + body;
            titleSpan = new Span(0, givenTitle.length());
        }
        return new Article(blankToNull(id), full, givenTitle, titleSpan, blankToNull(url), blankToNull(source),
                blankToNull(published), blankToNull(language), origin, List.of());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : wellFormed(s).strip();
    }

    /**
     * Replaces unpaired surrogates (JSON can carry them as escapes) with U+FFFD, one char for one,
     * so offsets stay put and the text can be written as UTF-8.
     */
    static String wellFormed(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? s : new String(chars);
    }
}
