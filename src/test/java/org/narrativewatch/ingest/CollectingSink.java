package org.narrativewatch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.doc.Article;

/** Collects what a read produced: the articles and the input errors, in order. */
final class CollectingSink implements ArticleSink {
    final List<Article> articles = new ArrayList<>();
    final List<InputError> errors = new ArrayList<>();

    @Override
    public void article(Article article) {
        articles.add(article);
    }

    @Override
    public void error(InputError error) {
        errors.add(error);
    }
}
