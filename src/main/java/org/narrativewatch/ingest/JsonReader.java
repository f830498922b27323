package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import org.narrativewatch.doc.Origin;

/**
 * Reads JSON articles: a {@code .json} file holds one article object (or an array of them), a
 * {@code .jsonl} file one object per line. Fields: id, title, text, url, source, published,
 * language; only text is required. A malformed line is reported and the next one read.
 */
public final class JsonReader implements ArticleReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TextDecoder decoder;
    private final boolean linePerArticle;

    public JsonReader(TextDecoder decoder, boolean linePerArticle) {
        this.decoder = decoder;
        this.linePerArticle = linePerArticle;
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        if (linePerArticle) {
            readLines(input, sink);
            return;
        }
        String json;
        try (InputStream in = input.open()) {
            json = decoder.decodeAll(in);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("malformed JSON: " + e.getOriginalMessage());
        }
        if (root != null && root.isArray()) {
            long index = 0;
            for (JsonNode node : root) {
                index++;
                emit(node, new Origin(input.name(), index), sink);
            }
        } else {
            emit(root, new Origin(input.name(), 0), sink);
        }
    }

    private void readLines(Input input, ArticleSink sink) throws IOException {
        try (InputStream in = input.open(); BufferedReader lines = new BufferedReader(decoder.openReader(in))) {
            long lineNo = 0;
            String line;
            while ((line = readLine(lines, input, lineNo + 1)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > decoder.maxBytes()) {
                    sink.error(new InputError(input.name(), lineNo, "line longer than the maximum article size"));
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    sink.error(new InputError(input.name(), lineNo, "malformed JSON: " + e.getOriginalMessage()));
                    continue;
                }
                emit(node, new Origin(input.name(), lineNo), sink);
            }
        }
    }

    private static String readLine(BufferedReader lines, Input input, long lineNo) throws IOException {
        try {
            return lines.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException("not valid UTF-8 text near line " + lineNo + "; re-encode it as UTF-8");
        }
    }

    /**
     * Turns one JSON record into an article, or an error when it is not an object with text.
     * Also used for rows of other record formats (Parquet in the Spark job) rendered as JSON.
     */
    public static void emit(JsonNode node, Origin origin, ArticleSink sink) {
        if (node == null || !node.isObject()) {
            sink.error(new InputError(origin.file(), origin.line(), "not a JSON object"));
            return;
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            sink.error(new InputError(origin.file(), origin.line(), "no \"text\" field with article text"));
            return;
        }
        sink.article(new ArticleFields(field(node, "id"), field(node, "title"), text.asText(), field(node, "url"),
                field(node, "source"), field(node, "published"), field(node, "language")).toArticle(origin));
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

}
