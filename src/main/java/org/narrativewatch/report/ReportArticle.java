package org.narrativewatch.report;

import org.narrativewatch.output.PublishedDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.Outlets;
import org.narrativewatch.output.WhiteSpace;

/**
 * One per-article record with what every report needs from it worked out once: its day and
 * week buckets, its outlet, its tracked entities and the name of its HTML page.
 */
final class ReportArticle {
    /** Longest sentence text kept for the evidence tables; longer ones are cut with an ellipsis. */
    static final int MAX_SENTENCE_CHARS = 1000;

    private final ArticleRecord record;
    private final String id;
    private final PublishedDate date;
    private final String day;
    private final String week;
    private final String outlet;
    private final String pageName;
    private final Utf16Offsets offsets;
    private Map<String, ArticleRecord.EntityCount> tracked;
    private Map<String, ArticleRecord.Narrative> hits;

    /**
     * @param fileStem the record's file name without ".json"; it names the page, so two records
     *                 with the same id in one folder still get a page each
     */
    ReportArticle(ArticleRecord record, String fileStem) {
        this.record = record;
        this.id = record.id() == null || record.id().isBlank() ? fileStem : record.id();
        this.date = PublishedDate.parse(record.published()).orElse(null);
        this.day = PublishedDate.dayKey(date);
        this.week = PublishedDate.weekKey(date);
        this.outlet = Outlets.of(record);
        this.pageName = ArticleIds.safe(fileStem) + ".html";
        this.offsets = new Utf16Offsets(record.text());
    }

    ArticleRecord record() {
        return record;
    }

    String id() {
        return id;
    }

    /**
     * The title, or the id when the article has none: what the HTML pages show. Data outputs
     * (report.json, CSV, Elasticsearch) carry {@code record().title()}, null when there is none,
     * so that a dashboard can tell a real title from a stand-in.
     */
    String displayTitle() {
        return displayTitle(record.title(), id);
    }

    /** {@code title}, or {@code id} when the title is missing or only white space (no-break spaces too). */
    static String displayTitle(String title, String id) {
        return title == null || WhiteSpace.collapse(title).isEmpty() ? id : title;
    }

    PublishedDate date() {
        return date;
    }

    /** The day bucket: YYYY-MM-DD or undated. */
    String day() {
        return day;
    }

    /** The ISO week bucket: YYYY-Www or undated. */
    String week() {
        return week;
    }

    String outlet() {
        return outlet;
    }

    String pageName() {
        return pageName;
    }

    Utf16Offsets offsets() {
        return offsets;
    }

    /** The text of a code point range, or null when the range does not fit the text. */
    String slice(int start, int end) {
        if (!offsets.valid(start, end)) {
            return null;
        }
        return record.text().substring(offsets.of(start), offsets.of(end));
    }

    /** The text of sentence {@code index}, cut to {@link #MAX_SENTENCE_CHARS}; null when unknown. */
    String sentenceText(int index) {
        if (index < 0 || index >= record.sentences().size()) {
            return null;
        }
        ArticleRecord.Bounds s = record.sentences().get(index);
        String text = slice(s.start(), s.end());
        if (text == null) {
            return null;
        }
        text = WhiteSpace.collapse(text);
        return text.length() <= MAX_SENTENCE_CHARS ? text : text.substring(0, MAX_SENTENCE_CHARS - 1) + "…";
    }

    /**
     * Tracked entities (those with a kb_id) by kb_id, with mention counts: from entity_counts,
     * or counted from the mentions when a record has no entity_counts.
     */
    Map<String, ArticleRecord.EntityCount> trackedEntities() {
        if (tracked == null) {
            tracked = countTracked(record);
        }
        return tracked;
    }

    /**
     * The narrative hits by narrative id, sorted; of a narrative a record lists twice, the hit
     * with the higher score (the first on a tie), so every report counts the article once for it.
     */
    Map<String, ArticleRecord.Narrative> hits() {
        if (hits == null) {
            Map<String, ArticleRecord.Narrative> byId = new TreeMap<>();
            for (ArticleRecord.Narrative n : record.narratives()) {
                if (n.id() != null) {
                    byId.merge(n.id(), n, (x, y) -> x.score() >= y.score() ? x : y);
                }
            }
            hits = Collections.unmodifiableMap(byId);
        }
        return hits;
    }

    private static Map<String, ArticleRecord.EntityCount> countTracked(ArticleRecord record) {
        Map<String, ArticleRecord.EntityCount> out = new TreeMap<>();
        for (ArticleRecord.EntityCount c : record.entityCounts()) {
            if (c.kbId() != null) {
                out.put(c.kbId(), c);
            }
        }
        if (out.isEmpty()) {
            Map<String, List<ArticleRecord.Mention>> byId = new LinkedHashMap<>();
            for (ArticleRecord.Mention m : record.entities()) {
                if (m.kbId() != null) {
                    byId.computeIfAbsent(m.kbId(), k -> new ArrayList<>()).add(m);
                }
            }
            byId.forEach((kb, mentions) -> out.put(kb, new ArticleRecord.EntityCount(kb,
                    mentions.get(0).canonical(), mentions.get(0).type(), mentions.size())));
        }
        return Collections.unmodifiableMap(out);
    }
}
