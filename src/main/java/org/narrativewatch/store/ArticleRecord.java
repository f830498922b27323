package org.narrativewatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.narrativewatch.ingest.ArticleIds;

/**
 * The part of one per-article JSON record (docs/article-schema.md) that the store keeps: the
 * article's fields and counts, its entity mentions, and its narrative hits with their evidence.
 * The text itself stays in the JSON file. Offsets are Unicode code points, as in the record.
 */
public record ArticleRecord(
        String id,
        String title,
        String url,
        String source,
        String published,
        String language,
        Double languageConfidence,
        String status,
        String skipReason,
        String contentHash,
        String originFile,
        Integer originLine,
        Counts counts,
        String versions,
        List<Mention> mentions,
        List<Hit> hits) {

    /** The record schema this store reads; a newer record is refused rather than half understood. */
    public static final int RECORD_SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public ArticleRecord {
        mentions = List.copyOf(mentions);
        hits = List.copyOf(hits);
    }

    public record Counts(int characters, int tokens, int sentences, int entities, int trackedEntities,
                         int narratives) {
    }

    /** One entity mention; {@code kbId} is null for an untracked NER entity. */
    public record Mention(String text, int start, int end, int sentence, String type, String kbId,
                          String canonical, String via) {
    }

    public record Hit(String narrativeId, String title, double score, List<EvidenceItem> evidence) {
        public Hit {
            evidence = List.copyOf(evidence);
        }
    }

    /** One piece of evidence; {@code entities} are the kb ids involved, without repeats. */
    public record EvidenceItem(String rule, int sentence, int start, int end, String text, List<String> entities,
                               String attributedTo, double weight) {
        public EvidenceItem {
            entities = List.copyOf(new LinkedHashSet<>(entities));
        }
    }

    /** Reads a per-article record, refusing one that lacks what the store's keys need. */
    public static ArticleRecord of(JsonNode r) {
        int schema = r.path("schema_version").asInt(-1);
        if (schema != RECORD_SCHEMA_VERSION) {
            throw new IllegalArgumentException("record schema_version " + r.path("schema_version")
                    + " is not " + RECORD_SCHEMA_VERSION);
        }
        String id = required(r, "id");
        JsonNode c = r.path("counts");
        Counts counts = new Counts(c.path("characters").asInt(), c.path("tokens").asInt(),
                c.path("sentences").asInt(), c.path("entities").asInt(), c.path("tracked_entities").asInt(),
                c.path("narratives").asInt());

        List<Mention> mentions = new ArrayList<>();
        for (JsonNode e : r.path("entities")) {
            mentions.add(new Mention(e.path("text").asText(), e.path("start").asInt(), e.path("end").asInt(),
                    e.path("sentence").asInt(-1), text(e, "type"), text(e, "kb_id"), text(e, "canonical"),
                    text(e, "via")));
        }

        List<Hit> hits = new ArrayList<>();
        Set<String> narrativeIds = new HashSet<>();
        for (JsonNode h : r.path("narratives")) {
            String narrativeId = required(h, "id");
            if (!narrativeIds.add(narrativeId)) {
                throw new IllegalArgumentException("record " + id + " lists narrative " + narrativeId + " twice");
            }
            List<EvidenceItem> evidence = new ArrayList<>();
            for (JsonNode ev : h.path("evidence")) {
                List<String> entities = new ArrayList<>();
                ev.path("entities").forEach(x -> entities.add(x.asText()));
                evidence.add(new EvidenceItem(ev.path("rule").asText(), ev.path("sentence").asInt(-1),
                        ev.path("start").asInt(), ev.path("end").asInt(), ev.path("text").asText(), entities,
                        text(ev, "attributed_to"), ev.path("weight").asDouble()));
            }
            hits.add(new Hit(narrativeId, text(h, "title"), h.path("score").asDouble(), evidence));
        }

        JsonNode origin = r.path("origin");
        return new ArticleRecord(id, text(r, "title"), text(r, "url"), text(r, "source"), text(r, "published"),
                text(r, "language"),
                r.path("language_confidence").isNumber() ? r.path("language_confidence").asDouble() : null,
                r.path("status").asText("analyzed"), text(r, "skip_reason"), required(r, "content_hash"),
                text(origin, "file"), origin.path("line").isNumber() ? origin.path("line").asInt() : null,
                counts, r.has("versions") ? r.get("versions").toString() : null, mentions, hits);
    }

    /** The calendar day of {@code published}, or null when it is missing or not a date we read. */
    public LocalDate publishedDay() {
        return PublishedDates.day(published);
    }

    /** Monday of the ISO week of {@link #publishedDay()}, or null. */
    public LocalDate publishedWeek() {
        LocalDate day = publishedDay();
        return day == null ? null : day.with(DayOfWeek.MONDAY);
    }

    /**
     * A hash of everything the store keeps of this record (its rows), so a run can tell an
     * unchanged article, which it skips, from a changed one, whose rows it replaces. It covers the
     * content hash and the pipeline versions, which are fields of the record.
     */
    public String fingerprint() {
        try {
            return ArticleIds.sha256(JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("record has no " + field);
        }
        return v;
    }
}
