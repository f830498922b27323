package org.narrativewatch.narratives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Span;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.output.ArticleJson;
import org.narrativewatch.output.ArticleSchemaDocTest;
import org.narrativewatch.pipeline.Models;
import org.narrativewatch.pipeline.PipelineOptions;

/** The matcher on real text: the sample article, negation, attribution, entity constraints, the catalog's examples. */
class NarrativeMatcherTest {
    private static Models models;

    @BeforeAll
    static void load() throws Exception {
        models = Models.load(new PipelineOptions(null, null, null, false, false));
    }

    private static Doc analyse(String text) {
        return models.pipeline().process(new Article("t", text, null, null, null, null, null, "en",
                new Origin("test", 0), List.of()));
    }

    /** The one article of a file, read as `analyze` reads it (title, boilerplate). */
    private static Article read(String file) {
        List<Article> articles = TestData.readAll(new Ingest(ReadOptions.defaults(), models.layout()), List.of(file));
        assertEquals(1, articles.size());
        return articles.get(0);
    }

    /** A PTC article of ../shared/data/ptc (e.g. "articles/article711622457.txt"), analysed by the packaged pipeline. */
    private static Doc analysePtc(String path) {
        return models.pipeline().process(read(TestData.shared().resolve("ptc/" + path).toString()));
    }

    /** A matcher for a small catalog written inline, one YAML line per argument. */
    private static NarrativeMatcher matcher(String file, String... yamlLines) {
        Catalog.Checked checked = Catalog.compile(
                List.of(new CatalogFiles.CatalogFile(file, String.join("\n", yamlLines) + "\n")), "test");
        assertTrue(checked.ok(), checked.problems().toString());
        return new NarrativeMatcher(checked.catalog());
    }

    private static Optional<NarrativeHit> hit(Doc doc, String id) {
        return doc.narratives().stream().filter(h -> h.id().equals(id)).findFirst();
    }

