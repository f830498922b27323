package org.narrativewatch.ingest;

import org.narrativewatch.doc.Article;

/** Receives what a reader produces: good articles and, for the bad parts of an input, errors. */
public interface ArticleSink {
    void article(Article article);

    void error(InputError error);

    /**
     * A folder found in a named folder that is not read, and why: it holds no input (the output of
     * another run). No error: nothing the user meant as input is lost.
     */
    default void passedOver(String folder, String reason) {
    }
}
