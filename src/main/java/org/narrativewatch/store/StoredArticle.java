package org.narrativewatch.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.ArticleRecord.EvidenceItem;
import org.narrativewatch.output.ArticleRecord.Mention;
import org.narrativewatch.output.ArticleRecord.Narrative;
import org.narrativewatch.output.Outlets;
import org.narrativewatch.output.PublishedDate;

/**
 * How the store reads a (checked) per-article record into its rows: the values of the
 * {@code articles} row that the record does not hold as such, and the record's fingerprint.
 * The text itself stays in the JSON file.
 */
record StoredArticle(ArticleRecord record) {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The part of a record the store keeps: without its text and the layers that have no rows
     * (sentences, entity counts, co-mentions, dropped parts), so that a batch waiting to be
     * written does not hold its articles' texts.
     */
    static StoredArticle of(ArticleRecord r) {
        return new StoredArticle(new ArticleRecord(r.schemaVersion(), r.id(), r.title(), r.url(), r.source(),
                r.published(), r.language(), r.languageConfidence(), r.status(), r.skipReason(), r.origin(),
                r.contentHash(), r.counts(), null, null, null, r.entities(), null, null, r.narratives(), null,
                r.versions()));
    }

    /** The record's status; a record that does not say was analyzed (only skipped ones say why not). */
    String status() {
        return record.status() == null ? "analyzed" : record.status();
    }

    /** The outlet the reports count the article under: its source, else its URL's host, else unknown. */
    String outlet() {
        return Outlets.of(record);
    }

    /** The {@code versions} object as compact JSON, or null when the record has none. */
    String versions() {
        return record.versions() == null ? null : record.versions().toString();
    }

    /** The calendar day of {@code published}, or null when it is missing or not a date we read. */
    LocalDate publishedDay() {
        return PublishedDate.parse(record.published()).map(PublishedDate::day).orElse(null);
    }

    /** Monday of the ISO week of {@link #publishedDay()}, or null. */
    LocalDate publishedWeek() {
        LocalDate day = publishedDay();
        return day == null ? null : day.with(DayOfWeek.MONDAY);
    }

    /**
     * A hash of everything the store keeps of this record (its rows), so a run can tell an
     * unchanged article, which it skips, from a changed one, whose rows it replaces. It covers the
     * content hash and the pipeline versions, which are fields of the record. The hashed layout
     * (field names, order and nesting) is the one stores have always recorded in
     * {@code record_hash}: changing it would make every stored article look changed. The stances
     * (schema version 2) are hashed only where the record has them, so a record written before
     * 0.4.0 keeps the fingerprint the stores hold, and one that has them does not match the rows
     * a store loaded before it had stance columns.
     */
    String fingerprint() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", record.id());
            g.writeStringField("title", record.title());
            g.writeStringField("url", record.url());
            g.writeStringField("source", record.source());
            g.writeStringField("published", record.published());
            g.writeStringField("language", record.language());
            if (record.languageConfidence() == null) {
                g.writeNullField("languageConfidence");
            } else {
                g.writeNumberField("languageConfidence", record.languageConfidence());
            }
            g.writeStringField("status", status());
            g.writeStringField("skipReason", record.skipReason());
            g.writeStringField("contentHash", record.contentHash());
            g.writeStringField("originFile", record.origin().file());
            if (record.origin().line() == null) {
                g.writeNullField("originLine");
            } else {
                g.writeNumberField("originLine", record.origin().line());
            }
            ArticleRecord.Counts c = record.counts();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("characters", c.characters());
            g.writeNumberField("tokens", c.tokens());
            g.writeNumberField("sentences", c.sentences());
            g.writeNumberField("entities", c.entities());
            g.writeNumberField("trackedEntities", c.trackedEntities());
            g.writeNumberField("narratives", c.narratives());
            g.writeEndObject();
            g.writeStringField("versions", versions());
            g.writeArrayFieldStart("mentions");
            for (Mention m : record.entities()) {
                g.writeStartObject();
                g.writeStringField("text", m.text());
                g.writeNumberField("start", m.start());
                g.writeNumberField("end", m.end());
                g.writeNumberField("sentence", m.sentence());
                g.writeStringField("type", m.type());
                g.writeStringField("kbId", m.kbId());
                g.writeStringField("canonical", m.canonical());
                g.writeStringField("via", m.via());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("hits");
            for (Narrative n : record.narratives()) {
                g.writeStartObject();
                g.writeStringField("narrativeId", n.id());
                g.writeStringField("title", n.title());
                g.writeNumberField("score", n.score());
                writeStance(g, n.stance());
                g.writeArrayFieldStart("evidence");
                for (EvidenceItem ev : n.evidence()) {
                    writeEvidence(g, ev);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ArticleIds.sha256(out.toString());
    }

    private static void writeEvidence(JsonGenerator g, EvidenceItem ev) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", ev.rule());
        g.writeNumberField("sentence", ev.sentence());
        g.writeNumberField("start", ev.start());
        g.writeNumberField("end", ev.end());
        g.writeStringField("text", ev.text());
        g.writeArrayFieldStart("entities");
        for (String kbId : ev.entities()) {
            g.writeString(kbId);
        }
        g.writeEndArray();
        g.writeStringField("attributedTo", ev.attributedTo());
        writeStance(g, ev.stance());
        g.writeNumberField("weight", ev.weight());
        g.writeEndObject();
    }

    private static void writeStance(JsonGenerator g, String stance) throws IOException {
        if (stance != null) {
            g.writeStringField("stance", stance);
        }
    }
}