    @Test
    void sampleArticleCarriesAbandonsAlliesWithBodyEvidenceOnly() {
        Article article = read("corpus/russia-abandons-its-allies.txt");
        Doc doc = models.pipeline().process(article);
        NarrativeHit hit = hit(doc, "russia-abandons-allies").orElseThrow(() -> new AssertionError(doc.narratives()));
        assertTrue(hit.score() >= 1.0);
        int bodyStart = article.titleSpan().end();
        List<String> texts = hit.evidence().stream().filter(e -> e.start() >= bodyStart).map(Evidence::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("betrayed Armenia")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("assistance to Yerevan")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("guarantees to Armenia")), texts.toString());
        for (Evidence e : hit.evidence()) {
            assertEquals(e.text(), article.text().substring(e.start(), e.end()));
            for (Dropped d : article.dropped()) {
                assertFalse(d.span().overlaps(new org.narrativewatch.doc.Span(e.start(), e.end())),
                        "evidence from dropped " + d.reason() + ": " + e);
            }
        }
        // The teasers below "Recent Posts" talk about guarantors and EU collapse; none of it may count.
        for (NarrativeHit h : doc.narratives()) {
            for (Evidence e : h.evidence()) {
                assertTrue(e.end() <= article.dropped().stream().filter(d -> d.reason().equals("site-boilerplate"))
                        .mapToInt(d -> d.span().start()).min().orElse(Integer.MAX_VALUE), h.id() + ": " + e);
            }
        }
    }

    @Test
    void negationBlocksTheClaimAndIsIgnoredWhereTheRuleSaysSo() {
        assertTrue(hit(analyse("Russia abandoned Armenia."), "russia-abandons-allies").isPresent());
        assertTrue(hit(analyse("Russia did not abandon Armenia."), "russia-abandons-allies").isEmpty());
        assertTrue(hit(analyse("Russia will never betray its allies."), "russia-abandons-allies").isEmpty());
        // election-meddling-denial is a denial by nature: its rule ignores negation.
        assertTrue(hit(analyse("There was no Russian interference in the US elections."), "election-meddling-denial")
                .isPresent());
    }

    /** The example record of docs/article-schema.md is what the packaged pipeline finds in its text. */
    @Test
    void theSchemasExampleIsWhatThePipelineFinds(@TempDir Path dir) throws Exception {
        JsonNode documented = ArticleSchemaDocTest.documentedExample();
        Path file = dir.resolve("russia-abandons-its-allies.txt");
        Files.writeString(file, documented.get("text").asText());
        Doc doc = models.pipeline().process(read(file.toString()));
        JsonNode written = new ObjectMapper().readTree(new ArticleJson(Map.of(), false).pretty(doc));
        for (String field : List.of("title", "title_span", "sentences", "entities", "entity_counts", "co_mentions",
                "narratives", "dropped", "counts")) {
            assertEquals(documented.get(field), written.get(field), field);
        }
    }

    /**
     * The example of docs/narratives-format.md ("What the matcher writes") is what {@code analyze}
     * writes for the sample article: a change to the catalog or the matcher that changes it fails
     * here, with the array to put in the doc instead.
     */
    @Test
    void theFormatDocsExampleIsWhatAnalyzeWritesForTheSampleArticle(@TempDir Path dir) throws Exception {
        String format = Files.readString(Path.of("docs/narratives-format.md"));
        Matcher example = Pattern.compile("## What the matcher writes\n.*?```json\n(.*?)```", Pattern.DOTALL)
                .matcher(format);
        assertTrue(example.find(), "docs/narratives-format.md shows what the matcher writes");
        ObjectMapper json = new ObjectMapper();
        JsonNode documented = json.readTree(example.group(1));

        Printed run = Printed.run("analyze", TestData.sampleArticle().toString(), "--out", dir.toString(), "--no-db",
                "--quiet");
        assertEquals(0, run.code(), run.stderr());
        JsonNode written = json.readTree(dir.resolve("articles/russia-abandons-its-allies.json").toFile())
                .get("narratives");
        assertEquals(written, documented, "docs/narratives-format.md (actual) should show what analyze writes "
                + "(expected)");
    }

    @Test
    void anArticleThatRebutsAClaimDoesNotMakeIt() {
        String rebuttal = "There is no evidence that Russia betrayed Armenia when the war began.";
        NarrativeMatcher matcher = new NarrativeMatcher(models.narratives());
        assertTrue(matcher.match(analyse(rebuttal), NarrativeMatcher.Reading.ARTICLE_SENTENCE).isEmpty(),
                "an article that says there is no evidence for the claim");
        assertTrue(matcher.match(analyse("Fact-checkers debunked the story that Russia had betrayed Armenia."),
                NarrativeMatcher.Reading.ARTICLE_SENTENCE).isEmpty());
        assertTrue(matcher.match(analyse("The baseless claim that Russia betrayed Armenia spread quickly."),
                NarrativeMatcher.Reading.ARTICLE_SENTENCE).isEmpty());
        // A claim database records the denial as the claim; the rebuttal reaches only that far into an article.
        assertEquals(1, matcher.match(analyse(rebuttal), NarrativeMatcher.Reading.CLAIM).size());
        assertEquals(1, matcher.match(analyse("There is no evidence for the charges, and everyone knows that Russia "
                + "shamefully betrayed Armenia when the war began."), NarrativeMatcher.Reading.ARTICLE_SENTENCE).size());
        // A rule that ignores negation, because its claim is a denial, ignores rebuttals too.
        assertEquals(List.of("election-meddling-denial"), matcher.match(analyse("There is no evidence that "
                + "Russia interfered in the US elections, the Kremlin said."), NarrativeMatcher.Reading.ARTICLE_SENTENCE)
                .stream().map(NarrativeHit::id).toList());
    }

    @Test
    void reportedClaimsAreAttributed() {
        Doc doc = analyse("Foreign Minister Sergei Lavrov claimed that the West is demonising Russia.");
        Evidence e = hit(doc, "russophobia").orElseThrow().evidence().get(0);
        assertEquals("Foreign Minister Sergei Lavrov", e.attributedTo());

        Doc quoted = analyse("\"The European Union is collapsing before our eyes,\" the commentator said on air.");
        Evidence q = hit(quoted, "eu-disintegration").orElseThrow().evidence().get(0);
        assertEquals("commentator", q.attributedTo());

        Doc according = analyse("The Kremlin betrayed Armenia, according to Politico.");
        assertEquals("Politico", hit(according, "russia-abandons-allies").orElseThrow().evidence().get(0).attributedTo());

        Doc own = analyse("Russia betrayed Armenia.");
        assertNull(hit(own, "russia-abandons-allies").orElseThrow().evidence().get(0).attributedTo());
    }

    @Test
    void attributionFindsSpeakersBehindAppositivesVerbChainsAndLongQuotes() {
        assertEquals("Russian officials", speakerOf(analyse("Russian officials, including Defence Ministry spokesman "
                + "Igor Kirillov, have repeatedly alleged that Russia betrayed Armenia."), "russia-abandons-allies"));
        assertEquals("Kremlin", speakerOf(analyse("The Kremlin continues to argue that Russia betrayed Armenia."),
                "russia-abandons-allies"));
        assertEquals("Moscow", speakerOf(analyse("Moscow recalled its envoy in 2023, claiming that Russia betrayed "
                + "Armenia."), "russia-abandons-allies"));
        assertEquals("Institute for the Study of War", speakerOf(analyse("The Institute for the Study of War said "
                + "that Russia betrayed Armenia."), "russia-abandons-allies"));
        assertEquals("Filippa Lentzos", speakerOf(analyse("\"Everyone knows that Russia betrayed Armenia. It was "
                + "plain for years,\" said Filippa Lentzos, a researcher."), "russia-abandons-allies"));
        assertNull(speakerOf(analyse("There is little reason to believe that Russia betrayed Armenia."),
                "russia-abandons-allies"), "an infinitive reports nobody's speech");
        // Real text: an appositive with commas of its own (a PTC article), and a participle after a comma (a
        // sentence of PTC article 731927633, read on its own: in the article, history in passing is no hit).
        Doc binney = analysePtc("articles/article999000312.txt");
        assertTrue(hit(binney, "election-meddling-denial").orElseThrow().evidence().stream()
                .anyMatch(e -> "friend William Binney".equals(e.attributedTo())), binney.narratives().toString());
        assertEquals("Soros", speakerOf(analyse("Soros, for his part, compared Orban unfavourably to both the Nazis "
                + "and the Communists, saying his rule evoked dark tones from the 1930's -- when Hungary was allied "
                + "with Nazi Germany -- and was more oppressive than Cold War Soviet occupation."),
                "historical-revisionism"));
    }

    @Test
    void theSpeakerIsTheReportingVerbsSubjectNotWhomItAccusesNorANounOfARelativeClause() {
        // The object of a participle that opens the sentence is the accused; its subject is the main clause's.
        assertEquals("prime minister", speakerOf(analyse("Blaming Moscow for the loss of Karabakh, the prime minister "
                + "said Russia betrayed Armenia."), "russia-abandons-allies"));
        // A noun inside a relative clause is not the subject of the reporting verb after it.
        assertEquals("senior diplomat", speakerOf(analyse("A senior diplomat who has read the report told reporters "
                + "that Russia betrayed Armenia."), "russia-abandons-allies"));
        assertTrue(speakerOf(analyse("An adviser close to the government who reviewed the documents said that Russia "
                + "betrayed Armenia."), "russia-abandons-allies").startsWith("adviser"));
        // A past participle that modifies a noun reports nothing: the author's own claim.
        assertNull(speakerOf(analyse("The outrage over the videos tweeted out by a British politician is further "
                + "proof that Russia betrayed Armenia."), "russia-abandons-allies"));
        // "compared X to Y" reports as "calls X Y" does; "compared to" as a preposition does not.
        assertEquals("prime minister", speakerOf(analyse("The prime minister has compared the Kremlin to a landlord "
                + "who abandoned its allies."), "russia-abandons-allies"));
        assertNull(speakerOf(analyse("Compared to its other allies, Russia betrayed Armenia."),
                "russia-abandons-allies"));
        // What must stay: a relative clause that holds the reporting verb names no one, and an opening participle
        // that reports nothing leaves the main clause's speaker (or none) as it was.
        assertEquals(Attribution.UNNAMED_CLAIM, speakerOf(analyse("The diplomats who said that Russia betrayed Armenia "
                + "were recalled."), "russia-abandons-allies"));
        assertEquals("prime minister", speakerOf(analyse("Speaking in Yerevan, the prime minister said Russia betrayed "
                + "Armenia."), "russia-abandons-allies"));
        assertNull(speakerOf(analyse("Leaving the summit early, Russia betrayed Armenia."), "russia-abandons-allies"));
        // A participle after a noun with no agent after it is the tagger's reading of a verb; an active verb in a
        // free relative still names its speaker's words (sentences of stance sets ak and x).
        assertNotNull(speakerOf(analyse("Russian officials have for years described the 2018 nerve "
                + "agent attack on Sergei Skripal in Salisbury as a provocation organised by British intelligence in "
                + "order to blame Russia."), "skripal-staged"));
        assertNotNull(speakerOf(analyse("Karpov also complained about what he described as the steady tightening of "
                + "a military cordon around Russia."), "encircling-russia"));

        // Real text. A Reuters report (PTC article 731927633): "The Hungarian leader has advocated ... and compared
        // Soros ... to a puppet master" and "Attributing to Soros a recent United Nations plan ..., Orban said".
        Doc orban = analysePtc("articles/article731927633.txt");
        for (String narrative : List.of("migrants-destroy-europe", "colour-revolutions")) {
            for (Evidence e : hit(orban, narrative).orElseThrow().evidence()) {
                if (e.sentence() == 24 || e.sentence() == 32) {
                    assertEquals(e.sentence() == 24 ? "Hungarian leader" : "Orban", e.attributedTo(), e.toString());
                }
            }
        }
        // One comparison to a puppet master is no secret-elites article ("a global blueprint" is no global elite).
        assertTrue(hit(orban, "secret-global-elites").isEmpty(), orban.narratives().toString());
        // A sentence of PTC article 755170235, read on its own: in the article, about US plans for Iran, the
        // narrative's context is only a passing mention of the Kremlin, so it is no hit there.
        assertEquals("One source", speakerOf(analyse("One source close to the White House who has previewed the plan "
                + "told the Free Beacon that the nuclear deal, also known as the JCPOA, solidified the Iranian "
                + "regime's grip on power and intentionally prevented the United States from fomenting regime "
                + "change."), "colour-revolutions"));
        // "... videos tweeted out by a British politician is further proof of the Islamization of the West": the
        // author's own claim, as the judgement file reads it.
        Evidence proof = hit(analysePtc("articles/article711964584.txt"), "migrants-destroy-europe").orElseThrow()
                .evidence().stream().filter(e -> e.sentence() == 21).findFirst().orElseThrow();
        assertEquals(Stance.ASSERTS, proof.stance());
        // "... citizens believe what they are told by the elites and trust them to govern ...": no one's speech,
        // and no hidden rule either (see theElitesOfOrdinaryPoliticsAreNoSecretRulers).
        assertTrue(hit(analysePtc("articles/article729578579.txt"), "secret-global-elites").isEmpty());
    }

    private static String speakerOf(Doc doc, String narrative) {
        return hit(doc, narrative).orElseThrow(() -> new AssertionError(doc.narratives())).evidence().get(0)
                .attributedTo();
    }

    @Test
    void entityConstraintsUseTrackedEntitiesAndRoles() throws Exception {
        String yaml = String.join("\n",
                "groups:",
                "  russia: {entities: [Q159 Russia]}",
                "  allies: {entities: [Q399 Armenia]}",
                "narratives:",
                "  - id: betrayal",
                "    title: Russia betrays an ally",
                "    rules:",
                "      - id: betrays",
                "        trigger: [\"betray|abandon\"]",
                "        actor: russia",
                "        target: allies",
                "        within: 5",
                "    examples: {positive: [x]}",
                "");
        NarrativeMatcher matcher = new NarrativeMatcher(Catalog.compile(
                List.of(new CatalogFiles.CatalogFile("test.yaml", yaml)), "test").catalog());
        String text = "Moscow betrayed Yerevan. Yerevan betrayed Moscow. Yerevan was betrayed by Moscow.";
        Doc doc = analyse(text);
        List<EntityMention> tagged = doc.entities();
        assertEquals(List.of("Q159", "Q399", "Q399", "Q159", "Q399", "Q159"),
                tagged.stream().map(EntityMention::kbId).toList(), "the entity stage links the capitals");
        doc.setEntities(List.of());
        assertTrue(matcher.match(doc).isEmpty(), "without entities the groups have no words to match");
        doc.setEntities(tagged);
        List<NarrativeHit> hits = matcher.match(doc);
        assertEquals(1, hits.size());
        List<Evidence> evidence = hits.get(0).evidence();
        assertEquals(List.of(0, 2), evidence.stream().map(Evidence::sentence).toList(),
                "active 'Moscow betrayed Yerevan' and passive 'Yerevan was betrayed by Moscow', not the reverse");
        assertEquals("Moscow betrayed Yerevan", evidence.get(0).text());
        assertEquals(List.of("Q159", "Q399"), evidence.get(0).entities());
    }

    @Test
    void tokensRegexRulesMatch() {
        Doc doc = analyse("In 1939, Finland attacked the Soviet Union first.");
        NarrativeHit hit = hit(doc, "historical-revisionism").orElseThrow(() -> new AssertionError(doc.narratives()));
        assertTrue(hit.evidence().stream().anyMatch(e -> e.rule().equals("early-year") && e.text().contains("1939")),
                hit.toString());
    }

    /**
     * TokensRegex tokens carry {@code ner} and {@code normalized} for every tracked entity of the article, also
     * one no group lists and in a catalog without groups: before, China (Q148, a state) was O to these rules.
     */
    @Test
    void tokensRegexTokensCarryEveryTrackedEntity() {
        NarrativeMatcher matcher = matcher("tr.yaml",
                "version: 1",
                "narratives:",
                "  - id: state-invades",
                "    title: A state invades",
                "    rules:",
                "      - id: by-type",
                "        tokensregex: \"[{ner:state}] [{lemma:invade}]\"",
                "    examples:",
                "      positive: [China invaded again.]",
                "  - id: china-by-id",
                "    title: China by id",
                "    rules:",
                "      - id: by-id",
                "        tokensregex: \"[{normalized:Q148}] [{lemma:invade}]\"",
                "    examples:",
                "      positive: [China invaded again.]");
        Doc china = analyse("China invaded again.");
        assertEquals(List.of("Q148"), china.entities().stream().map(EntityMention::kbId).toList());
        assertEquals(List.of("state-invades", "china-by-id"),
                matcher.match(china, NarrativeMatcher.Reading.CLAIM).stream().map(NarrativeHit::id).toList());
        assertEquals(List.of("state-invades"), matcher.match(analyse("Russia invaded again."),
                NarrativeMatcher.Reading.CLAIM).stream().map(NarrativeHit::id).toList(), "Russia is a state, not Q148");
        assertTrue(matcher.match(analyse("The crowd invaded the pitch again."), NarrativeMatcher.Reading.CLAIM).isEmpty(),
                "a token that is no tracked entity stays O");
    }

    /**
     * A rule's {@code claim:} reading counts in a claim (a text of a few sentences), never in an article:
     * the claim that names the subject carries the narrative, the article that reports it does not.
     */
    @Test
    void aClaimReadingCountsInClaimsOnly() {
        NarrativeMatcher matcher = matcher("claims.yaml",
                "narratives:",
                "  - id: western-decay",
                "    title: The West is decadent",
                "    rules:",
                "      - id: decadence",
                "        trigger: [\"western|european ...2 decadence|degradation\"]",
                "        claim:",
                "          trigger: [\"lgbt|gay\"]",
                "    examples:",
                "      positive: [LGBT propaganda is spreading in Polish schools.]");
        assertEquals(1, matcher.catalog().narratives().get(0).ruleCount());

        Doc claim = analyse("LGBT propaganda is spreading in Polish schools.");
        assertEquals(List.of("decadence"), matcher.match(claim).get(0).evidence().stream().map(Evidence::rule).toList());
        Doc both = analyse("European decadence: LGBT propaganda is spreading in Polish schools.");
        assertEquals(1.0, matcher.match(both).get(0).score(), 1e-9, "one piece of evidence per rule and sentence");

        Doc article = analyse(String.join(" ",
                "The school board met on Monday.",
                "Parents asked about the new curriculum.",
                "A teacher said an LGBT student club would open in the autumn.",
                "The board will vote in June.",
                "The meeting lasted two hours."));
        assertTrue(matcher.match(article).isEmpty(), "an article that reports the subject does not carry the claim");
        assertEquals(1, matcher.match(article, NarrativeMatcher.Reading.CLAIM).size(), "the same text read as a claim");
        Doc stated = analyse(String.join(" ",
                "The school board met on Monday.",
                "A speaker warned of Western decadence in the classroom.",
                "The board will vote in June.",
                "The meeting lasted two hours."));
        assertEquals(1, matcher.match(stated).size(), "the rule as written reads articles too");
    }

    /**
     * A narrative's {@code context} must be named as an article's subject: next to a piece of evidence, in at
     * least two sentences, or in the title; one mention further away is in passing. A claim names its own
     * context, so there it is not needed.
     */
    @Test
    void anArticleMustNameTheNarrativesContextAsItsSubject() {
        NarrativeMatcher matcher = matcher("context.yaml",
                "narratives:",
                "  - id: migrants-destroy-europe",
                "    title: Migrants are destroying Europe",
                "    context: [\"europe|european|germany|sweden\"]",
                "    rules:",
                "      - id: migrants",
                "        trigger: [\"migrants\"]",
                "        with: [\"crime|invasion\"]",
                "    examples:",
                "      positive: [Migrants bring crime.]");
        String claim = "The migrants bring crime and invasion.";
        String[] body = {"The town council met on Monday.", "Residents complained about the roads.", claim,
            "The council will meet again in June.", "The mayor did not attend.",
            "She was on holiday with her family."};

        assertEquals(1, matcher.match(analyse(claim)).size(), "a claim needs no context");
        assertTrue(matcher.match(analyse(String.join(" ", body))).isEmpty(), "an article without Europe");

        String[] next = body.clone();
        next[1] = "Residents of the town in Sweden complained about the roads.";
        List<NarrativeHit> hits = matcher.match(analyse(String.join(" ", next)));
        assertEquals(1, hits.size(), "Europe named next to the claim");
        assertTrue(hits.get(0).evidence().get(0).text().contains("migrants bring crime"), "evidence stays the claim's own");

        String[] passing = body.clone();
        passing[5] = "She was on holiday in Sweden with her family.";
        assertTrue(matcher.match(analyse(String.join(" ", passing))).isEmpty(),
                "Europe named once, three sentences after the claim, is a passing mention");

        passing[0] = "The town council met on Monday to discuss a visit to Germany.";
        assertEquals(1, matcher.match(analyse(String.join(" ", passing))).size(), "Europe named in two sentences");

        String title = "Sweden's towns and the migrants";
        String titled = title + "\n\n" + String.join(" ", body);
        Doc doc = models.pipeline().process(new Article("t", titled, title, new Span(0, title.length()), null, null,
                null, "en", new Origin("test", 0), List.of()));
        assertEquals(1, doc.narratives().stream().filter(h -> h.id().equals("migrants-destroy-europe")).count(),
                "Europe named in the title");
    }

    /**
     * Audit 9c #1: a rule's {@code without} does not read the speaker tag, the words that name whose claim it is
     * ("..., the Russian defence ministry said."), only the claim; Russia in the claim itself still keeps it out.
     */
    @Test
    void withoutDoesNotReadTheSpeakerTag() {
        NarrativeMatcher matcher = matcher("without.yaml",
                "narratives:",
                "  - id: front-collapse",
                "    title: The front is collapsing",
                "    rules:",
                "      - id: crumbling",
                "        trigger: [\"front ...2 crumbling\"]",
                "        without: [\"russian|moscow|kremlin\"]",
                "    examples:",
                "      positive: [The front is crumbling.]");
        for (String tagged : new String[] {
                "The Ukrainian front is crumbling, the Russian defence ministry said.",
                "The Ukrainian front is crumbling, the Kremlin told reporters in Moscow on Monday.",
                "The Ukrainian front is crumbling, said Sergei Shoigu, the Russian defence minister.",
                "MOSCOW, March 3 - The Russian defence ministry said on Monday that the Ukrainian front is crumbling.",
                "Speaking in Moscow, the minister said the Ukrainian front is crumbling.",
                "According to the Russian defence ministry, the Ukrainian front is crumbling.",
                "\"The Ukrainian front is crumbling all along the line,\" the Russian defence ministry said."}) {
            List<NarrativeHit> hits = matcher.match(analyse(tagged));
            assertEquals(1, hits.size(), tagged);
            assertNotNull(hits.get(0).evidence().get(0).attributedTo(), tagged);
        }
        for (String claim : new String[] {
                "The Russian front is crumbling, Ukraine's defence ministry said.",
                "Ukraine's defence ministry said that the Russian front is crumbling.",
                "The Russian front is crumbling.",
                // what follows ", adding that" is more of the speaker's words, and so the claim's
                "Kyiv is winning, the Ukrainian defence ministry said, adding that the Russian front was crumbling."}) {
            assertTrue(matcher.match(analyse(claim)).isEmpty(), claim);
        }
    }

    /** A narrative's {@code framing} counts anywhere in an article, once; a claim needs none. */
    @Test
    void anArticleMustFrameTheNarrativeSomewhere() {
        NarrativeMatcher matcher = matcher("framing.yaml",
                "narratives:",
                "  - id: anti-russian-campaign",
                "    title: An anti-Russian campaign is waged against Russia",
                "    framing: [\"hysteria|witch-hunt\"]",
                "    rules:",
                "      - id: sanctions",
                "        trigger: [\"sanctions on russia\"]",
                "    examples:",
                "      positive: [The sanctions on Russia go on.]");
        String claim = "The sanctions on Russia were extended.";
        String[] body = {"The witch-hunt goes on in Washington.", "The senators met on Monday.",
            "They discussed the budget.", "They adjourned at noon.", claim, "The vote is next week."};

        assertEquals(1, matcher.match(analyse(claim)).size(), "a claim needs no framing");
        assertEquals(1, matcher.match(analyse(String.join(" ", body))).size(), "framed once, far from the claim");
        body[0] = "The debate goes on in Washington.";
        assertTrue(matcher.match(analyse(String.join(" ", body))).isEmpty(), "an article that never frames it");
    }

    /**
     * An article threshold asks an article for more evidence than a claim needs: one passing mention of the
     * "deep state" in a long article is no claim that it rules.
     */
    @Test
    void anArticleThresholdAsksArticlesForMoreEvidence() {
        NarrativeMatcher matcher = matcher("threshold.yaml",
                "narratives:",
                "  - id: secret-global-elites",
                "    title: Secret global elites rule the world",
                "    article_threshold: 2",
                "    rules:",
                "      - id: deep-state",
                "        trigger: [\"deep state\"]",
                "    examples:",
                "      positive: [The deep state rules America.]");
        String mention = "Critics blamed the deep state.";
        String[] body = {"The council met on Monday.", mention, "Residents complained about the roads.",
            "The council will meet again in June."};

        assertEquals(1, matcher.match(analyse(mention)).size(), "a claim needs the plain threshold");
        assertTrue(matcher.match(analyse(String.join(" ", body))).isEmpty(), "one mention in an article");
        assertEquals(1, matcher.match(analyse(mention), NarrativeMatcher.Reading.ARTICLE_SENTENCE).size(),
                "a single sentence read as part of an article, as negative examples are");
        body[2] = "They said the deep state had stopped the plan.";
        List<NarrativeHit> hits = matcher.match(analyse(String.join(" ", body)));
        assertEquals(1, hits.size(), "two sentences of evidence reach the article threshold");
        assertEquals(2.0, hits.get(0).score(), 1e-9);
    }

    /**
     * The packaged catalog asks an article for two pieces of evidence where one is mostly a topic in passing
     * (docs/narratives-evaluation.md, "Precision on fresh text"): a front-line report that names one fallen town and
     * the annexation of Crimea carries neither "Ukraine's army is collapsing" nor "Crimea rejoined Russia", while
     * the same sentences read as a claim do, and an article that makes the claim twice does.
     */
    @Test
    void aTopicNamedInPassingIsNoNarrativeOfAnArticle() {
        String town = "Russian forces captured Avdiivka in February after months of fighting.";
        String crimea = "Since the annexation of Crimea in 2014, the town had been a stronghold.";
        Doc news = analyse(String.join(" ", "Two years on, the front near Avdiivka.", town, crimea,
                "Kyiv says it needs more air defence and artillery shells to hold the line.",
                "Residents who stayed live in basements."));
        assertTrue(hit(news, "ukraine-military-failure").isEmpty(), news.narratives().toString());
        assertTrue(hit(news, "crimea-russian").isEmpty(), news.narratives().toString());

        Doc claim = analyse(town + " " + crimea);
        assertTrue(hit(claim, "ukraine-military-failure").isPresent(), claim.narratives().toString());
        assertTrue(hit(claim, "crimea-russian").isPresent(), claim.narratives().toString());

        Doc asserted = analyse(String.join(" ", "Avdiivka is ours.", town,
                "Bakhmut fell to Russian forces in May last year.", "Kyiv's propaganda hides the losses.",
                "The Ukrainian army is collapsing everywhere."));
        assertEquals(4.0, hit(asserted, "ukraine-military-failure").orElseThrow().score(), 1e-9,
                "one piece of evidence in each of the four sentences that make the claim");

        // A rule that names the claim itself counts as two pieces: one sentence on the encirclement of Russia is
        // the narrative, one on NATO's new members is not.
        String[] nato = {"NATO ministers met in Brussels on Tuesday.", "Finland and Sweden joined the alliance after 2022.",
            "The ministers discussed ammunition stocks.", "They will meet again in June."};
        assertTrue(hit(analyse(String.join(" ", nato)), "encircling-russia").isEmpty());
        nato[1] = "Finland and Sweden joined the alliance after 2022, completing the encirclement of Russia.";
        assertEquals(2.0, hit(analyse(String.join(" ", nato)), "encircling-russia").orElseThrow().score(), 1e-9);

        // So does a "colour revolution"; the Rose Revolution named as an event is one piece, as in a claim.
        String[] tbilisi = {"Protesters gathered outside the parliament in Tbilisi on Sunday.",
            "Veterans of the Rose Revolution of 2003 joined them.", "Police closed Rustaveli Avenue.",
            "The rally ended before midnight."};
        assertTrue(hit(analyse(String.join(" ", tbilisi)), "colour-revolutions").isEmpty());
        tbilisi[1] = "The ruling party called the protests a colour revolution.";
        assertEquals(2.0, hit(analyse(String.join(" ", tbilisi)), "colour-revolutions").orElseThrow().score(), 1e-9);
    }

    /**
     * The packaged catalog's weight-2 rules for the words that are the claim: one sentence carries a narrative
     * whose article threshold is 2 when it says the claim (Crimea "has been Russian", Russia "decolonised", the
     * "Global War Party"), and not when it names the topic (the 1991 referendum's result in Crimea, holidaymakers
     * back from Crimea, Ukraine's decolonisation from Russia, destroyed Russian tanks).
     */
    @Test
    void oneSentenceInTheClaimsOwnWordsCarriesANarrative() {
        String[] crimea = {"Tourists queued at the Kerch bridge on Saturday.",
            "In 1991 more than 90 per cent of voters backed Ukraine's independence, including 54 per cent in Crimea.",
            "Thousands of holidaymakers came home from Crimea early.", "Ferries ran all night."};
        assertTrue(hit(analyse(String.join(" ", crimea)), "crimea-russian").isEmpty());
        crimea[2] = "Crimea, a peninsula that has been Russian since Catherine the Great, simply went home.";
        NarrativeHit home = hit(analyse(String.join(" ", crimea)), "crimea-russian").orElseThrow();
        assertEquals(List.of("crimea-came-home"), home.evidence().stream().map(e -> e.rule()).distinct().toList());

        String[] warsaw = {"Exiled activists met in Warsaw on Friday.",
            "A Ukrainian speaker described his country's decolonisation from Russia, street by street.",
            "Drones destroyed Russian tanks near Pokrovsk, the army said.", "The meeting ended with a concert."};
        assertTrue(hit(analyse(String.join(" ", warsaw)), "destabilising-russia").isEmpty());
        warsaw[1] = "State television said the conference was planning the decolonisation of Russia.";
        // 2 for the decolonisation, 1 for the tanks that alone did not count.
        assertEquals(3.0, hit(analyse(String.join(" ", warsaw)), "destabilising-russia").orElseThrow().score(), 1e-9);

        String[] tbilisi = {"Protesters gathered in Tbilisi on Sunday.",
            "Ivanishvili told supporters that the Global War Party stood behind the unrest.",
            "Police closed Rustaveli Avenue.", "The rally ended before midnight."};
        assertEquals(2.0, hit(analyse(String.join(" ", tbilisi)), "secret-global-elites").orElseThrow().score(), 1e-9);
    }

    /** The packaged catalog: PTC article 999000894 calls a migrant caravan at the US border an "invasion". */
    @Test
    void migrantsAtTheUsBorderAreNotEuropesNarrative() {
        Doc doc = analysePtc("articles/article999000894.txt");
        assertTrue(doc.text().contains("invasion"));
        assertTrue(hit(doc, "migrants-destroy-europe").isEmpty(), doc.narratives().toString());
    }

    /**
     * The packaged catalog on the audit's US-border story (seventh audit, item 3): Paris as the president's
     * destination, or volunteers who speak Spanish, do not make it a story about Europe; PTC article 999000880
     * ("Migrant Caravan Resumes March to US Border") names Paris once, at its end. PTC article 722512241 names
     * Europe in two sentences far from its claim and still carries the narrative.
     */
    @Test
    void aPassingMentionOfEuropeDoesNotMakeABorderStoryEuropes() {
        String border = String.join("\n", "Caravan nears the US border", "",
                "Thousands of migrants are making their way to the US border, where they will be met with barbed wire"
                        + " and American troops.",
                "The US has deployed 5,200 troops to help border protection thwart what Donald Trump has described as"
                        + " an impending migrant \"invasion.\"",
                "Border agents in Texas said they were ready for the caravan.",
                "Officials in Tijuana said shelters were full%s", "");
        for (String ending : List.of(", Trump told reporters before departing for Paris.",
                ", and Spanish-speaking volunteers helped.")) {
            Doc doc = analyse(String.format(border, ending));
            assertTrue(hit(doc, "migrants-destroy-europe").isEmpty(), ending + ": " + doc.narratives());
        }
        Doc sweden = analyse(String.format(border, ".").replace("US border", "Swedish border")
                .replace("Texas", "Malmo").replace("Tijuana", "Sweden"));
        assertTrue(hit(sweden, "migrants-destroy-europe").isPresent(), sweden.narratives().toString());

        Doc caravan = analysePtc("articles/article999000880.txt");
        assertTrue(caravan.text().contains("before departing for Paris"));
        assertTrue(hit(caravan, "migrants-destroy-europe").isEmpty(), caravan.narratives().toString());

        Doc italy = analysePtc("articles/article722512241.txt");
        assertTrue(hit(italy, "migrants-destroy-europe").isPresent(), italy.narratives().toString());
    }

    /**
     * PTC article 755170235 reports a US plan for regime change in Iran and names Iran's ties to the Kremlin
     * once, in passing: no colour revolution in Russia's neighbourhood (seventh audit, item 3).
     */
    @Test
    void usPlansForIranAreNoColourRevolution() {
        Doc doc = analysePtc("articles/article755170235.txt");
        assertTrue(doc.text().contains("Kremlin"));
        assertTrue(hit(doc, "colour-revolutions").isEmpty(), doc.narratives().toString());
    }

    /**
     * The packaged catalog's contexts: PTC article 755393220 says the US has long planned to overthrow Iran's
     * government, which is no Western-staged coup in Russia's neighbourhood; PTC article 781672902 says Washington
     * overthrew the elected government of Ukraine, which is.
     */
    @Test
    void aCoupNeedsACountryWhereTheKremlinSeesOne() {
        Doc iran = analysePtc("articles/article755393220.txt");
        assertTrue(iran.text().contains("overthrow Iran"));
        assertTrue(hit(iran, "maidan-coup").isEmpty(), iran.narratives().toString());

        Doc ukraine = analysePtc("unlabeled/article781672902.txt");
        NarrativeHit coup = hit(ukraine, "maidan-coup").orElseThrow(() -> new AssertionError(ukraine.narratives()));
        assertTrue(coup.evidence().stream().anyMatch(e -> e.text().startsWith("Washington to overthrow")),
                coup.evidence().toString());
    }

    /** The packaged catalog: PTC article 783702663 blames a "gay lobby" in the Catholic hierarchy, not the West. */
    @Test
    void aChurchDisputeIsNotWesternDecay() {
        Doc doc = analysePtc("articles/article783702663.txt");
        assertTrue(doc.text().contains("gay lobby"));
        assertTrue(hit(doc, "western-values-decay").isEmpty(), doc.narratives().toString());
        assertTrue(hit(analyse("The West imposes the gay lobby's agenda on our children."), "western-values-decay").isPresent());
    }

    /**
     * The shipped PTC article 774637726 lists the expulsions and sanctions of a US president approvingly: the
     * anti-Russian campaign is a framing, and an article that never calls the treatment unjust does not carry it.
     */
    @Test
    void sanctionsListedWithoutTheFramingAreNoAntiRussianCampaign() {
        Doc doc = models.pipeline().process(read("corpus/article774637726.txt"));
        assertTrue(doc.text().contains("expelled more Russian diplomats"));
        assertTrue(hit(doc, "anti-russian-campaign").isEmpty(), doc.narratives().toString());
        assertTrue(hit(analyse("The expulsion of Russian diplomats is part of the anti-Russian hysteria."),
                "anti-russian-campaign").isPresent());
    }

    /** An article of the audit's sentences, the claim in its third paragraph, read as `analyze` reads a file. */
    private static Doc articleAround(String title, String claim) {
        return analyse(title + "\n\nThe figures were published on Monday. Officials said more details would follow.\n\n"
                + claim + "\n\nThe debate is expected to continue. A report is due next month.\n");
    }

    /**
     * rigged-elections is about Western and pro-Western votes, claimed to be rigged: in an article a vote found
     * free of fraud (PTC article 999001296), a referral "for possible election fraud" (999001226) and Iran's 2009
     * election (694356862) are not the claim (the first two articles carry it in their "voter fraud" sentences); a Russian speaker's claim about a pro-Western vote still is, and a
     * claim that denies fraud keeps counting (a disinformation database records it as the claim).
     */
    @Test
    void aVoteFoundCleanHedgedOrNonWesternIsNoRiggedWesternElection() {
        for (String sentence : List.of("A review by state auditors found no election fraud in any county.",
                "Officials said there was no evidence of election fraud in the recount.",
                "The altered forms were reported to federal prosecutors to review for possible election fraud.",
                "The protesters marched against the rigged election of Mahmoud Ahmadinejad in Tehran.")) {
            Doc doc = articleAround("Election news", sentence);
            assertTrue(hit(doc, "rigged-elections").isEmpty(), sentence + " " + doc.narratives());
        }
        Doc iran = analysePtc("articles/article694356862.txt");
        assertTrue(hit(iran, "rigged-elections").isEmpty(), iran.narratives().toString());
        // These two articles do carry the narrative (the blind article list says so), in their "voter fraud"
        // sentences, not in the clean or hedged ones above.
        for (String file : List.of("article999001296", "article999001226")) {
            Doc doc = analysePtc("articles/" + file + ".txt");
            NarrativeHit hit = hit(doc, "rigged-elections").orElseThrow();
            for (Evidence e : hit.evidence()) {
                assertEquals("voter-fraud", e.rule(), file + " " + e);
                String sentence = doc.text().substring(doc.sentences().get(e.sentence()).start(),
                        doc.sentences().get(e.sentence()).end());
                assertTrue(sentence.toLowerCase(java.util.Locale.ROOT).contains("voter fraud"), sentence);
                assertFalse(sentence.contains("possible election fraud") || sentence.contains("saw no election fraud"),
                        sentence);
            }
        }
        NarrativeHit moldova = hit(articleAround("Election news",
                "Moscow said the election in Moldova was rigged by the pro-Western government."), "rigged-elections")
                .orElseThrow();
        assertEquals("Moscow", moldova.evidence().get(0).attributedTo());
        assertTrue(hit(analyse("The presidential elections in Austria were rigged."), "rigged-elections").isPresent());
        assertTrue(hit(analyse("There was no fraud in the referendum in Crimea."), "rigged-elections").isPresent());
        assertTrue(hit(analysePtc("articles/article788173482.txt"), "rigged-elections").isPresent());
    }

    /**
     * An article that names no Russian actor cannot deny Russian meddling, "proof that Comey influenced the
     * election" affirms, and a law barring officials from interfering is no meddling West (PTC article 764518567);
     * "not a shred of real evidence to suggest any serious Russian intervention" (763260610) is still a denial.
     */
    @Test
    void meddlingDenialNeedsRussiaAndADenial() {
        for (String sentence : List.of(
                "Clinton supporters will see the report as proof that Comey improperly influenced the outcome of the election.",
                "The law bars any officer of the United States from using official authority to interfere with or "
                        + "affect the nomination or election of a candidate.")) {
            Doc doc = articleAround("Inspector general faults Comey over the Russia inquiry", sentence);
            assertTrue(hit(doc, "election-meddling-denial").isEmpty(), sentence + " " + doc.narratives());
        }
        Doc noRussia = articleAround("The Hatch Act explained", "There is no evidence of interference in the election.");
        assertTrue(hit(noRussia, "election-meddling-denial").isEmpty(), noRussia.narratives().toString());
        assertTrue(hit(articleAround("The Russia inquiry", "There is not a shred of real evidence to suggest any "
                + "serious Russian intervention in the 2016 election."), "election-meddling-denial").isPresent());
        Doc igReport = analysePtc("articles/article764518567.txt");
        assertTrue(hit(igReport, "election-meddling-denial").isEmpty(), igReport.narratives().toString());
        assertTrue(hit(analysePtc("articles/article763260610.txt"), "election-meddling-denial").orElseThrow()
                .evidence().stream().anyMatch(e -> e.rule().equals("meddling") && e.text().contains("evidence to suggest")));
    }

    /**
     * The elites of ordinary politics are no secret rulers: the catalog's own non-examples and PTC articles
     * 770156851 and 761674108 ("America's elites failed to see that the transnational moment ...",
     * "transnational corporations full freedom to move factories", "the GOP establishment's control of the
     * party's agenda"); a hidden elite or one that controls governments still is.
     */
    @Test
    void theElitesOfOrdinaryPoliticsAreNoSecretRulers() {
        Doc trust = analyse("Trust in institutions\n\nTrust in public institutions has fallen in many countries.\n\n"
                + "Sociologists talk about a high trust society, one in which citizens believe what they are told by the "
                + "elites and trust them to govern and protect them adequately.\n\nAmerica's elites failed to see that "
                + "the transnational moment of the post-Cold War era was passing.\n\nThe GOP establishment's control "
                + "of the party's agenda is under threat.\n\nThe deal gave transnational corporations full freedom to "
                + "move factories.\n");
        assertTrue(hit(trust, "secret-global-elites").isEmpty(), trust.narratives().toString());
        for (String file : List.of("article770156851", "article761674108")) {
            Doc doc = analysePtc("articles/" + file + ".txt");
            assertTrue(hit(doc, "secret-global-elites").isEmpty(), file + " " + doc.narratives());
        }
        Doc plot = analyse("Who rules us\n\nThe figures were published on Monday.\n\nThe global elites decide "
                + "everything behind closed doors.\n\nThe bankers control the governments of Europe.\n\nNobody voted "
                + "for them.\n");
        assertEquals(2.0, hit(plot, "secret-global-elites").orElseThrow(() -> new AssertionError(plot.narratives()))
                .score(), 1e-9);
    }

    /** In an article, a reference to the journalist Rowena Mason (PTC article 711622457) is no Freemason. */
    @Test
    void aSurnameInAnArticleIsNotASecretElite() {
        Doc doc = analysePtc("articles/article711622457.txt");
        assertTrue(doc.sentences().size() > NarrativeMatcher.CLAIM_SENTENCES);
        assertTrue(doc.text().contains("by Rowena Mason"));
        assertTrue(hit(doc, "secret-global-elites").isEmpty(), doc.narratives().toString());
        assertTrue(hit(analyse("Masons rule the world from the shadows."), "secret-global-elites").isPresent());
    }

    /**
     * The Nazi era is history, not a government called Nazi (audit 8c, item 1): a remembrance article, a report on
     * Holocaust denial (PTC article 766632016: "Hitler was not the first in the West to perpetrate a genocide", "The
     * Auschwitz camp, which is in southern Poland") and one on a post that calls the Holocaust a lie (PTC article
     * 730149656) carry no nazi-ukraine-europe; an article that says today's governments are Nazi or honour Hitler's
     * helpers does.
     */
    @Test
    void theNaziEraIsHistoryNotAGovernmentCalledNazi() {
        Doc remembrance = analyse(String.join("\n\n", "Remembering the Holocaust",
                "Survivors gathered on Monday to mark the anniversary of the liberation of the camps. Historians spoke"
                        + " about the events of the war.",
                "In 1940 Hitler's army swept across Western Europe in six weeks.",
                "The Nazis deported Jews from France and the Netherlands to Auschwitz, a camp in occupied Poland.",
                "The ceremony ended with a minute of silence. Wreaths were laid at the memorial."));
        assertTrue(hit(remembrance, "nazi-ukraine-europe").isEmpty(), remembrance.narratives().toString());
        Doc denial = analysePtc("articles/article766632016.txt");
        assertTrue(denial.text().contains("Hitler was not the first in the West to perpetrate a genocide"));
        assertTrue(hit(denial, "nazi-ukraine-europe").isEmpty(), denial.narratives().toString());
        Doc lie = analysePtc("articles/article730149656.txt");
        assertTrue(lie.text().contains("describes Hitler as"));
        assertTrue(hit(lie, "nazi-ukraine-europe").isEmpty(), lie.narratives().toString());

        Doc today = analyse(String.join(" ", "Kyiv is ruled by neo-Nazis, the presenter told viewers on Sunday.",
                "The West revives Nazism and arms it.", "Ukraine honours Nazi collaborators as national heroes.",
                "In Riga the government glorifies Hitler's henchmen.", "Officials in Kyiv and Riga rejected the claims."));
        NarrativeHit nazi = hit(today, "nazi-ukraine-europe").orElseThrow(() -> new AssertionError(today.narratives()));
        assertEquals(Set.of("nazi-word", "called-nazi", "nazi-past-today"),
                nazi.evidence().stream().map(e -> e.rule()).collect(Collectors.toSet()), nazi.evidence().toString());
    }

    /**
     * Crime words are written out, not prefixes that take unrelated words (audit 8c, item 4): a host country that
     * is "stable" is no stabbing, so the audit's refugee story carries no "migrants are destroying Europe", and PTC
     * article 721890296 keeps the hit its other sentences make without "... economically stable, the PM said";
     * migrants who "stabbed" someone still count.
     */
    @Test
    void aStableCountryIsNoStabbing() {
        String[] hungary = {"Hungary has refused to accept refugees from the Middle East.",
            "The government in Budapest has built a fence on its southern border.",
            "Refugees who arrive in Europe find that the situation in the host countries is stable and calm.",
            "The European Commission has criticised the policy.", "Brussels wants every member state to take a share."};
        Doc stable = analyse(String.join(" ", hungary));
        assertTrue(hit(stable, "migrants-destroy-europe").isEmpty(), stable.narratives().toString());
        hungary[2] = "Police said two refugees stabbed a man in a park in Vienna.";
        assertTrue(hit(analyse(String.join(" ", hungary)), "migrants-destroy-europe").isPresent());

        Doc orban = analysePtc("articles/article721890296.txt");
        assertTrue(orban.text().contains("economically stable, the PM said"));
        NarrativeHit migrants = hit(orban, "migrants-destroy-europe").orElseThrow(() -> new AssertionError(orban.narratives()));
        assertTrue(migrants.evidence().stream().noneMatch(e -> e.text().contains("stable")), migrants.evidence().toString());
    }

    /**
     * Wire reports on the narratives' topics carry none of them (audit 11d, items 2 to 5): the Iran deal "with world
     * powers" and "foreign forces" leaving Afghanistan are no secret elite; European shares that fell, EU exports that
     * declined, talks that ended and leaders who failed to agree are no collapsing EU; a law curbing LGBT rights and
     * Eurovision's LGBT fans are no West imposing LGBT; fears about immigration and crime, a debate about immigration
     * and security and tightened immigration rules are no migrants destroying Europe. The same articles with a
     * sentence that makes the claim do carry it.
     */
    @Test
    void neutralWireReportsOnTheseTopicsCarryNoNarrative() {
        String iran = String.join("\n\n", "Iran expands uranium enrichment, IAEA report shows",
                "VIENNA, May 27 (Reuters) - Iran has further expanded its stock of uranium enriched to close to weapons"
                        + " grade, a confidential report by the U.N. nuclear watchdog showed on Monday, as diplomacy to revive"
                        + " its 2015 deal with world powers remains stalled.",
                "Under the 2015 agreement with world powers, Iran had agreed to limit enrichment to 3.67 percent.",
                "Talks between Iran and world powers in Vienna broke down in 2022.",
                "The Taliban seized power in August 2021 as U.S. and other foreign forces were completing their withdrawal.",
                "Foreign forces left behind large amounts of equipment.%s");
        String eu = String.join("\n\n", "Euro zone inflation falls, EU leaders fail to agree sanctions",
                "FRANKFURT, April 3 (Reuters) - Euro zone inflation fell more than expected last month, data showed.",
                "European shares fell in early trading after the data, with the STOXX 600 index down 0.4 percent.",
                "EU exports to China declined by 5 percent in the first quarter, separate figures showed.",
                "Talks among EU finance ministers in Brussels on new fiscal rules ended without agreement on Tuesday.",
                "European Union leaders failed on Thursday to agree a 14th package of sanctions against Russia.%s");
        String lgbt = String.join("\n\n", "Georgia's parliament passes law curbing LGBT rights, drawing EU criticism",
                "TBILISI, Sept 17 (Reuters) - Georgia's parliament on Tuesday passed a law that curbs LGBT rights, banning"
                        + " gender reassignment and same-sex marriage.",
                "The European Union said the law put Georgia's EU membership bid at risk.",
                "The EU's top court ruled last year that a 2021 Hungarian law that restricts the depiction of"
                        + " homosexuality to minors violated EU law.",
                "Eurovision has long been popular with LGBT fans.%s");
        String migration = String.join("\n\n", "Sweden calls in army to help police as gang shootings surge",
                "STOCKHOLM, Sept 28 (Reuters) - Sweden will call on the armed forces to help police tackle gang violence.",
                "Far-right parties in several European countries have campaigned on fears about immigration and crime.",
                "The government has tightened immigration rules and plans to make it easier to deport foreigners"
                        + " convicted of crimes.",
                "The attack on a school last month has intensified a debate in Europe about immigration and security.%s");
        Map<String, String> articles = Map.of("secret-global-elites", iran, "eu-disintegration", eu,
                "western-values-decay", lgbt, "migrants-destroy-europe", migration);
        Map<String, String> claims = Map.of(
                "secret-global-elites", "Hidden forces in Washington decide who governs Europe. The Bilderberg group"
                        + " picks the presidents.",
                "eu-disintegration", "The European Union is slowly dying. Europe has already begun to fall apart.",
                "western-values-decay", "Brussels forces Georgian schools to teach LGBT lessons to children.",
                "migrants-destroy-europe", "Immigration has brought stabbings to the streets of Malmo.");
        articles.forEach((narrative, text) -> {
            Doc news = analyse(String.format(text, ""));
            assertTrue(hit(news, narrative).isEmpty(), narrative + ": " + news.narratives());
            Doc pushed = analyse(String.format(text, "\n\n" + claims.get(narrative)));
            assertTrue(hit(pushed, narrative).isPresent(), narrative + " pushed: " + pushed.narratives());
        });
    }

    /**
     * Audit 12d, items 1 and 4 to 7, on its South Caucasus stories read as articles: Washington leaving the Kurds and
     * Armenia "betraying its strategic ally Russia" are no Russia abandoning its allies; Azerbaijan restoring its
     * sovereignty and Baku violating Armenia's are no sovereignty lost to the EU or the US; the Russia-led CSTO
     * falling apart is no collapse of Western unity; the Velvet Revolution's anniversary is no West staging colour
     * revolutions. The same articles with a sentence that makes the claim do carry it, and an opposition MP's
     * "the Kremlin abandoned Artsakh" is Russia abandoning an ally.
     */
    @Test
    void southCaucasusNewsCarriesNoNarrativeOfTheWrongActor() {
        String wire = String.join("\n\n", "Regional roundup",
                "YEREVAN, March 1 (Reuters) - Armenia held talks with France on defence cooperation on Friday.",
                "Washington abandoned its Kurdish allies in northern Syria in 2019, critics in Congress say.",
                "Armenia is betraying its strategic ally Russia by moving closer to NATO, Russian Foreign Ministry"
                        + " spokeswoman Maria Zakharova said on Thursday.",
                "Pashinyan has deserted his partners in the Eurasian Economic Union, she added.",
                "The talks in Paris will continue next month.%s");
        String apa = String.join("\n\n", "Azerbaijan marks Independence Restoration Day",
                "Baku, October 18, APA. Azerbaijan regained its independence on 18 October 1991, after the collapse of"
                        + " the Soviet Union.",
                "In 2020 the Azerbaijani Army restored the country's sovereignty over its territories during the 44-day"
                        + " war.",
                "President Ilham Aliyev said that Azerbaijan had fully restored its sovereignty in September 2023.",
                "Yerevan accuses Baku of violating Armenia's sovereignty and territorial integrity near Jermuk.",
                "Celebrations were held across the country.%s");
        String csto = String.join("\n\n", "Is the CSTO finished?", "Eurasianet, February 24.",
                "Armenia's freeze of its membership has left the Collective Security Treaty Organization in disarray.",
                "The Russia-led alliance is falling apart, analysts in Yerevan say.",
                "Kazakhstan and Kyrgyzstan have also quarrelled over border incidents with Tajikistan.",
                "The bloc's unity exists only on paper, said a Kyrgyz analyst.",
                "Moscow insists that the organisation remains the backbone of regional security.%s");
        String armenpress = String.join("\n\n", "Armenia marks sixth anniversary of the Velvet Revolution",
                "YEREVAN, MAY 8, ARMENPRESS. Armenia marks the sixth anniversary of the Velvet Revolution on Wednesday.",
                "Prime Minister Nikol Pashinyan laid flowers at the Republic Square memorial.",
                "The Velvet Revolution of 2018 ended the rule of the Republican Party after weeks of peaceful protests.",
                "A concert was held in the evening.%s");
        Map<String, String> articles = Map.of("russia-abandons-allies", wire, "lost-sovereignty", apa,
                "west-unity-collapse", csto, "colour-revolutions", armenpress);
        Map<String, String> claims = Map.of(
                "russia-abandons-allies", "The Kremlin has abandoned its allies in the South Caucasus.",
                "lost-sovereignty", "Georgia is losing its sovereignty to Brussels.",
                "west-unity-collapse", "NATO's unity over Ukraine is crumbling too.",
                "colour-revolutions", "The Velvet Revolution itself was a US-funded operation, the same scenario"
                        + " Washington had used in Kyiv.");
        articles.forEach((narrative, text) -> {
            Doc news = analyse(String.format(text, ""));
            assertTrue(hit(news, narrative).isEmpty(), narrative + ": " + news.narratives());
            Doc pushed = analyse(String.format(text, "\n\n" + claims.get(narrative)));
            assertTrue(hit(pushed, narrative).isPresent(), narrative + " pushed: " + pushed.narratives());
        });
        assertTrue(hit(analyse(String.format(armenpress, "\n\n" + claims.get("colour-revolutions"))),
                "colour-revolutions").orElseThrow().evidence().stream()
                .anyMatch(e -> e.rule().equals("named-revolutions")), "a named revolution with the West's hand");

        Doc artsakh = analyse(String.join("\n\n", "Opposition: Moscow sold out Artsakh", "news.am, Yerevan, September 30.",
                "The Kremlin abandoned Artsakh in September 2023, an opposition MP said on Tuesday.",
                "Russia betrayed Nagorno-Karabakh and handed Stepanakert to Baku, he said.",
                "The parliament will debate the issue next week."));
        assertEquals(List.of("russia-betrays-ally-state", "russia-betrays-ally-state", "russia-betrays-ally-state"),
                hit(artsakh, "russia-abandons-allies").orElseThrow().evidence().stream().map(Evidence::rule).toList());
    }

    @Test
    void newsThatNamesTheNarrativesSubjectWithoutItsClaimCarriesNoNarrative() {
        String exchange = String.join("\n\n",
                "Ukraine brings home 95 defenders, including Azov fighters, in latest prisoner exchange",
                "Ukraine has returned 95 service members from Russian captivity, President Volodymyr Zelensky said on"
                        + " Friday, including soldiers of the Azov Brigade who defended Mariupol in 2022.",
                "The exchange was mediated by the United Arab Emirates, Ukrainian officials said.",
                "Ukrainian ombudsman Dmytro Lubinets said many of the freed prisoners showed signs of torture.%s");
        String annexation = String.join("\n\n", "Ukraine marks anniversary of Russia's illegal annexation claims",
                "KYIV, Ukraine (AP) - Ukrainian officials on Saturday condemned Moscow's claimed annexation of four"
                        + " regions, two years after the vote.",
                "Russia held so-called referendums in the occupied parts of the Donetsk and Luhansk regions in September"
                        + " 2022, votes that Ukraine and the West dismissed as a sham.",
                "But Ukraine would not accept the occupation of the Donetsk, Luhansk, Zaporizhzhia and Kherson regions,"
                        + " which Russia claimed to annex in September 2022 after sham referendums.",
                "Crimea was annexed by Russia in 2014 after a referendum that Ukraine and most of the world consider"
                        + " illegitimate.%s");
        String monument = String.join("\n\n", "Latvia removes Soviet victory monument in Riga",
                "RIGA, Aug 25 (Reuters) - Latvian authorities on Thursday demolished a towering Soviet-era monument in"
                        + " Riga commemorating the Red Army's victory over Nazi Germany.",
                "The 79-metre obelisk was toppled as a crowd watched.",
                "Estonia removed a Soviet tank monument from Narva last week, and Lithuania has dismantled several"
                        + " memorials to Soviet soldiers.%s");
        String voteBuying = String.join("\n\n",
                "Moldova narrowly backs EU membership in referendum marred by vote buying",
                "CHISINAU (Newsmaker) - Moldovans narrowly voted to enshrine the goal of joining the European Union in"
                        + " the constitution, final results showed on Monday.",
                "Police detained dozens of people suspected of vote buying in the southern region of Gagauzia.",
                "Investigators found that a network linked to fugitive businessman Ilan Shor paid some 130,000 voters"
                        + " through a bank in Moscow.",
                "Prosecutors have opened 300 criminal cases over bribed voters.%s");
        record Story(String narrative, String rule, String news, String claim) { }
        List<Story> stories = List.of(
                new Story("nazi-ukraine-europe", "junta", exchange, "The neo-Nazi Azov battalion, which Kyiv made"
                        + " national heroes, tortured civilians in Mariupol."),
                new Story("rigged-elections", "crimea-chose", annexation,
                        "The people of Donbas made their choice freely, whatever Kyiv says."),
                new Story("historical-revisionism", "soviet-monuments-removed", monument, "The demolition of the"
                        + " monument to the Soviet liberators is barbarism. Tallinn too tore down a memorial to the Soviet"
                        + " soldiers who freed it, a war on history itself."),
                new Story("rigged-elections", "bought-votes", voteBuying, "In truth, the votes were bought by the"
                        + " pro-Western government to hand Sandu her majority."));
        for (Story story : stories) {
            Doc news = analyse(String.format(story.news(), ""));
            assertTrue(hit(news, story.narrative()).isEmpty(), story.rule() + ": " + news.narratives());
            Doc pushed = analyse(String.format(story.news(), "\n\n" + story.claim()));
            assertTrue(hit(pushed, story.narrative()).stream().flatMap(h -> h.evidence().stream())
                    .anyMatch(e -> e.rule().equals(story.rule())), story.rule() + " pushed: " + pushed.narratives());
        }
    }

    @Test
    void fallenTownsCountInTheSpellingsOfRussianStateMedia() {
        String tass = String.join("\n\n", "Russian forces liberate Krasnoarmeysk and Ugledar, Defense Ministry says",
                "MOSCOW, October 2. /TASS/. Russian troops have liberated Krasnoarmeysk in the Donetsk People's Republic.",
                "Units of the Vostok battlegroup have taken full control of Ugledar after fierce fighting.",
                "Earlier this year Russian forces liberated Avdeevka.",
                "Units of the Tsentr battlegroup have also liberated Kurakhovo.",
                "Russian servicemen hoisted the national flag over the city administration building.");
        String ukrainianSpellings = tass.replace("Krasnoarmeysk", "Pokrovsk").replace("Ugledar", "Vuhledar")
                .replace("Avdeevka", "Avdiivka").replace("Kurakhovo", "Kurakhove");
        List<Integer> sentences = List.of(0, 3, 4, 5, 6);
        for (String text : List.of(tass, ukrainianSpellings)) {
            assertEquals(sentences, hit(analyse(text), "ukraine-military-failure").orElseThrow().evidence().stream()
                    .filter(e -> e.rule().equals("town-fallen")).map(Evidence::sentence).toList(), text);
        }
        Doc profile = analyse(String.join("\n\n", "Krasnoarmeysk before the war",
                "Krasnoarmeysk, a coal-mining town, had 60,000 inhabitants before the war.",
                "Its mine supplied coking coal to the steelworks of Mariupol.",
                "The town's name was changed to Pokrovsk in 2016."));
        assertTrue(hit(profile, "ukraine-military-failure").isEmpty(), profile.narratives().toString());
    }

    @Test
    void aFailingExampleIsNamedByItsOwnLine() {
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("one.yaml", String.join("\n",
                "narratives:",
                "  - id: betrayal",
                "    title: Betrayal",
                "    rules:",
                "      - id: r",
                "        trigger: [betray]",
                "    examples:",
                "      positive:",
                "        - Russia betrayed Armenia.",
                "        - Russia helped Armenia.",
                "      negative: [Nothing happened., Russia betrayed Armenia again.]",
                ""))), "test");
        assertTrue(checked.ok(), checked.problems().toString());
        ExampleCheck.Result result = ExampleCheck.run(models.pipeline(), checked.catalog());
        assertEquals(List.of("one.yaml:10: betrayal: positive example did not fire: \"Russia helped Armenia.\"",
                        "one.yaml:11: betrayal: negative example fired: \"Russia betrayed Armenia again.\" (fired: betrayal)"),
                result.failures().stream().map(Object::toString).toList());
    }

    @Test
    void everyExampleSentenceOfThePackagedCatalogBehaves() {
        ExampleCheck.Result result = ExampleCheck.run(models.pipeline(), models.narratives());
        assertTrue(result.examples() >= 90, "examples: " + result.examples());
        assertTrue(result.failures().isEmpty(), String.join("\n", result.failures().stream().map(Object::toString).toList()));
        assertNotNull(models.versions().get("narratives"));
    }
}
