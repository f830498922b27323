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
     * offset refers to one string. A body that already opens with the title is kept as it is.
     */
    public Article toArticle(Origin origin) {
        String body = text == null ? "" : text.strip();
        String cleanTitle = blankToNull(title == null ? null : title.strip().replaceAll("\\s+", " "));
        String full;
        Span titleSpan = null;
        if (cleanTitle == null) {
            full = body;
        } else if (body.startsWith(cleanTitle)) {
            full = body;
            titleSpan = new Span(0, cleanTitle.length());
        } else {
            full = cleanTitle + "\n\n" + body;
            titleSpan = new Span(0, cleanTitle.length());
        }
        return new Article(blankToNull(id), full, cleanTitle, titleSpan, blankToNull(url), blankToNull(source),
                blankToNull(published), blankToNull(language), origin, List.of());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
