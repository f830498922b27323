package org.narrativewatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The documents that the previous run's bulk files index, read back in the order they were written
 * (record file name order), one article at a time: the article document and the evidence documents
 * that follow it. {@link BulkWriter} walks them alongside the records of this run to write a
 * {@code delete} for each document the previous run indexed and this one does not, holding no more
 * than one article's documents instead of every id of a corpus.
 *
 * <p>Delete actions in the previous files are passed over: they removed documents, they hold none.
 * Files that are not in record order (hand-edited, or from another tool) cannot be walked so: from
 * the first article out of order on (or a line that is no action, or a part that cannot be read) no
 * further document is returned. A delete thus never names a document this run indexed before it; one
 * that this run indexes after it (records out of order) is put back by that index action.
 */
final class PreviousBulk implements Closeable {
    /** The order the records come in, by record file name ({@code <id>.json}), as {@code ReportJob} sorts them. */
    static final Comparator<String> RECORD_ORDER = Comparator.comparing(id -> id + ".json");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLES_INDEX_SUFFIX = "-articles";

    /** A document of an index. */
    record Doc(String index, String id) {
    }

    private final Iterator<Path> parts;
    private BufferedReader lines;
    /** The next article's documents, read ahead; its id is that of its first document. */
    private List<Doc> ahead;
    /** An article document read while looking for the end of the article before it. */
    private Doc pending;
    private String lastArticle;
    private boolean usable = true;

    /** The previous run's parts, in part order. */
    PreviousBulk(List<Path> parts) {
        this.parts = parts.iterator();
    }

    /**
     * The documents of the previous run's next article, consumed, if it comes no later than
     * {@code article} in record order (null: wherever it comes); none at the end.
     */
    List<Doc> next(String article) throws IOException {
        if (peek() == null || article != null && RECORD_ORDER.compare(ahead.get(0).id(), article) > 0) {
            return List.of();
        }
        List<Doc> docs = ahead;
        lastArticle = docs.get(0).id();
        ahead = null;
        return docs;
    }

    private void abandon() throws IOException {
        usable = false;
        close();
    }

    /** The next article's documents, or null at the end or once the walk is abandoned. */
    private List<Doc> peek() throws IOException {
        if (ahead != null || !usable) {
            return ahead;
        }
        List<Doc> article = null;
        Doc doc;
        while ((doc = pending != null ? pending : nextDoc()) != null) {
            pending = null;
            if (doc.index().endsWith(ARTICLES_INDEX_SUFFIX)) {
                if (article != null) {
                    pending = doc; // the next article's: read to find where this one ends
                    break;
                }
                article = new ArrayList<>();
            } else if (article == null) {
                continue; // evidence before any article: no file this tool wrote
            }
            article.add(doc);
        }
        if (!usable || article == null) {
            return null;
        }
        if (lastArticle != null && RECORD_ORDER.compare(article.get(0).id(), lastArticle) <= 0) {
            abandon();
            return null;
        }
        ahead = article;
        return ahead;
    }

    /**
     * The next document an {@code index} action names, or null at the end of the last part. A line
     * this tool never writes, or a part it cannot read, abandons the walk: past it, actions can no
     * longer be told from documents.
     */
    private Doc nextDoc() throws IOException {
        try {
            while (true) {
                String line = lines == null ? null : lines.readLine();
                if (line == null) {
                    close();
                    if (!parts.hasNext()) {
                        return null;
                    }
                    lines = Files.newBufferedReader(parts.next(), StandardCharsets.UTF_8);
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode action = JSON.readTree(line);
                JsonNode index = action.path("index");
                if (index.isObject()) {
                    lines.readLine(); // the document
                    return new Doc(index.path("_index").asText(), index.path("_id").asText());
                }
                if (!action.has("delete")) {
                    abandon();
                    return null;
                }
            }
        } catch (IOException e) {
            abandon();
            return null;
        }
    }

    /** Whether every document of the previous files was walked (or is still to be): false once abandoned. */
    boolean usable() {
        return usable;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}
