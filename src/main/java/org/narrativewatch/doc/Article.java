package org.narrativewatch.doc;

import java.util.List;

/**
 * One article as a reader produced it, before any analysis.
 *
 * <p>{@code text} is the text every offset in the pipeline refers to. For plain-text input it is
 * the file content, but for line breaks other than LF and CRLF, which become LF one for one (so
 * offsets are still file offsets); readers of structured formats build it as title, blank line, body,
 * so that the title is analysed like the body and is visible in context. {@code titleSpan} locates
 * the title inside {@code text} when it is there. {@code dropped} lists the parts (section labels,
 * site boilerplate) that stay in the text but are excluded from analysis. {@code warnings} are what
 * the reader found wrong with the input's fields (a {@code published} that is no date, a
 * {@code source} given as an object), which the record's {@code warnings} list before the analysis's.
 */
public record Article(
        String id,
        String text,
        String title,
        Span titleSpan,
        String url,
        String source,
        String published,
        String declaredLanguage,
        Origin origin,
        List<Dropped> dropped,
        List<String> warnings) {

    public Article {
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
    }

    /** An article whose fields the reader found nothing wrong with. */
    public Article(String id, String text, String title, Span titleSpan, String url, String source, String published,
                   String declaredLanguage, Origin origin, List<Dropped> dropped) {
        this(id, text, title, titleSpan, url, source, published, declaredLanguage, origin, dropped, List.of());
    }

    public Article withId(String newId) {
        return new Article(newId, text, title, titleSpan, url, source, published, declaredLanguage, origin, dropped,
                warnings);
    }

    public Article withOrigin(Origin newOrigin) {
        return new Article(id, text, title, titleSpan, url, source, published, declaredLanguage, newOrigin, dropped,
                warnings);
    }

    public Article withDropped(List<Dropped> newDropped, String newTitle, Span newTitleSpan) {
        return new Article(id, text, newTitle, newTitleSpan, url, source, published, declaredLanguage, origin, newDropped,
                warnings);
    }

    /** The text with dropped parts blanked out; same length, so offsets stay valid. */
    public String analysedText() {
        if (dropped.isEmpty()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (Dropped d : dropped) {
            for (int i = d.span().start(); i < d.span().end(); i++) {
                if (chars[i] != '\n') {
                    chars[i] = ' ';
                }
            }
        }
        return new String(chars);
    }
}
