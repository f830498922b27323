package org.narrativewatch.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.ingest.ArticleFields;
import org.narrativewatch.TestData;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.output.ArticleJson;

/**
 * Per-article JSON records for report tests and the benchmark, written by the real
 * {@link ArticleJson} writer from real article text. The entity and narrative layers come from
 * a small fixed gazetteer and keyword catalog (the real stages are built elsewhere), so the
 * records have the documented shape with realistic, non-empty entities, co-mentions and
 * narrative evidence.
 */
public final class ArticleFixtures {
    /** kb_id, canonical name, type, then aliases. */
    static final List<List<String>> GAZETTEER = List.of(
            List.of("Q159", "Russia", "state", "Russia", "Russian", "Moscow", "Kremlin"),
            List.of("Q7747", "Vladimir Putin", "person", "Vladimir Putin", "Putin"),
            List.of("Q22686", "Donald Trump", "person", "Donald Trump", "Trump"),
            List.of("Q76", "Barack Obama", "person", "Barack Obama", "Obama"),
            List.of("Q6294", "Hillary Clinton", "person", "Hillary Clinton", "Clinton"),
            List.of("Q794", "Iran", "state", "Iran", "Iranian", "Tehran"),
            List.of("Q30", "United States", "state", "United States", "America", "U.S."),
            List.of("Q801", "Israel", "state", "Israel", "Israeli"),
            List.of("Q858", "Syria", "state", "Syria", "Syrian"),
            List.of("Q44329", "Bashar al-Assad", "person", "Assad"),
            List.of("Q8333", "FBI", "organization", "FBI"),
            List.of("Q41053", "Hezbollah", "organization", "Hezbollah"),
            List.of("Q7184", "NATO", "organization", "NATO"),
            List.of("Q458", "European Union", "organization", "European Union", "EU"),
            List.of("Q212", "Ukraine", "state", "Ukraine", "Ukrainian", "Kyiv"),
            List.of("Q399", "Armenia", "state", "Armenia", "Armenian"));

    /** id, title, then keywords with their weight ("word:weight"). */
    static final List<List<String>> NARRATIVES = List.of(
            List.of("deep-state", "A 'deep state' works against the president", "probe:0.6", "informant:0.7",
                    "cover-up:0.9", "Justice Department:0.5", "FBI:0.4"),
            List.of("iran-aggression", "Iran is an aggressor in the region", "aggression:0.9", "threat:0.6",
                    "nuclear:0.5", "Hezbollah:0.4"),
            List.of("russia-abandons-allies", "Russia abandons its allies", "abandon:0.9", "allies:0.6",
                    "betray:0.8"),
            List.of("election-interference", "Foreign interference in elections", "election:0.5",
                    "interfere:0.8", "meddl:0.9", "collusion:0.8"),
            List.of("west-weakness", "The West is weak and divided", "weak:0.7", "divided:0.6",
                    "collapse:0.8"));

    /**
     * The fixtures' stance cues, a stand-in for the real reading (narratives-format.md, "Stance"): a
     * sentence that calls something false or propaganda disputes the claim, one that quotes someone
     * reports it, any other asserts it.
     */
    private static final Pattern DISPUTING = Pattern.compile("(?i)\\b(?:false|fake|disinformation|propaganda)\\b");
    private static final Pattern REPORTING = Pattern.compile("(?i)\\b(?:said|says|according to|claimed)\\b");

    private static final Map<String, Pattern> ALIASES = aliases();
    private static final PageLayout LAYOUT = TestData.shippedLayout();

    /** Metadata a reader would have found for an article; any field but text may be null. */
    public record Meta(String id, String title, String url, String source, String published) {
    }

    private ArticleFixtures() {
    }

    /** The record for one article, as analyze would write it with entity and narrative stages. */
    public static byte[] record(String rawText, String fileName, Meta meta) {
        return new ArticleJson(Map.of("narrative-watch", "test"), false).pretty(doc(rawText, fileName, meta));
    }

