package org.narrativewatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.doc.Span;
import org.narrativewatch.doc.Token;
import org.narrativewatch.output.ArticleJson;

/**
 * Realistic per-article records for store tests and the load benchmark, made from the real
 * EUvsDisinfo claims (../shared/data/euvsdisinfo): each article is one or more consecutive claims,
 * one sentence each, dated and sourced as the database has them. Tracked entities are found in the
 * text with a small gazetteer of real Wikidata ids; a claim's narrative keywords (as the database
 * tagged it) become narrative hits with the claim's sentence as evidence. The records go through
 * the real {@link ArticleJson} writer, so they are exactly what {@code analyze} writes.
 *
 * <p>The database does not say how an outlet stands to a claim, so the stances are made up, spread
 * over the claims so that the store holds all three: the claim on every seventh line of the CSV is
 * disputed, every fifth other one reported (attributed to its outlet), the rest asserted.
 */
final class ClaimCorpus {
    static final Path CSV = Path.of(System.getProperty("nw.shared", "../shared"),
            "data/euvsdisinfo/cases-2015-2019.csv");

    /** EUvsDisinfo keywords that name a narrative (the others are topics or names), with their ids. */
    static final Map<String, String> NARRATIVES = Map.ofEntries(
            Map.entry("Anti-Russian", "anti-russian"),
            Map.entry("Russophobia", "russophobia"),
            Map.entry("Nazi/Fascist", "nazi-ukraine-europe"),
            Map.entry("Conspiracy theory", "conspiracy-theory"),
            Map.entry("Coup", "coup"),
            Map.entry("Colour revolutions", "colour-revolutions"),
            Map.entry("Ukrainian statehood", "ukrainian-statehood"),
            Map.entry("Ukrainian disintegration", "ukrainian-disintegration"),
            Map.entry("US presence in Europe", "us-presence-in-europe"),
            Map.entry("Warmongering", "warmongering"),
            Map.entry("EU/NATO enlargement", "eu-nato-enlargement"),
            Map.entry("Historical revisionism", "historical-revisionism"),
            Map.entry("Manipulated elections/referendum", "manipulated-elections"),
            Map.entry("Western values", "western-values"),
            Map.entry("Encircling Russia", "encircling-russia"),
            Map.entry("EU disintegration", "eu-disintegration"));

    private record Entity(String kbId, String canonical, String type) {
    }

    private record Alias(String text, Entity entity, String via) {
    }

