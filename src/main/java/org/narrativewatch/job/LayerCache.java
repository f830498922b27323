package org.narrativewatch.job;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.io.input.UnsynchronizedByteArrayInputStream;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.NerMention;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.doc.Token;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.output.AtomicFiles;

/**
 * What makes re-runs incremental: for every article, the layers the pipeline computed, keyed by a
 * hash of everything the analysis depends on (its text and metadata, the output settings)
 * and the versions of code, models and catalogs that made them. Kept in {@code OUT/.cache/<id>.layers}
 * for articles of at least {@value #MIN_CHARS} characters.
 *
 * <p>On the next run into the same folder an article whose key and versions are unchanged is not
 * analysed again: its layers are read back and its record rendered from them. When only versions
 * of catalogs that belong to later stages changed (a catalog version key equal to a stage name,
 * such as {@code narratives}), the layers of the stages before are kept and only those stages
 * re-run. Anything else (new code, another model, a changed text) analyses the article afresh.
 */
public final class LayerCache {
    public static final String DIR = ".cache";
    private static final String SUFFIX = ".layers";
    private static final int FORMAT = 2;
    /**
     * Articles shorter than this are not kept: analysing one again (about 0.1 ms of CPU) costs less
     * than writing, reading and eventually deleting its own cache file, and a corpus of a million
     * tweet-sized articles would otherwise carry a million more files.
     */
    static final int MIN_CHARS = 300;

    private final Path dir;
    private final String settings;
    /** Whether the folder held no entries when the run began: then no article needs to be looked up. */
    private final boolean startedEmpty;