    /** The record as analyze writes it without entity and narrative stages: empty layers. */
    public static byte[] recordWithoutLayers(String rawText, String fileName, Meta meta) {
        Doc doc = doc(rawText, fileName, meta);
        doc.setEntities(List.of());
        doc.setNarratives(List.of());
        return new ArticleJson(Map.of("narrative-watch", "test"), false).pretty(doc);
    }

    /** Writes a record per article to dir/ID.json; returns the paths. */
    public static Path write(Path dir, String rawText, String fileName, Meta meta) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(meta.id() + ".json");
        Files.write(file, record(rawText, fileName, meta));
        return file;
    }

    /**
     * Records for the articles in the project's corpus/ folder (real text: the sample article and
     * PTC articles), with varied outlets and date formats, one undated article, and three
     * hostile ones: markup in the text, a formula as title and an emoji before the entities. Most
     * hits assert their narrative; some report it (a quote) and one disputes it (the formula one).
     */
    public static List<Path> writeCorpus(Path dir) throws IOException {
        List<Path> corpus;
        try (Stream<Path> files = Files.list(corpusDir())) {
            corpus = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        String[][] meta = {
            {"https://www.washingtonexaminer.com/news/agencies-russia-probe", null, "2018-01-05T09:30:00Z"},
            {"https://www.americanthinker.com/articles/shia-crescent", "American Thinker", "Fri, 5 Jan 2018 14:02:00 GMT"},
            {null, "American Thinker", "January 8, 2018"},
            {"http://www.zerohedge.com/news/uranium-one", "Zero Hedge", "08.01.2018"},
            {null, "Fox News", "2018-01-09 18:00:00"},
            {null, "Fox News", "1515542400"},
            {"https://euromore.eu/russia-abandons-its-allies/", "EUROMORE", null},
        };
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String name = corpus.get(i).getFileName().toString();
            String[] m = meta[i % meta.length];
            written.add(write(dir, Files.readString(corpus.get(i)), "corpus/" + name,
                    new Meta(name.replace(".txt", ""), null, m[0], m[1], m[2])));
        }
        String sample = Files.readString(corpusDir().resolve("russia-abandons-its-allies.txt"));
        written.add(write(dir, "Russia will abandon its allies, said a <b>bold</b> & loud post. <img src=x onerror=alert(1)>\n\n"
                        + sample.substring(sample.indexOf("\n\n") + 2), "hostile.txt",
                new Meta("hostile-markup", "<script>alert('owned')</script> Hostile markup", "javascript:alert(1)", "<b>Evil</b> Outlet", "2018-01-10")));
        written.add(write(dir, "Moscow and Putin want to betray the allies, the post says. Putin and Obama met. "
                        + "Talk of a weak and divided West is Kremlin propaganda.\n", "formula.txt",
                new Meta("formula-title", "=HYPERLINK(\"http://evil.example\",\"click\")", null, "+cmd|' /C calc'!A0", "2018-01-10")));
        written.add(write(dir, "😀 The Kremlin and Putin abandon allies again 🙃, while NATO looks divided and weak.\n", "emoji.txt",
                new Meta("emoji-offsets", "Emoji 🇷🇺 first", null, "Emoji Times", "2018-01-11")));
        return written;
    }

    /** The project's corpus/ folder (tests run in the project folder). */
    public static Path corpusDir() {
        return Path.of("corpus");
    }

    static Doc doc(String rawText, String fileName, Meta meta) {
        Origin origin = new Origin(fileName, 0);
        Article read = meta.title() == null
                ? new Article(meta.id(), rawText, null, null, meta.url(), meta.source(), meta.published(), null,
                        origin, List.of())
                : new ArticleFields(meta.id(), meta.title(), rawText, meta.url(), meta.source(), meta.published(), null,
                        List.of()).toArticle(origin);
        Article article = LAYOUT.apply(read);
        Doc doc = new Doc(article);
        doc.setLanguage("en", 0.99);
        String text = article.analysedText();
        List<Sentence> sentences = sentences(text);
        doc.setTokens(List.of(), sentences);
        List<EntityMention> entities = entities(doc, text);
        doc.setEntities(entities);
        doc.setNarratives(narratives(text, sentences, entities));
        return doc;
    }

    /** Sentences as a sentence splitter finds them, never running across a paragraph break. */
    private static List<Sentence> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        List<Sentence> out = new ArrayList<>();
        Matcher paragraph = Pattern.compile("[^\\n]+(?:\\n[^\\n]+)*").matcher(text);
        while (paragraph.find()) {
            it.setText(paragraph.group());
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                int s = paragraph.start() + start;
                int e = paragraph.start() + end;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    out.add(new Sentence(out.size(), s, e, 0, 0));
                }
            }
        }
        return out;
    }

    private static List<EntityMention> entities(Doc doc, String text) {
        List<EntityMention> out = new ArrayList<>();
        for (List<String> entry : GAZETTEER) {
            Matcher m = ALIASES.get(entry.get(0)).matcher(text);
            while (m.find()) {
                int sentence = doc.sentenceAt(m.start());
                if (sentence >= 0) {
                    out.add(new EntityMention(m.start(), m.end(), m.group(), sentence, entry.get(0), entry.get(1),
                            entry.get(2), m.group().equals("Kremlin") || m.group().equals("Moscow") ? "metonymy" : "alias"));
                }
            }
        }
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.kbId().compareTo(b.kbId()));
        return out;
    }

    private static List<NarrativeHit> narratives(String text, List<Sentence> sentences, List<EntityMention> entities) {
        List<NarrativeHit> hits = new ArrayList<>();
        for (List<String> narrative : NARRATIVES) {
            List<Evidence> evidence = new ArrayList<>();
            double total = 0;
            for (Sentence s : sentences) {
                String sentence = text.substring(s.start(), s.end());
                String lower = sentence.toLowerCase(Locale.ROOT);
                for (String keyword : narrative.subList(2, narrative.size())) {
                    String word = keyword.substring(0, keyword.lastIndexOf(':'));
                    double weight = Double.parseDouble(keyword.substring(keyword.lastIndexOf(':') + 1));
                    int at = lower.indexOf(word.toLowerCase(Locale.ROOT));
                    if (at >= 0) {
                        List<EntityMention> named = entities.stream().filter(e -> e.sentence() == s.index()).toList();
                        TreeSet<String> ids = new TreeSet<>();
                        named.forEach(e -> ids.add(e.kbId()));
                        Stance stance = DISPUTING.matcher(sentence).find() ? Stance.DISPUTES
                                : REPORTING.matcher(sentence).find() ? Stance.REPORTS : Stance.ASSERTS;
                        String speaker = stance != Stance.REPORTS ? null
                                : named.isEmpty() ? "unnamed source" : named.get(0).canonical();
                        evidence.add(new Evidence("keyword:" + word, s.index(), s.start(), s.end(), sentence,
                                List.copyOf(ids), speaker, stance, weight));
                        total += weight;
                        break;
                    }
                }
            }
            if (!evidence.isEmpty()) {
                hits.add(new NarrativeHit(narrative.get(0), narrative.get(1),
                        Math.round(Math.min(1.0, total / 3) * 1000) / 1000.0, heaviestStance(evidence), evidence));
            }
        }
        return hits;
    }

    /** The stance most of the evidence weight takes (the first in {@link Stance}'s order on a tie). */
    private static Stance heaviestStance(List<Evidence> evidence) {
        double[] weight = new double[Stance.values().length];
        evidence.forEach(e -> weight[e.stance().ordinal()] += e.weight());
        Stance heaviest = Stance.ASSERTS;
        for (Stance s : Stance.values()) {
            heaviest = weight[s.ordinal()] > weight[heaviest.ordinal()] ? s : heaviest;
        }
        return heaviest;
    }

    private static Map<String, Pattern> aliases() {
        Map<String, Pattern> out = new TreeMap<>();
        for (List<String> entry : GAZETTEER) {
            List<String> names = new ArrayList<>(entry.subList(3, entry.size()));
            names.sort((a, b) -> b.length() - a.length());
            StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
            for (int i = 0; i < names.size(); i++) {
                re.append(i == 0 ? "" : "|").append(Pattern.quote(names.get(i)));
            }
            out.put(entry.get(0), Pattern.compile(re.append(")(?![\\p{L}\\p{N}])").toString()));
        }
        return out;
    }

}
