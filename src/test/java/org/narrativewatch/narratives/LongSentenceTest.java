package org.narrativewatch.narratives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;

/**
 * A sentence of n tokens costs the matcher time in proportion to n, as docs/bad-input.md says: a text
 * without full stops is one sentence, and the matcher once scanned all of a sentence's group mentions at
 * every token (and every mention and match for every trigger), so one long sentence cost the square of its
 * length.
 */
class LongSentenceTest {
    /** "Armenia , Russia betrayed the people ," this many times, and four times as many. */
    private static final int REPEATS = 10_000;

    /**
     * Rules that look for group mentions and phrase matches around every "betrayed" and find none near it
     * (no ally within two tokens after it, "people" always near), so no lookup stops early, and one rule
     * that matches.
     */
    private static final String CATALOG = String.join("\n",
            "groups:",
            "  russia: {entities: [Q159 Russia]}",
            "  allies: {entities: [Q399 Armenia]}",
            "narratives:",
            "  - id: betrayal",
            "    title: Russia betrays an ally",
            "    rules:",
            "      - id: betrays-ally",
            "        trigger: [\"betray ...2 @allies\"]",
            "      - id: betrays-ally-nearby",
            "        trigger: [betray]",
            "        actor: russia",
            "        target: allies",
            "        within: 2",
            "      - id: betrays-but-not-the-people",
            "        trigger: [betray]",
            "        with: [\"@russia\"]",
            "        without: [people]",
            "        within: 3",
            "      - id: russia-betrays",
            "        trigger: [\"@russia betray\"]",
            "    examples: {positive: [x]}",
            "");

    private static NarrativeMatcher matcher;

    @BeforeAll
    static void compile() {
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("long.yaml", CATALOG)), "test");
        assertTrue(checked.ok(), checked.problems().toString());
        matcher = new NarrativeMatcher(checked.catalog());
    }

    @Test
    void oneLongSentenceCostsTimeInProportionToItsLength() {
        assertLinear(repeats -> new int[] {1, repeats, 1, 1, 1});
        List<NarrativeHit> hits = matcher.match(article(new int[] {1, REPEATS, 1, 1, 1}));
        assertEquals(1, hits.size());
        List<Evidence> evidence = hits.get(0).evidence();
        assertEquals(List.of(0, 1, 2, 3, 4), evidence.stream().map(Evidence::sentence).toList(),
                "one piece per rule and sentence");
        assertEquals(List.of("russia-betrays"), evidence.stream().map(Evidence::rule).distinct().toList());
        assertEquals("Russia betrayed", evidence.get(1).text());
        assertEquals(List.of("Q159"), evidence.get(1).entities());
    }

    /** An article's evidence once looked through all of the article's entities for each piece. */
    @Test
    void manySentencesCostTimeInProportionToTheirNumber() {
        assertLinear(repeats -> {
            int[] lengths = new int[repeats];
            Arrays.fill(lengths, 1);
            return lengths;
        });
    }

    /**
     * Four times the repetitions cost about four times the CPU time: less than eight times (a quadratic cost
     * is sixteen times), plus a fifth of a second for measuring small times.
     */
    private static void assertLinear(IntFunction<int[]> lengths) {
        matcher.match(article(lengths.apply(REPEATS))); // warm-up
        Doc small = article(lengths.apply(REPEATS));
        long smallNanos = cpuNanos(() -> matcher.match(small));
        Doc large = article(lengths.apply(4 * REPEATS));
        long largeNanos = cpuNanos(() -> matcher.match(large));
        assertTrue(largeNanos < 8 * smallNanos + 200_000_000L, "CPU ms: " + REPEATS + " repetitions "
                + smallNanos / 1_000_000 + ", " + 4 * REPEATS + " repetitions " + largeNanos / 1_000_000);
    }

    private static long cpuNanos(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    /**
     * An article of sentences of {@code lengths[i]} times "Armenia , Russia betrayed the people ,": with more
     * than three sentences it is read as an article, so attribution, rebuttals and framing are read too.
     */
    private static Doc article(int[] lengths) {
        StringBuilder text = new StringBuilder();
        List<Token> tokens = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<EntityMention> entities = new ArrayList<>();
        for (int s = 0; s < lengths.length; s++) {
            int firstToken = tokens.size();
            int start = text.length();
            for (int r = 0; r < lengths[s]; r++) {
                entity(text, tokens, entities, s, "Armenia", "Q399");
                word(text, tokens, s, ",", ",", ",");
                entity(text, tokens, entities, s, "Russia", "Q159");
                word(text, tokens, s, "betrayed", "VBD", "betray");
                word(text, tokens, s, "the", "DT", "the");
                word(text, tokens, s, "people", "NNS", "people");
                String end = r + 1 < lengths[s] ? "," : ".";
                word(text, tokens, s, end, end, end);
            }
            sentences.add(new Sentence(s, start, text.length(), firstToken, tokens.size()));
        }
        Doc doc = new Doc(new Article("long", text.toString(), null, null, null, null, null, "en",
                new Origin("test", 0), List.of()));
        doc.setLanguage("en", 1.0);
        doc.setTokens(tokens, sentences);
        doc.setEntities(entities);
        return doc;
    }

    private static void entity(StringBuilder text, List<Token> tokens, List<EntityMention> entities, int sentence,
                               String name, String kbId) {
        word(text, tokens, sentence, name, "NNP", name.toLowerCase());
        Token token = tokens.get(tokens.size() - 1);
        entities.add(new EntityMention(token.start(), token.end(), name, sentence, kbId, name, "state", "alias"));
    }

    private static void word(StringBuilder text, List<Token> tokens, int sentence, String word, String pos, String lemma) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
        int start = text.length();
        text.append(word);
        tokens.add(new Token(start, text.length(), word, pos, lemma, sentence));
    }
}
