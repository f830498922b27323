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
 * site boilerplate) that stay in the text but are excluded from analysis.
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
        List<Dropped> dropped) {

    public Article {
        dropped = List.copyOf(dropped);
    }

    public Article withId(String newId) {
        return new Article(newId, text, title, titleSpan, url, source, published, declaredLanguage, origin, dropped);
    }

    public Article withOrigin(Origin newOrigin) {
        return new Article(id, text, title, titleSpan, url, source, published, declaredLanguage, newOrigin, dropped);
    }

    public Article withDropped(List<Dropped> newDropped, String newTitle, Span newTitleSpan) {
        return new Article(id, text, newTitle, newTitleSpan, url, source, published, declaredLanguage, origin, newDropped);
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