    /**
     * @param outDir   the run's output folder
     * @param settings output settings that change a record without changing any version (e.g. whether
     *                 it includes tokens)
     */
    public LayerCache(Path outDir, String settings) throws IOException {
        this.dir = outDir.resolve(DIR);
        this.settings = settings;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            this.startedEmpty = !entries.iterator().hasNext();
        }
    }

    /**
     * An article's layers from an earlier run. The doc has every layer but no warnings: those are
     * listed apart with the index of the stage that added each, so a partial re-run keeps only
     * the warnings of the stages it does not run again.
     */
    public record Entry(String key, Map<String, String> versions, Doc doc, List<String> warnings,
                        List<Integer> warningStages) {
    }

    /**
     * The key of an article: its text, metadata and the output settings, hashed. Not its id or
     * origin: no stage reads them, and the record takes both from the current article, so an
     * article keeps its layers when its folder is named another way or lines are inserted above
     * it in a JSONL or CSV file.
     */
    public String key(Article a) {
        StringBuilder s = new StringBuilder(a.text().length() + 256);
        s.append(settings).append('\u0000').append(a.title()).append('\u0000')
                .append(a.titleSpan()).append('\u0000').append(a.url()).append('\u0000').append(a.source())
                .append('\u0000').append(a.published()).append('\u0000').append(a.declaredLanguage())
                .append('\u0000');
        for (Dropped d : a.dropped()) {
            s.append(d).append('\u0000');
        }
        s.append(a.text());
        return ArticleIds.sha256(s.toString());
    }

    /** The stored entry for an article, or null when there is none or it cannot be read. */
    public Entry read(Article article) {
        if (startedEmpty || article.text().length() < MIN_CHARS) {
            return null; // nothing kept, so no failed open per article
        }
        Path file = dir.resolve(article.id() + SUFFIX);
        try {
            // Decoding reads a few bytes at a time: from a stream that takes a lock per read (as
            // BufferedInputStream and ByteArrayInputStream do) reading the cache was most of a re-run.
            byte[] bytes = Files.readAllBytes(file);
            return decode(new DataInputStream(UnsynchronizedByteArrayInputStream.builder().setByteArray(bytes).get()),
                    article);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged or foreign file only costs a fresh analysis
        }
    }

    /** Stores an article's layers; {@code warningStages} names the stage that added each warning. */
    public void write(String key, Map<String, String> versions, Doc doc, List<Integer> warningStages) {
        if (doc.article().text().length() < MIN_CHARS) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16384);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes, 8192))) {
            encode(out, key, versions, doc, warningStages);
            out.flush();
            AtomicFiles.write(AtomicFiles.inside(dir, doc.article().id() + SUFFIX), bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes entries of articles this run did not produce. */
    public void removeAllBut(Set<String> ids) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!ids.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void encode(DataOutputStream out, String key, Map<String, String> versions, Doc doc,
                               List<Integer> warningStages) throws IOException {
        out.writeInt(FORMAT);
        out.writeUTF(key);
        out.writeInt(versions.size());
        for (Map.Entry<String, String> v : versions.entrySet()) {
            out.writeUTF(v.getKey());
            out.writeUTF(v.getValue());
        }
        writeNullable(out, doc.language());
        out.writeDouble(doc.languageConfidence());
        writeNullable(out, doc.skipReason());
        out.writeInt(doc.warnings().size());
        for (int i = 0; i < doc.warnings().size(); i++) {
            out.writeInt(warningStages.get(i));
            writeLong(out, doc.warnings().get(i));
        }
        out.writeInt(doc.tokens().size());
        for (Token t : doc.tokens()) {
            out.writeInt(t.start());
            out.writeInt(t.end());
            out.writeUTF(t.pos());
            writeLong(out, t.lemma());
            out.writeInt(t.sentence());
        }
        out.writeInt(doc.sentences().size());
        for (Sentence s : doc.sentences()) {
            out.writeInt(s.start());
            out.writeInt(s.end());
            out.writeInt(s.firstToken());
            out.writeInt(s.endToken());
        }
        out.writeInt(doc.nerMentions().size());
        for (NerMention m : doc.nerMentions()) {
            out.writeInt(m.start());
            out.writeInt(m.end());
            out.writeUTF(m.type());
        }
        out.writeInt(doc.entities().size());
        for (EntityMention e : doc.entities()) {
            out.writeInt(e.start());
            out.writeInt(e.end());
            out.writeInt(e.sentence());
            writeNullable(out, e.kbId());
            writeNullable(out, e.canonical());
            writeNullable(out, e.type());
            writeNullable(out, e.via());
        }
        out.writeInt(doc.narratives().size());
        for (NarrativeHit h : doc.narratives()) {
            out.writeUTF(h.id());
            writeNullable(out, h.title());
            out.writeDouble(h.score());
            out.writeUTF(h.stance().key());
            out.writeInt(h.evidence().size());
            for (Evidence ev : h.evidence()) {
                out.writeUTF(ev.rule());
                out.writeInt(ev.sentence());
                out.writeInt(ev.start());
                out.writeInt(ev.end());
                writeLong(out, ev.text());
                out.writeInt(ev.entities().size());
                for (String id : ev.entities()) {
                    out.writeUTF(id);
                }
                writeNullable(out, ev.attributedTo());
                out.writeUTF(ev.stance().key());
                out.writeDouble(ev.weight());
            }
        }
    }

    private static Entry decode(DataInputStream in, Article article) throws IOException {
        if (in.readInt() != FORMAT) {
            return null;
        }
        String key = in.readUTF();
        Map<String, String> versions = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            versions.put(in.readUTF(), in.readUTF());
        }
        String text = article.text();
        Doc doc = new Doc(article);
        String language = readNullable(in);
        doc.setLanguage(language, in.readDouble());
        String skip = readNullable(in);
        if (skip != null) {
            doc.skip(skip);
        }
        List<Integer> warningStages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            warningStages.add(in.readInt());
            warnings.add(readLong(in));
        }
        List<Token> tokens = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            int start = in.readInt();
            int end = in.readInt();
            tokens.add(new Token(start, end, text.substring(start, end), in.readUTF(), readLong(in), in.readInt()));
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            sentences.add(new Sentence(i, in.readInt(), in.readInt(), in.readInt(), in.readInt()));
        }
        doc.setTokens(tokens, sentences);
        List<NerMention> ner = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            ner.add(new NerMention(in.readInt(), in.readInt(), in.readUTF()));
        }
        doc.setNerMentions(ner);
        List<EntityMention> entities = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            int start = in.readInt();
            int end = in.readInt();
            entities.add(new EntityMention(start, end, text.substring(start, end), in.readInt(), readNullable(in),
                    readNullable(in), readNullable(in), readNullable(in)));
        }
        doc.setEntities(entities);
        List<NarrativeHit> hits = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            String id = in.readUTF();
            String title = readNullable(in);
            double score = in.readDouble();
            Stance stance = Stance.ofKey(in.readUTF());
            List<Evidence> evidence = new ArrayList<>();
            for (int m = in.readInt(); m > 0; m--) {
                String rule = in.readUTF();
                int sentence = in.readInt();
                int start = in.readInt();
                int end = in.readInt();
                String evText = readLong(in);
                List<String> ids = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    ids.add(in.readUTF());
                }
                String speaker = readNullable(in);
                evidence.add(new Evidence(rule, sentence, start, end, evText, ids, speaker, Stance.ofKey(in.readUTF()),
                        in.readDouble()));
            }
            hits.add(new NarrativeHit(id, title, score, stance, evidence));
        }
        doc.setNarratives(hits);
        return new Entry(key, versions, doc, warnings, warningStages);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** A string of any length (writeUTF stops at 64 KB). */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
