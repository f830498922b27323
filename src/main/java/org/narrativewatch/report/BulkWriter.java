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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.AtomicFileSet;
import org.narrativewatch.output.AtomicFiles;

/**
 * Streams the Elasticsearch/OpenSearch {@code _bulk} files: for each article one document in
 * PREFIX-articles and one per piece of narrative evidence in PREFIX-evidence, each preceded by
 * its {@code index} action with a stable {@code _id}, so loading twice replaces rather than
 * duplicates. Evidence ids name the narrative ({@code <id>:<narrative id>:<evidence index>}), not
 * its place among the article's hits, so that a catalog edit or a changed article never puts one
 * narrative's evidence under another's id.
 *
 * <p>Loaded after the previous run's files, this run's must leave the indices holding what this
 * run describes, so they also {@code delete} every document the previous run's files in the same
 * folder indexed and this run does not: deleted and renamed articles, evidence that is gone. The
 * previous files are walked alongside the records ({@link PreviousBulk}), and the new parts replace
 * them only when the whole report is put in place ({@link AtomicFileSet}): with the state of "what
 * is new" and the rest, so that a killed run leaves the previous parts for the next one to compare with.
 *
 * <p>A part is closed once it passes {@link #MAX_PART_BYTES}, below the servers' default 100 MB
 * request limit; a small corpus fits in bulk-0001.ndjson, loaded with one curl.
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
    private final PreviousBulk previous;
    private final AtomicFileSet files;
    /** The parts written so far, the last one still open: handed to {@link #files} by {@link #finish()}. */
    private final List<AtomicFiles.Pending> parts = new ArrayList<>();
    private long partBytes;
    private final List<String> written = new ArrayList<>();

    /** @param files the set the parts join, to replace the previous ones when it is committed */
    BulkWriter(Path dir, String indexPrefix, long maxPartBytes, AtomicFileSet files) throws IOException {
        this.dir = dir;
        this.files = files;
        this.articlesIndex = indexPrefix + "-articles";
        this.evidenceIndex = indexPrefix + "-evidence";
        this.maxPartBytes = maxPartBytes;
        this.previous = new PreviousBulk(existingParts(dir));
    }

    /** The part files in {@code dir}, in part order. */
    private static List<Path> existingParts(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, PART_GLOB)) {
                parts.forEach(found::add);
            }
        }
        // bulk-10000 comes after bulk-9999
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                .thenComparing(p -> p.getFileName().toString()));
        return found;
    }

    static String partName(int number) {
        return String.format(Locale.ROOT, "bulk-%04d.ndjson", number);
    }

    /**
     * Writes the article's documents, after the deletes of the previous run's documents that come
     * before it or are its own and that it no longer has; starts a new part when the current one is full.
     */
    void add(ReportArticle article, String docId, String page) throws IOException {
        List<PreviousBulk.Doc> docs = new ArrayList<>();
        docs.add(new PreviousBulk.Doc(articlesIndex, docId));
        List<ArticleRecord.Narrative> narratives = article.record().narratives();
        for (ArticleRecord.Narrative narrative : narratives) {
            for (int e = 0; e < narrative.evidence().size(); e++) {
                docs.add(new PreviousBulk.Doc(evidenceIndex, evidenceId(docId, narrative, e)));
            }
        }
        List<PreviousBulk.Doc> previousArticle;
        while (!(previousArticle = previous.next(docId)).isEmpty()) {
            deletes(previousArticle.stream().filter(doc -> !docs.contains(doc)).toList());
        }

        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            int at = 0;
            action(g, "index", docs.get(at++));
            articleDoc(g, article, page);
            for (int n = 0; n < narratives.size(); n++) {
                ArticleRecord.Narrative narrative = narratives.get(n);
                for (int e = 0; e < narrative.evidence().size(); e++) {
                    action(g, "index", docs.get(at++));
                    evidenceDoc(g, article, narrative, narrative.evidence().get(e),
                            page == null ? null : page + "#" + ArticlePage.evidenceAnchor(n, e));
                }
            }
        }
        append();
    }

    /**
     * The evidence document's id: it names the narrative, so it stays with the narrative's evidence
     * when the catalog or the article changes the order of the hits.
     */
    static String evidenceId(String docId, ArticleRecord.Narrative narrative, int evidence) {
        return docId + ":" + narrative.id() + ":" + evidence;
    }

    /** Writes the deletes of one of the previous run's articles. */
    private void deletes(List<PreviousBulk.Doc> gone) throws IOException {
        buffer.reset();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            for (PreviousBulk.Doc doc : gone) {
                action(g, "delete", doc);
            }
        }
        append();
    }

    /** Appends the buffer to the current part, closing that part first when the buffer would overfill it. */
    private void append() throws IOException {
        if (buffer.size() == 0) {
            return;
        }
        AtomicFiles.Pending part = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (part != null && partBytes + buffer.size() > maxPartBytes && partBytes > 0) {
            part.stream().close();
            part = null;
        }
        if (part == null) {
            String name = partName(written.size() + 1);
            part = files.open(AtomicFiles.inside(dir, name));
            parts.add(part);
            written.add(name);
            partBytes = 0;
        }
        buffer.writeTo(part.stream());
        partBytes += buffer.size();
    }

    /**
     * Writes the deletes of the previous run's documents after the last article and hands the parts
     * to the set, with the removal of parts left from earlier, larger runs; returns the part names.
     */
    List<String> finish() throws IOException {
        List<PreviousBulk.Doc> previousArticle;
        while (!(previousArticle = previous.next(null)).isEmpty()) {
            deletes(previousArticle);
        }
        previous.close();
        if (parts.isEmpty()) {
            files.write(AtomicFiles.inside(dir, partName(1)), new byte[0]);
            written.add(partName(1));
        }
        for (AtomicFiles.Pending part : parts) {
            part.commit();
        }
        parts.clear();
        for (Path old : existingParts(dir)) {
            if (!written.contains(old.getFileName().toString())) {
                files.remove(old);
            }
        }
        return List.copyOf(written);
    }

    /** Whether this run's files delete every document of the previous run's that it no longer has. */
    boolean deletesComplete() {
        return previous.usable();
    }

    /** Throws away the parts not handed to the set: the previous run's files stay as they were. */
    @Override
    public void close() throws IOException {
        previous.close();
        for (AtomicFiles.Pending part : parts) {
            part.close();
        }
    }

    private static void action(JsonGenerator g, String action, PreviousBulk.Doc doc) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart(action);
        g.writeStringField("_index", doc.index());
        g.writeStringField("_id", doc.id());
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
