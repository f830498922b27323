package org.narrativewatch.report;

import org.narrativewatch.output.PublishedDate;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.AtomicFiles;

/**
 * Streams the Elasticsearch/OpenSearch {@code _bulk} files: for each article one document in
 * PREFIX-articles and one per piece of narrative evidence in PREFIX-evidence, each preceded by
 * its {@code index} action with a stable {@code _id}, so loading twice replaces rather than
 * duplicates. A part is closed once it passes {@link #MAX_PART_BYTES}, below the servers'
 * default 100 MB request limit; a small corpus fits in bulk-0001.ndjson, loaded with one curl.
 *
 * <p>Dates are only ever ISO 8601 or null (never "undated"), so dynamic mapping makes them dates.
 */
final class BulkWriter implements Closeable {
    static final long MAX_PART_BYTES = 50L * 1024 * 1024;
    static final String PART_GLOB = "bulk-*.ndjson";

    private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null);

    private final Path dir;
    private final String articlesIndex;
    private final String evidenceIndex;
    private final long maxPartBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
    private AtomicFiles.Pending part;
    private long partBytes;
    private final List<String> written = new ArrayList<>();

    BulkWriter(Path dir, String indexPrefix, long maxPartBytes) {
        this.dir = dir;
        this.articlesIndex = indexPrefix + "-articles";
        this.evidenceIndex = indexPrefix + "-evidence";
        this.maxPartBytes = maxPartBytes;
    }

    static String partName(int number) {
        return String.format(Locale.ROOT, "bulk-%04d.ndjson", number);
    }

    /** Writes the article's documents, starting a new part when the current one is full. */
    void add(ReportArticle article, String docId, String page) throws IOException {
        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            action(g, articlesIndex, docId);
            articleDoc(g, article, page);
            List<ArticleRecord.Narrative> narratives = article.record().narratives();
            for (int n = 0; n < narratives.size(); n++) {
                ArticleRecord.Narrative narrative = narratives.get(n);
                for (int e = 0; e < narrative.evidence().size(); e++) {
                    action(g, evidenceIndex, docId + ":" + n + ":" + e);
                    evidenceDoc(g, article, narrative, narrative.evidence().get(e),
                            page == null ? null : page + "#" + ArticlePage.evidenceAnchor(n, e));
                }
            }
        }
        if (part != null && partBytes + buffer.size() > maxPartBytes && partBytes > 0) {
            commitPart();
        }
        if (part == null) {
            String name = partName(written.size() + 1);
            part = AtomicFiles.open(AtomicFiles.inside(dir, name));
            written.add(name);
            partBytes = 0;
        }
        buffer.writeTo(part.stream());
        partBytes += buffer.size();
    }

    /** Commits the last part, removes parts left from earlier, larger runs; returns the part names. */
    List<String> finish() throws IOException {
        if (part == null && written.isEmpty()) {
            Files.createDirectories(dir);
            AtomicFiles.write(AtomicFiles.inside(dir, partName(1)), new byte[0]);
            written.add(partName(1));
        }
        if (part != null) {
            commitPart();
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, PART_GLOB)) {
            for (Path p : parts) {
                if (!written.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        return List.copyOf(written);
    }

    private void commitPart() throws IOException {
        part.commit();
        part = null;
    }

    @Override
    public void close() throws IOException {
        if (part != null) {
            part.close();
        }
    }

    private static void action(JsonGenerator g, String index, String id) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("index");
        g.writeStringField("_index", index);
        g.writeStringField("_id", id);
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void articleDoc(JsonGenerator g, ReportArticle a, String page) throws IOException {
        ArticleRecord r = a.record();
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("title", r.title());
        g.writeStringField("url", r.url());
        g.writeStringField("source", a.outlet());
        dates(g, a);
        g.writeStringField("language", r.language());
        g.writeStringField("status", r.skipped() ? "skipped" : "analyzed");
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> titles = new TreeSet<>();
        Map<Stance, TreeSet<String>> idsByStance = new EnumMap<>(Stance.class);
        for (Stance s : Stance.values()) {
            idsByStance.put(s, new TreeSet<>());
        }
        for (ArticleRecord.Narrative n : a.hits().values()) {
            ids.add(n.id());
            titles.add(n.title() == null ? n.id() : n.title());
            // a hit without a stance (a record written before 0.4.0) is in none of the stance lists
            Stance stance = Stance.ofKeyOrNull(n.stance());
            if (stance != null) {
                idsByStance.get(stance).add(n.id());
            }
        }
        stringArray(g, "narratives", ids);
        stringArray(g, "narrative_titles", titles);
        for (Map.Entry<Stance, TreeSet<String>> e : idsByStance.entrySet()) {
            // a terms aggregation over narratives_asserted counts the articles asserting each narrative
            stringArray(g, "narratives_" + e.getKey().participle(), e.getValue());
        }
        Map<String, ArticleRecord.EntityCount> tracked = a.trackedEntities();
        stringArray(g, "entities", tracked.keySet());
        TreeSet<String> names = new TreeSet<>();
        tracked.values().forEach(c -> names.add(c.canonical() == null ? c.kbId() : c.canonical()));
        stringArray(g, "entity_names", names);
        TreeSet<String> pairs = new TreeSet<>();
        for (ArticleRecord.CoMention c : r.coMentions()) {
            if (c.a() != null && c.b() != null && !c.a().equals(c.b())) {
                pairs.add(c.a().compareTo(c.b()) < 0 ? c.a() + "|" + c.b() : c.b() + "|" + c.a());
            }
        }
        stringArray(g, "entity_pairs", pairs);
        g.writeNumberField("narrative_count", ids.size());
        g.writeNumberField("entity_mentions", r.entities().size());
        g.writeNumberField("sentences", r.sentences().size());
        g.writeStringField("page", page);
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void evidenceDoc(JsonGenerator g, ReportArticle a, ArticleRecord.Narrative n,
                                    ArticleRecord.EvidenceItem ev, String page) throws IOException {
        g.writeStartObject();
        g.writeStringField("article_id", a.id());
        g.writeStringField("title", a.record().title());
        g.writeStringField("url", a.record().url());
        g.writeStringField("source", a.outlet());
        dates(g, a);
        g.writeStringField("narrative", n.id());
        g.writeStringField("narrative_title", n.title());
        g.writeNumberField("score", n.score());
        g.writeStringField("rule", ev.rule());
        g.writeNumberField("sentence", ev.sentence());
        g.writeNumberField("start", ev.start());
        g.writeNumberField("end", ev.end());
        g.writeStringField("text", ev.text());
        g.writeStringField("sentence_text", a.sentenceText(ev.sentence()));
        stringArray(g, "entities", new TreeSet<>(ev.entities()));
        g.writeStringField("attributed_to", ev.attributedTo());
        g.writeStringField("stance", ev.stance());
        g.writeNumberField("weight", ev.weight());
        g.writeStringField("page", page);
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void dates(JsonGenerator g, ReportArticle a) throws IOException {
        PublishedDate d = a.date();
        g.writeStringField("published", d == null ? null : d.iso());
        g.writeStringField("day", d == null ? null : a.day());
        g.writeStringField("week", d == null ? null : a.week());
        g.writeBooleanField("dated", d != null);
    }

    private static void stringArray(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