    private static final Map<String, Alias> GAZETTEER = gazetteer();
    private static final Pattern ALIASES = Pattern.compile("\\b(?:" + String.join("|", GAZETTEER.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed()).map(Pattern::quote).toList()) + ")\\b");
    private static final Pattern WORDS = Pattern.compile("\\w+|[^\\w\\s]");

    record Claim(int line, LocalDate date, String url, String title, String outlet, List<String> keywords) {
        List<String> narratives() {
            return keywords.stream().filter(NARRATIVES::containsKey).map(NARRATIVES::get).distinct().toList();
        }

        Stance stance() {
            return line % 7 == 0 ? Stance.DISPUTES : line % 5 == 0 ? Stance.REPORTS : Stance.ASSERTS;
        }

        /** Who a reported claim is attributed to: its outlet, or a stand-in when the database names none. */
        String speaker() {
            return stance() != Stance.REPORTS ? null : outlet == null ? "an unnamed outlet" : outlet;
        }
    }

    private final List<Claim> claims;
    private final ArticleJson json = new ArticleJson(Map.of("narrative-watch", "test", "catalog", "euvsdisinfo-keywords"),
            false);
    private final ObjectMapper mapper = new ObjectMapper();

    private ClaimCorpus(List<Claim> claims) {
        this.claims = claims;
    }

    static boolean available() {
        return Files.isRegularFile(CSV);
    }

    static ClaimCorpus load() throws IOException {
        List<Claim> claims = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(CSV, StandardCharsets.UTF_8)) {
            int line = 1;
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                line++;
                String outlet = r.get("outlets").isBlank() ? null : r.get("outlets").split("\\+")[0].strip();
                claims.add(new Claim(line, LocalDate.parse(r.get("date")), r.get("id"), r.get("title").strip(),
                        outlet, Arrays.stream(r.get("keywords").split("\\+")).map(String::strip)
                                .filter(k -> !k.isEmpty()).toList()));
            }
        }
        return new ClaimCorpus(List.copyOf(claims));
    }

    List<Claim> claims() {
        return claims;
    }

    /** The claims article {@code n} is made of when each article has {@code claimsPerArticle} claims. */
    List<Claim> claimsOf(long n, int claimsPerArticle) {
        List<Claim> out = new ArrayList<>(claimsPerArticle);
        for (int k = 0; k < claimsPerArticle; k++) {
            out.add(claims.get((int) ((n * claimsPerArticle + k) % claims.size())));
        }
        return out;
    }

    /** Article {@code n}'s record as {@code analyze} writes it (pretty JSON). */
    byte[] recordBytes(long n, int claimsPerArticle) {
        return json.pretty(doc("claims-" + n, claimsOf(n, claimsPerArticle)));
    }

    JsonNode record(long n, int claimsPerArticle) {
        try {
            return mapper.readTree(recordBytes(n, claimsPerArticle));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes articles 0..count-1 as {@code <id>.json} files, as analyze lays them out. */
    void writeRecords(Path articlesDir, int count, int claimsPerArticle) throws IOException {
        Files.createDirectories(articlesDir);
        for (int n = 0; n < count; n++) {
            Files.write(articlesDir.resolve("claims-" + n + ".json"), recordBytes(n, claimsPerArticle));
        }
    }

    /** The analysed article: one sentence per claim, tracked entities, and one hit per narrative keyword. */
    static Doc doc(String id, List<Claim> parts) {
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        for (Claim c : parts) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            int start = text.length();
            String sentence = c.title().matches(".*[.!?]$") ? c.title() : c.title() + ".";
            text.append(sentence);
            int firstToken = tokens.size();
            Matcher word = WORDS.matcher(sentence);
            while (word.find()) {
                tokens.add(new Token(start + word.start(), start + word.end(), word.group(), null, null,
                        sentences.size()));
            }
            sentences.add(new Sentence(sentences.size(), start, text.length(), firstToken, tokens.size()));
        }
        Claim first = parts.get(0);
        Article article = new Article(id, text.toString(), first.title(), new Span(0, first.title().length()),
                first.url(), first.outlet(), first.date().toString(), "en",
                new Origin("euvsdisinfo/cases-2015-2019.csv", first.line()), List.of());
        Doc doc = new Doc(article);
        doc.setLanguage("en", 0.99);
        doc.setTokens(tokens, sentences);

        List<EntityMention> mentions = new ArrayList<>();
        Map<Integer, Set<String>> entitiesBySentence = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            Matcher m = ALIASES.matcher(text).region(s.start(), s.end());
            while (m.find()) {
                Alias alias = GAZETTEER.get(m.group());
                Entity e = alias.entity();
                mentions.add(new EntityMention(m.start(), m.end(), m.group(), s.index(), e.kbId(), e.canonical(),
                        e.type(), alias.via()));
                entitiesBySentence.computeIfAbsent(s.index(), k -> new LinkedHashSet<>()).add(e.kbId());
            }
        }
        doc.setEntities(mentions);

        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Sentence s = sentences.get(i);
            Claim claim = parts.get(i);
            for (String narrative : claim.narratives()) {
                evidence.computeIfAbsent(narrative, k -> new ArrayList<>()).add(new Evidence("euvsdisinfo-keyword",
                        s.index(), s.start(), s.end(), text.substring(s.start(), s.end()),
                        List.copyOf(entitiesBySentence.getOrDefault(s.index(), Set.of())), claim.speaker(),
                        claim.stance(), 1.0));
            }
        }
        // an article that asserts a narrative anywhere asserts it; else it reports it if it reports it anywhere
        List<NarrativeHit> hits = new ArrayList<>();
        evidence.forEach((narrative, items) -> hits.add(new NarrativeHit(narrative, title(narrative),
                1 - Math.pow(0.5, items.size()), items.stream().map(Evidence::stance).min(Comparator.naturalOrder())
                        .orElseThrow(), items)));
        doc.setNarratives(hits);
        return doc;
    }

    static String title(String narrativeId) {
        return NARRATIVES.entrySet().stream().filter(e -> e.getValue().equals(narrativeId)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static Map<String, Alias> gazetteer() {
        List<Alias> aliases = new ArrayList<>();
        add(aliases, new Entity("Q159", "Russia", "state"), "Russia|Russian Federation", "Moscow|Kremlin",
                "Russian|Russians");
        add(aliases, new Entity("Q212", "Ukraine", "state"), "Ukraine", "Kyiv|Kiev", "Ukrainian|Ukrainians");
        add(aliases, new Entity("Q30", "United States", "state"), "US|USA|United States", "Washington",
                "American|Americans");
        add(aliases, new Entity("Q458", "European Union", "organization"), "EU|European Union", "Brussels", "");
        add(aliases, new Entity("Q7184", "NATO", "organization"), "NATO", "", "");
        add(aliases, new Entity("Q183", "Germany", "state"), "Germany", "Berlin", "German|Germans");
        add(aliases, new Entity("Q145", "United Kingdom", "state"), "UK|Britain|United Kingdom", "London",
                "British");
        add(aliases, new Entity("Q36", "Poland", "state"), "Poland", "Warsaw", "Polish|Poles");
        add(aliases, new Entity("Q858", "Syria", "state"), "Syria", "Damascus", "Syrian|Syrians");
        add(aliases, new Entity("Q230", "Georgia", "state"), "Georgia", "Tbilisi", "Georgian|Georgians");
        add(aliases, new Entity("Q184", "Belarus", "state"), "Belarus", "Minsk", "Belarusian|Belarusians");
        add(aliases, new Entity("Q142", "France", "state"), "France", "Paris", "French");
        add(aliases, new Entity("Q191", "Estonia", "state"), "Estonia", "Tallinn", "Estonian|Estonians");
        add(aliases, new Entity("Q211", "Latvia", "state"), "Latvia", "Riga", "Latvian|Latvians");
        add(aliases, new Entity("Q37", "Lithuania", "state"), "Lithuania", "Vilnius", "Lithuanian|Lithuanians");
        add(aliases, new Entity("Q213", "Czech Republic", "state"), "Czech Republic|Czechia", "Prague", "Czech");
        add(aliases, new Entity("Q7835", "Crimea", "region"), "Crimea", "", "");
        add(aliases, new Entity("Q7747", "Vladimir Putin", "person"), "Vladimir Putin|Putin", "", "");
        Map<String, Alias> byText = new LinkedHashMap<>();
        aliases.forEach(a -> byText.put(a.text(), a));
        return byText;
    }

    private static void add(List<Alias> out, Entity e, String names, String metonyms, String demonyms) {
        for (String[] group : new String[][] {{names, "alias"}, {metonyms, "metonymy"}, {demonyms, "demonym"}}) {
            for (String alias : group[0].split("\\|")) {
                if (!alias.isEmpty()) {
                    out.add(new Alias(alias, e, group[1]));
                }
            }
        }
    }
}
