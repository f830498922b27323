package org.narrativewatch.output;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A per-article JSON record (docs/article-schema.md) as read back by the reports and the store;
 * {@link ArticleJson} writes it. Reading is tolerant: unknown fields are ignored and missing arrays
 * read as empty, so records from older or newer writers, or from runs without entity or narrative
 * stages, still load. {@link #checked()} adds what a consumer that keys on the record needs.
 * Offsets are code point offsets into {@code text}. The token layer and the warnings are not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleRecord(
        Integer schemaVersion,
        String id,
        String title,
        String url,
        String source,
        String published,
        String language,
        Double languageConfidence,
        String status,
        String skipReason,
        Origin origin,
        String contentHash,
        Counts counts,
        String text,
        Bounds titleSpan,
        List<Bounds> sentences,
        List<Mention> entities,
        List<EntityCount> entityCounts,
        List<CoMention> coMentions,
        List<Narrative> narratives,
        List<DroppedPart> dropped,
        JsonNode versions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ArticleRecord {
        origin = origin == null ? new Origin(null, null) : origin;
        counts = counts == null ? new Counts(0, 0, 0, 0, 0, 0) : counts;
        text = text == null ? "" : text;
        sentences = orEmpty(sentences);
        entities = orEmpty(entities);
        entityCounts = orEmpty(entityCounts);
        coMentions = orEmpty(coMentions);
        narratives = orEmpty(narratives);
        dropped = orEmpty(dropped);
    }

    /** Reads a record (UTF-8 JSON); fails only on JSON that is not an object or does not fit the record's types. */
    public static ArticleRecord read(byte[] json) throws IOException {
        return present(JSON.readValue(json, ArticleRecord.class));
    }

    /**
     * Reads a record from a parsed JSON tree; see {@link #read(byte[])}.
     *
     * @throws IllegalArgumentException when the tree does not fit the record's types
     */
    public static ArticleRecord read(JsonNode json) {
        try {
            return present(JSON.treeToValue(json, ArticleRecord.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The record's content as compact JSON of the fields read here: the same bytes for the same content
     * however its file was laid out (a pretty-printed file, a line of a JSON Lines file).
     */
    public byte[] compactJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson reads the JSON literal {@code null} as no record, which callers would take for one. */
    private static ArticleRecord present(ArticleRecord record) throws JsonMappingException {
        if (record == null) {
            throw JsonMappingException.from((JsonParser) null, "a record is a JSON object, not null");
        }
        return record;
    }

    /**
     * This record, if it can be relied on as an article's identity: it is of the schema version
     * this reader knows (a newer one is refused rather than half understood), has an id and a
     * content hash, has no null entity, narrative or evidence item, and names each narrative, once.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public ArticleRecord checked() {
        if (schemaVersion == null) {
            throw new IllegalArgumentException("record has no schema_version (not an article record)");
        }
        if (schemaVersion != ArticleJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("record schema_version " + schemaVersion + " is not "
                    + ArticleJson.SCHEMA_VERSION);
        }
        required(id, "id");
        required(contentHash, "content_hash");
        if (entities.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("record " + id + " has a null entity");
        }
        Set<String> narrativeIds = new HashSet<>();
        for (Narrative n : narratives) {
            if (n == null || n.evidence().stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("record " + id + " has a null narrative or evidence item");
            }
            required(n.id(), "id for a narrative");
            if (!narrativeIds.add(n.id())) {
                throw new IllegalArgumentException("record " + id + " lists narrative " + n.id() + " twice");
            }
        }
        return this;
    }

    /**
     * {@link #checked()}, and this record is the one its file's name promises: a record is written as
     * {@code <id>.json}, so one under another name ("a (copy).json", a file manager's duplicate) is a
     * copy, or a file someone else put there, and counted as an article it would count one twice.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public ArticleRecord checkedAs(String fileName) {
        checked();
        if (!fileName.equals(id + ".json")) {
            throw new IllegalArgumentException("its id is " + id + ": a record is named after its id, " + id + ".json");
        }
        return this;
    }

    public boolean skipped() {
        return "skipped".equals(status);
    }

    private static void required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("record has no " + field);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Where the article was read: the input file as the user named it, and the line for line-based inputs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Origin(String file, Integer line) {
    }

    /** Missing counts read as 0. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(int characters, int tokens, int sentences, int entities, int trackedEntities,
                         int narratives) {
    }

    /** A [start, end) code point range. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bounds(int start, int end) {
    }

    /** One entity mention; {@code kbId} is null for an untracked NER entity. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Mention(String text, int start, int end,
                          @JsonDeserialize(using = SentenceIndex.class) int sentence, String type, String kbId,
                          String canonical, String via) {
        public Mention {
            text = text == null ? "" : text;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EntityCount(String kbId, String canonical, String type, int mentions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoMention(String a, String b, List<Integer> sentences) {
        public CoMention {
            sentences = orEmpty(sentences);
        }
    }

    /** A narrative hit; {@code stance} is null in records written before stances existed (before 0.4.0). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Narrative(String id, String title, double score, String stance, List<EvidenceItem> evidence) {
        public Narrative {
            evidence = orEmpty(evidence);
        }
    }

    /** One piece of evidence; {@code entities} are the kb ids involved, without repeats. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EvidenceItem(String rule, @JsonDeserialize(using = SentenceIndex.class) int sentence, int start,
                               int end, String text, List<String> entities, String attributedTo, String stance,
                               double weight) {
        public EvidenceItem {
            rule = rule == null ? "" : rule;
            text = text == null ? "" : text;
            entities = entities == null ? List.of() : entities.stream().filter(Objects::nonNull).distinct().toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DroppedPart(int start, int end, String reason) {
    }

    /** A {@code sentence} index; a missing or null one is -1, "in no sentence", as the writer writes it. */
    static final class SentenceIndex extends StdDeserializer<Integer> {
        SentenceIndex() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return _parseIntPrimitive(p, ctxt);
        }

        @Override
        public Integer getNullValue(DeserializationContext ctxt) {
            return -1;
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return -1;
        }
    }
}
