package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Origin;

/**
 * Reads JSON articles: a {@code .json} file holds one article object (or an array of them), a
 * {@code .jsonl} file one object per line. Fields: id, title, text, url, source, published,
 * language; only text is required. A malformed line is reported and the next one read.
 */
public final class JsonReader implements ArticleReader {
    /**
     * Strict about trailing content, so that two records run together on one line are an error
     * and not one silently lost record; no string limit of its own, as --max-article-bytes bounds
     * every input already.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A location inside a Jackson message: "[Source: REDACTED (...); line: 1, column: 1]". */
    private static final Pattern EMBEDDED_LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

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
            throw new BadInputException(malformed(e, true));
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
        try (InputStream in = input.open()) {
            TextDecoder.Lines lines = decoder.lines(in);
            for (TextDecoder.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.problem() != null) {
                    sink.error(new InputError(input.name(), line.number(), line.problem()));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line.text());
                } catch (JsonProcessingException e) {
                    sink.error(new InputError(input.name(), line.number(), malformed(e, false)));
                    continue;
                }
                emit(node, new Origin(input.name(), line.number()), sink);
            }
        }
    }

    /**
     * What is wrong, in the reader's words: where (line and column in a .json file; the column in a
     * JSONL line, whose error record names the line) and Jackson's message, with the locations it
     * embeds ("start marker at [Source: ...; line: 1, column: 1]") written the same way and without
     * Jackson's API names.
     */
    static String malformed(JsonProcessingException e, boolean wholeFile) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return "malformed JSON: more than one JSON value where " + (wholeFile ? "the file" : "a line of JSONL")
                    + " holds one";
        }
        String what = message == null ? "unreadable" : EMBEDDED_LOCATION.matcher(message.strip())
                .replaceAll(m -> Matcher.quoteReplacement(at(wholeFile, Long.parseLong(m.group(1)),
                        Long.parseLong(m.group(2)))));
        what = what.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").replaceAll("\\s+", " ");
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? "malformed JSON: " + what
                : "malformed JSON at " + at(wholeFile, where.getLineNr(), where.getColumnNr()) + ": " + what;
    }

    private static String at(boolean wholeFile, long line, long column) {
        return wholeFile ? "line " + line + ", column " + column : "column " + column;
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
        if (text != null && !text.isNull() && !text.isTextual()) {
            sink.error(new InputError(origin.file(), origin.line(), "\"text\" is " + kind(text)
                    + ", not a string of article text"));
            return;
        }
        if (text == null || text.isNull() || text.asText().isBlank()) {
            sink.error(new InputError(origin.file(), origin.line(), "no \"text\" field with article text"));
            return;
        }
        sink.article(new ArticleFields(field(node, "id"), field(node, "title"), text.asText(), field(node, "url"),
                field(node, "source"), field(node, "published"), field(node, "language")).toArticle(origin));
    }

    /** What a JSON value is, in words: "a number", "an array", ... */
    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "a " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

}
