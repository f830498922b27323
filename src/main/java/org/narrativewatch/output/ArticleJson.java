package org.narrativewatch.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;
import org.narrativewatch.ingest.ArticleIds;

/**
 * Writes the per-article JSON record, the public contract documented in docs/article-schema.md.
 * Field order is fixed and nothing depends on time or thread scheduling, so the same input always
 * gives the same bytes. All offsets are Unicode code point offsets into {@code text}.
 */
public final class ArticleJson {
    public static final int SCHEMA_VERSION = 1;

    private final JsonFactory factory = new JsonFactory();
    private final Map<String, String> versions;
    private final boolean includeTokens;

    /**
     * @param versions      versions of code, models and catalogs, written into every record so a
     *                      record says what produced it
     * @param includeTokens whether to write the token layer (POS, lemma) too
     */
    public ArticleJson(Map<String, String> versions, boolean includeTokens) {
        this.versions = new TreeMap<>(versions);
        this.includeTokens = includeTokens;
    }

    /** Whether records include the token layer. */
    public boolean includesTokens() {
        return includeTokens;
    }

    /** The record as pretty-printed UTF-8 JSON with a final newline. */
    public byte[] pretty(Doc doc) {
        return render(doc, true);
    }

    /** The record on one line, for JSONL streams, with a final newline. */
    public byte[] line(Doc doc) {
        return render(doc, false);
    }

