package org.narrativewatch.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How inputs are read.
 *
 * @param charset         encoding of inputs without a byte-order mark that are not UTF-8 ({@code --encoding};
 *                        see {@link TextDecoder})
 * @param maxArticleBytes the largest single article (or JSONL line) accepted
 * @param csvColumns      CSV column names by field, for fields whose column is not named like the field
 * @param stdinFormat     format of standard input: txt, html, json, jsonl or csv
 */
public record ReadOptions(Charset charset, long maxArticleBytes, Map<String, String> csvColumns,
                          String stdinFormat) {
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 20L * 1024 * 1024;

    public static ReadOptions defaults() {
        return new ReadOptions(StandardCharsets.UTF_8, DEFAULT_MAX_ARTICLE_BYTES, Map.of(), "txt");
    }
}
