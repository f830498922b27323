package org.narrativewatch.ingest;

import org.narrativewatch.doc.Article;

/** Receives what a reader produces: good articles and, for the bad parts of an input, errors. */
public interface ArticleSink {
    void article(Article article);

    void error(InputError error);
}
