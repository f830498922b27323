package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
     * every input already, and no number limit either: a number of a thousand digits in a field the tool
     * does not read is no reason to lose the article (the fast parser keeps a long one cheap). A number with a fraction is kept as the decimal it is, trailing zeros
     * and all, so that a field given as one keeps its digits ({@code 1425366000.25}, not a double's
     * {@code 1.42536600025E9}).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE).build())
                    .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
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
        try (InputStream in = input.open();
             ElementText text = new ElementText(decoder.openDocument(in), decoder.maxBytes());
             JsonParser parser = MAPPER.createParser(text)) {
            readDocument(input.name(), parser, text, sink);
        }
    }

    /**
     * Reads a .json file: one article object, or an array read one element at a time, so that the
     * size limit holds each article and not the file, and a file of any size streams through. An
     * element that is too large or no article costs that element. Malformed or mis-encoded text
     * stops the file where it is; the elements before it are kept.
     */
    private void readDocument(String file, JsonParser parser, ElementText text, ArticleSink sink) throws IOException {
        long index = 0; // the array element being read; 0 outside an array
        try {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                for (index = 1; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                    element(parser, text, "array element ").deliver(new Origin(file, index), sink);
                }
                index = 0;
            } else if (parser.currentToken() != null) {
                Element root = element(parser, text, "");
                requireEnd(parser);
                root.deliver(new Origin(file, 0), sink);
                return;
            }
            requireEnd(parser);
        } catch (JsonProcessingException e) {
            throw stopped(malformed(e, true), index);
        } catch (BadInputException e) {
            // Text that does not decode (TextDecoder.openDocument), or a second value after the first.
            throw stopped(e.getMessage(), index);
        }
    }

    /**
     * The file cannot be read on from element {@code index} of its array: the elements before it
     * were read, and which articles follow it is unknown. At 0 the file fails as a whole.
     */
    private static BadInputException stopped(String reason, long index) {
        return index == 0 ? new BadInputException(reason)
                : BadInputException.stoppedAt(reason + " (the array is read no further)", index);
    }

    /** Nothing follows the file's one value. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new BadInputException(moreThanOneValue(true));
        }
    }

    /**
     * The value the parser is at, parsed on its own when it is an object within the size limit;
     * {@code what} names it in the message when it is too large.
     */
    private Element element(JsonParser parser, ElementText text, String what) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new Element(null, null); // not an object, as JsonReader.emit reports
        }
        long start = parser.currentTokenLocation().getCharOffset();
        text.startElement(start);
        parser.skipChildren();
        String json = text.element(parser.currentLocation().getCharOffset());
        if (json == null || TextDecoder.utf8Length(json, decoder.maxBytes()) > decoder.maxBytes()) {
            return new Element(null, what + decoder.tooLarge());
        }
        return new Element(MAPPER.readTree(json), null);
    }

    /** One value of a .json file: the JSON to make an article of, or why there is none. */
    private record Element(JsonNode node, String problem) {
        void deliver(Origin origin, ArticleSink sink) {
            if (problem != null) {
                sink.error(new InputError(origin.file(), origin.line(), problem));
            } else {
                JsonReader.emit(node, origin, sink);
            }
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
    public static String malformed(JsonProcessingException e, boolean wholeFile) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return moreThanOneValue(wholeFile);
        }
        String what = message == null ? "unreadable" : EMBEDDED_LOCATION.matcher(message.strip())
                .replaceAll(m -> Matcher.quoteReplacement(at(wholeFile, Long.parseLong(m.group(1)),
                        Long.parseLong(m.group(2)))));
        what = what.replaceAll("\\s*\\[Source: [^\\]]*\\]", "").replaceAll("\\s+", " ");
        JsonLocation where = e.getLocation();
        return where == null || where.getLineNr() < 1 ? "malformed JSON: " + what
                : "malformed JSON at " + at(wholeFile, where.getLineNr(), where.getColumnNr()) + ": " + what;
    }

    private static String moreThanOneValue(boolean wholeFile) {
        return "malformed JSON: more than one JSON value where " + (wholeFile ? "the file" : "a line of JSONL")
                + " holds one";
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
        String noText = whyNoText(text);
        if (noText != null) {
            sink.error(new InputError(origin.file(), origin.line(), noText));
            return;
        }
        List<String> warnings = new ArrayList<>();
        sink.article(new ArticleFields(field(node, "id", warnings), field(node, "title", warnings), text.asText(),
                field(node, "url", warnings), field(node, "source", warnings), field(node, "published", warnings),
                field(node, "language", warnings), warnings).toArticle(origin));
    }

    /**
     * Why a record's "text" value holds no article text, in words that tell a field left out from
     * one left empty (a scraper that found no body writes "text": ""), or null when it holds text.
     */
    private static String whyNoText(JsonNode text) {
        if (text == null) {
            return "no \"text\" field with article text";
        }
        if (text.isNull()) {
            return "\"text\" is null: no article text";
        }
        if (!text.isTextual()) {
            return "\"text\" is " + kind(text) + ", not a string of article text";
        }
        if (text.asText().isEmpty()) {
            return "\"text\" is empty: no article text";
        }
        // Control characters count as the spaces the text gets for them (TextCharacters).
        return TextCharacters.of(text.asText()).isBlank() ? "\"text\" is only white space: no article text" : null;
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

    /**
     * A field's text: a string as it is, a number as its decimal digits ({@link #MAPPER}), a boolean
     * as {@code true} or {@code false}; null when the field is absent or null. An object or an array
     * (a NewsAPI {@code source} object, a MongoDB export's {@code {"$date": ...}}) is no text: the
     * field is left out, and {@code warnings} gets one naming it and its value.
     */
    private static String field(JsonNode node, String name, List<String> warnings) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            warnings.add(ArticleFields.warning(name, value.toString(), "is " + kind(value) + ", not text: left out"));
            return null;
        }
        return value.asText();
    }

}