    private byte[] render(Doc doc, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (pretty) {
                DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
                g.setPrettyPrinter(printer);
            }
            write(doc, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    public void write(Doc doc, JsonGenerator g) throws IOException {
        Article a = doc.article();
        String text = a.text();
        CodePoints cp = new CodePoints(text);
        g.writeStartObject();
        g.writeNumberField("schema_version", SCHEMA_VERSION);
        g.writeStringField("id", a.id());
        g.writeStringField("title", a.title());
        g.writeStringField("url", a.url());
        g.writeStringField("source", a.source());
        g.writeStringField("published", a.published());
        g.writeStringField("language", doc.language());
        g.writeNumberField("language_confidence", doc.languageConfidence());
        g.writeStringField("status", doc.skipped() ? "skipped" : "analyzed");
        g.writeStringField("skip_reason", doc.skipReason());
        g.writeObjectFieldStart("origin");
        g.writeStringField("file", a.origin().file());
        if (a.origin().line() > 0) {
            g.writeNumberField("line", a.origin().line());
        } else {
            g.writeNullField("line");
        }
        g.writeEndObject();
        g.writeStringField("content_hash", "sha256:" + ArticleIds.sha256(text));

        List<EntityMention> entities = doc.entities();
        g.writeObjectFieldStart("counts");
        g.writeNumberField("characters", text.codePointCount(0, text.length()));
        g.writeNumberField("tokens", doc.tokens().size());
        g.writeNumberField("sentences", doc.sentences().size());
        g.writeNumberField("entities", entities.size());
        g.writeNumberField("tracked_entities", entities.stream().filter(EntityMention::tracked).count());
        g.writeNumberField("narratives", doc.narratives().size());
        g.writeEndObject();

        g.writeStringField("text", text);
        if (a.titleSpan() == null) {
            g.writeNullField("title_span");
        } else {
            g.writeObjectFieldStart("title_span");
            g.writeNumberField("start", cp.of(a.titleSpan().start()));
            g.writeNumberField("end", cp.of(a.titleSpan().end()));
            g.writeEndObject();
        }

        g.writeArrayFieldStart("sentences");
        for (Sentence s : doc.sentences()) {
            g.writeStartObject();
            g.writeNumberField("start", cp.of(s.start()));
            g.writeNumberField("end", cp.of(s.end()));
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("entities");
        for (EntityMention e : entities) {
            g.writeStartObject();
            g.writeStringField("text", e.text());
            g.writeNumberField("start", cp.of(e.start()));
            g.writeNumberField("end", cp.of(e.end()));
            g.writeNumberField("sentence", e.sentence());
            g.writeStringField("type", e.type());
            g.writeStringField("kb_id", e.kbId());
            g.writeStringField("canonical", e.canonical());
            g.writeStringField("via", e.via());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeEntityCounts(entities, g);
        writeCoMentions(entities, g);

        g.writeArrayFieldStart("narratives");
        for (NarrativeHit hit : doc.narratives()) {
            g.writeStartObject();
            g.writeStringField("id", hit.id());
            g.writeStringField("title", hit.title());
            g.writeNumberField("score", hit.score());
            g.writeStringField("stance", hit.stance().key());
            g.writeArrayFieldStart("evidence");
            for (Evidence ev : hit.evidence()) {
                g.writeStartObject();
                g.writeStringField("rule", ev.rule());
                g.writeNumberField("sentence", ev.sentence());
                g.writeNumberField("start", cp.of(ev.start()));
                g.writeNumberField("end", cp.of(ev.end()));
                g.writeStringField("text", ev.text());
                g.writeArrayFieldStart("entities");
                for (String id : ev.entities()) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeStringField("attributed_to", ev.attributedTo());
                g.writeStringField("stance", ev.stance().key());
                g.writeNumberField("weight", ev.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("dropped");
        for (Dropped d : a.dropped()) {
            g.writeStartObject();
            g.writeNumberField("start", cp.of(d.span().start()));
            g.writeNumberField("end", cp.of(d.span().end()));
            g.writeStringField("reason", d.reason());
            g.writeStringField("text", d.span().of(text));
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("warnings");
        for (String w : a.warnings()) {
            g.writeString(w);
        }
        for (String w : doc.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();

        g.writeObjectFieldStart("versions");
        for (Map.Entry<String, String> v : versions.entrySet()) {
            g.writeStringField(v.getKey(), v.getValue());
        }
        g.writeEndObject();

        if (includeTokens) {
            g.writeArrayFieldStart("tokens");
            for (Token t : doc.tokens()) {
                g.writeStartObject();
                g.writeNumberField("start", cp.of(t.start()));
                g.writeNumberField("end", cp.of(t.end()));
                g.writeNumberField("sentence", t.sentence());
                g.writeStringField("pos", t.pos());
                g.writeStringField("lemma", t.lemma());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Mentions per tracked entity, most mentioned first. */
    private static void writeEntityCounts(List<EntityMention> entities, JsonGenerator g) throws IOException {
        Map<String, EntityMention> first = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (EntityMention e : entities) {
            if (e.tracked()) {
                first.putIfAbsent(e.kbId(), e);
                counts.merge(e.kbId(), 1, Integer::sum);
            }
        }
        List<String> ids = new ArrayList<>(counts.keySet());
        ids.sort((x, y) -> counts.get(y) - counts.get(x) != 0 ? counts.get(y) - counts.get(x) : x.compareTo(y));
        g.writeArrayFieldStart("entity_counts");
        for (String id : ids) {
            g.writeStartObject();
            g.writeStringField("kb_id", id);
            g.writeStringField("canonical", first.get(id).canonical());
            g.writeStringField("type", first.get(id).type());
            g.writeNumberField("mentions", counts.get(id));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Pairs of tracked entities mentioned in the same sentence, with the sentences. */
    private static void writeCoMentions(List<EntityMention> entities, JsonGenerator g) throws IOException {
        Map<Integer, java.util.SortedSet<String>> bySentence = new TreeMap<>();
        for (EntityMention e : entities) {
            if (e.tracked() && e.sentence() >= 0) {
                bySentence.computeIfAbsent(e.sentence(), k -> new java.util.TreeSet<>()).add(e.kbId());
            }
        }
        Map<String, List<Integer>> pairs = new TreeMap<>();
        for (Map.Entry<Integer, java.util.SortedSet<String>> s : bySentence.entrySet()) {
            List<String> ids = new ArrayList<>(s.getValue());
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    pairs.computeIfAbsent(ids.get(i) + "\t" + ids.get(j), k -> new ArrayList<>()).add(s.getKey());
                }
            }
        }
        g.writeArrayFieldStart("co_mentions");
        for (Map.Entry<String, List<Integer>> p : pairs.entrySet()) {
            String[] ab = p.getKey().split("\t");
            g.writeStartObject();
            g.writeStringField("a", ab[0]);
            g.writeStringField("b", ab[1]);
            g.writeArrayFieldStart("sentences");
            for (int s : p.getValue()) {
                g.writeNumber(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
