package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;

/**
 * Reads a plain-text article as analysts save pages. The text is kept as it is but for its line
 * breaks, which become line feeds, and control characters, which become spaces, one for one ({@link
 * TextCharacters}), so offsets are offsets into the
 * file; {@link PageLayout} finds the title and the parts that are not article text.
 */
public final class TextReader implements ArticleReader {
    private final TextDecoder decoder;

    public TextReader(TextDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        String text;
        try (InputStream in = input.open()) {
            text = TextCharacters.of(decoder.decodeAll(in));
        }
        if (text.isBlank()) {
            throw new BadInputException("empty: no text in the file");
        }
        sink.article(new Article(null, text, null, null, null, null, null, null,
                new Origin(input.name(), 0), List.of()));
    }
}
