package org.narrativewatch.ingest;

import java.io.IOException;

/** Turns one input in one format into articles. Readers are stateless and thread-safe. */
public interface ArticleReader {
    /**
     * Reads every article of the input. Articles go to the sink as they are read; a bad line or
     * row goes to the sink as an error and reading goes on. An exception means the whole input
     * failed; its message says why, in words for the user.
     */
    void read(Input input, ArticleSink sink) throws IOException;
}
