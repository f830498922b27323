package org.narrativewatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.ReadOptions;
import org.narrativewatch.pipeline.Resources;

/** The NLP layer on real articles: offsets, tags agreeing with CoreNLP's tagger, lemmas as CoreNLP's. */
class CoreNlpStageTest {
    private static PerceptronTagger tagger;
    private static StanfordCoreNLP tokenizer;
    private static CoreNlpStage stage;
    private static Ingest ingest;

    @BeforeAll
    static void load() throws IOException {
        tagger = PerceptronTagger.load(new ByteArrayInputStream(Resources.read(null, CoreNlpStage.TAGGER_MODEL)));
        tokenizer = new StanfordCoreNLP(CoreNlpStage.tokenizerProperties());
        stage = new CoreNlpStage(tokenizer, tagger, null);
        ingest = new Ingest(ReadOptions.defaults(), TestData.shippedLayout());
    }

    private static List<Article> read(List<String> inputs) {
        return TestData.readAll(ingest, inputs);
    }

    @Test
    void tokensAndSentencesPointIntoTheTextAndSkipTheDroppedParts() {
        Article article = read(List.of(TestData.sampleArticle().toString())).get(0);
        Doc doc = new Doc(article);
        stage.process(doc);
        List<Token> tokens = doc.tokens();
        assertTrue(tokens.size() > 300, "tokens: " + tokens.size());
        int boilerplate = article.dropped().get(article.dropped().size() - 1).span().start();
        for (Token t : tokens) {
            assertEquals(article.text().substring(t.start(), t.end()), t.text());
            assertTrue(t.end() <= boilerplate);
            assertEquals(t.lemma(), t.lemma().toLowerCase(Locale.ROOT));
        }
        Sentence second = doc.sentences().get(1);
        assertEquals("The Russian Federation abandons its allies when the chips are down.",
                article.text().substring(second.start(), second.end()));
        List<String> tags = tokens.subList(second.firstToken(), second.endToken()).stream().map(Token::pos).toList();
        assertEquals(List.of("DT", "JJ", "NNP"), tags.subList(0, 3));
        assertEquals(List.of("PRP$", "NNS", "WRB", "DT", "NNS", "VBP", "RB", "."), tags.subList(4, 12));
        List<String> lemmas = tokens.subList(second.firstToken(), second.endToken()).stream().map(Token::lemma).toList();
        assertEquals(List.of("the", "russian", "federation", "abandon", "its", "ally", "when", "the", "chip", "be",
                "down", "."), lemmas);
    }

    /** In headline case the tagger reads every word as a name; the verbs are read as in sentence case. */
    @Test
    void theVerbsOfAHeadlineInHeadlineCaseAreVerbs(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("oped.txt"), "Russia Betrayed Armenia\n\n"
                + "West is Blocking Chemical Weapons Inspections in Syria\n\n"
                + "For three decades, Armenians were told that Moscow guaranteed their survival.\n");
        Doc doc = new Doc(read(List.of(file.toString())).get(0));
        stage.process(doc);
        Map<String, String> tags = new HashMap<>();
        for (Token t : doc.tokens()) {
            tags.putIfAbsent(t.text(), t.pos() + " " + t.lemma());
        }
        assertEquals("VBD betray", tags.get("Betrayed"));
        assertEquals("VBG block", tags.get("Blocking"));
        // Names stay names, though "Russia" or "Syria" lower-cased would be nouns too.
        assertEquals("NNP russia", tags.get("Russia"));
        assertEquals("NNP armenia", tags.get("Armenia"));
        assertEquals("NNP syria", tags.get("Syria"));
        assertEquals("NNP moscow", tags.get("Moscow"));
        assertTrue(CoreNlpStage.inHeadlineCase("Lavrov Says NATO Is Encircling Russia".split(" ")));
        assertFalse(CoreNlpStage.inHeadlineCase("Lavrov says NATO is encircling Russia".split(" ")));
        assertFalse(CoreNlpStage.inHeadlineCase("NATO EU OSCE".split(" ")), "acronyms alone are no headline case");
    }

    private static List<String> sentences(Path file) {
        Doc doc = new Doc(read(List.of(file.toString())).get(0));
        stage.process(doc);
        return doc.sentences().stream().map(s -> doc.text().substring(s.start(), s.end())).toList();
    }

    /** A line without final punctuation (a dateline, a list item) is a sentence of its own, not the start of the next. */
    @Test
    void everyLineOfAParagraphPerLineArticleEndsItsSentence() {
        List<String> sentences = sentences(TestData.corpus().resolve("article729368012.txt"));
        assertTrue(sentences.contains("-Article 2, Section 4 of the US Constitution"), sentences.subList(0, 4).toString());
        assertTrue(sentences.contains("Right off the bat, this appears to be clear bribery, and a case could be made for treason."));
        assertTrue(sentences.contains("Undercover FBI informant William Campbell has given written testimony to Congressional "
                + "investigators after an \"iron clad\" gag order was lifted in October"));
    }

    /** A line that starts in lower case after an abbreviation continues the sentence (PTC article 724095467). */
    @Test
    void aLowerCaseLineAfterAnAbbreviationContinuesTheSentence() {
        List<String> sentences = sentences(TestData.shared().resolve("ptc/articles/article724095467.txt"));
        assertTrue(sentences.contains("Will the F.B.I.\nand LVMPD please explain what in the Hell is going on here?"),
                sentences.toString());
        assertTrue(sentences.contains("Who was this victim?"));
    }

    /**
     * A catalog's words are split in one tokenizer run, as each would be on its own: the words of a real
     * article, contractions, abbreviations, and two words that the run would read as one SGML tag
     * ("<b and x>").
     */
    @Test
    void wordsSplitTogetherAsEachAlone() throws IOException {
        Set<String> words = new LinkedHashSet<>(List.of("cannot", "can't", "gonna", "u.s.", "russia's", "<b", "x>",
                "mh-17", "military/security", "(202)", "1/2", "'s", "n't", "dunno", "a.m."));
        for (String word : TestData.read(TestData.sampleArticle()).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<String>> together = CoreNlpStage.split(words);
        assertEquals(words, together.keySet());
        for (String word : words) {
            assertEquals(CoreNlpStage.split(List.of(word)).get(word), together.get(word), word);
        }
        assertEquals(List.of("can", "not"), together.get("cannot"));
        assertEquals(List.of("ca", "n't"), together.get("can't"));
        assertEquals(List.of("u.s."), together.get("u.s."));
        assertEquals(List.of("<", "b"), together.get("<b"), "its own tokens, though the run reads a tag '<b and x>'");
        assertEquals(List.of("x", ">"), together.get("x>"));
    }

    /** {@code text} wrapped at {@code width} columns, as an e-mail would carry it. */
    private static String wrap(String text, int width) {
        StringBuilder wrapped = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int column = 0;
            for (String word : line.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    wrapped.append('\n');
                    column = 0;
                } else if (column > 0) {
                    wrapped.append(' ');
                    column++;
                }
                wrapped.append(word);
                column += word.length();
            }
            wrapped.append('\n');
        }
        return wrapped.toString();
    }

    /** The sample article wrapped at 72 columns, as an e-mail would carry it, has the same sentences as the original. */
    @Test
    void aTextWrappedAtAFixedWidthHasTheSentencesOfTheUnwrappedText(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("wrapped.txt"), wrap(TestData.read(TestData.sampleArticle()), 72));
        List<String> original = sentences(TestData.sampleArticle());
        assertTrue(original.size() > 15, original.toString());
        assertEquals(original, sentences(file).stream().map(s -> s.replace('\n', ' ')).toList());
    }

    /**
     * Real articles (PTC) wrapped at 72 columns keep the sentences of the original: one written a
     * sentence a line, with a numbered list, so that most line breaks end a sentence (765029945), and
     * one whose wrapped line starts with the dash of an aside, "– has voted ..." (724791253).
     */
    @Test
    void realArticlesWrappedAtAFixedWidthKeepTheirSentences(@TempDir Path dir) throws IOException {
        for (String name : List.of("article765029945.txt", "article724791253.txt")) {
            Path original = TestData.shared().resolve("ptc/articles").resolve(name);
            Path wrapped = Files.writeString(dir.resolve(name), wrap(TestData.read(original), 72));
            assertEquals(sentences(original), sentences(wrapped).stream().map(s -> s.replace('\n', ' ')).toList(), name);
        }
    }

    private static final String BULLETS = """
            What happened:
            - Armenia stayed away from the summit
            - Pashinyan's office called the alliance useless
            - Lukashenko hosted the leaders
            - Putin praised Belarus
            """;

    /**
     * Audit 13d, defect 3: short headings over their items and a bullet list are not a text wrapped at a
     * fixed width: every heading and every item is a sentence of its own (the audit's texts).
     */
    @Test
    void headingsOverTheirItemsAndABulletListKeepTheirLineBreaks(@TempDir Path dir) throws IOException {
        Path newsletter = Files.writeString(dir.resolve("newsletter.txt"), """
                The Morning Briefing: Ten things you need to know today

                Good morning. Here is what is happening in Europe and beyond.

                Armenia freezes CSTO membership
                Yerevan said it would no longer take part in the alliance's meetings.

                Hungary blocks EU aid
                Viktor Orban vetoed the latest aid package.

                Sanctions and the Russian economy
                Our economics editor says that sanctions hurt only Europe, and explains why that claim is wrong.

                That's all for today.
                """);
        List<String> sentences = sentences(newsletter);
        for (String heading : List.of("Armenia freezes CSTO membership", "Hungary blocks EU aid",
                "Sanctions and the Russian economy")) {
            assertTrue(sentences.contains(heading), sentences.toString());
        }
        assertTrue(sentences.contains("Our economics editor says that sanctions hurt only Europe, and explains why "
                + "that claim is wrong."), sentences.toString());
        Path explainer = Files.writeString(dir.resolve("bullets.txt"), "Five things to know about the CSTO summit\n\n"
                + "The summit of the Collective Security Treaty Organization ended in Minsk on Thursday without "
                + "Armenia, which has frozen its participation.\n\n" + BULLETS
                + "\nAnalysts expect Yerevan to formally leave next year.\n");
        assertEquals(BULLETS.strip().lines().toList(), sentences(explainer).subList(2, 7));
    }

    /** A bullet list inside a text wrapped at 72 columns keeps its items apart; the wrapped sentences are joined. */
    @Test
    void aListInAWrappedTextKeepsItsItemsApart(@TempDir Path dir) throws IOException {
        String sample = TestData.read(TestData.sampleArticle());
        int secondParagraph = sample.indexOf("\n\nA striking example") + 2;
        String withList = sample.substring(0, secondParagraph) + BULLETS + "\n" + sample.substring(secondParagraph);
        List<String> sentences = sentences(Files.writeString(dir.resolve("wrapped-list.txt"), wrap(withList, 72)));
        assertTrue(sentences.containsAll(BULLETS.strip().lines().toList()), sentences.toString());
        List<String> unwrapped = sentences.stream().map(s -> s.replace('\n', ' ')).toList();
        assertTrue(unwrapped.containsAll(sentences(TestData.sampleArticle())), unwrapped.toString());
    }

    /**
     * The shipped model was trained with every fifth PTC article held out (train-tagger); on those,
     * it must agree with CoreNLP's left3words tagger as it did when trained (docs/performance.md).
     */
    @Test
    void tagsAgreeWithCoreNlpsTaggerOnHeldOutArticles() throws IOException {
        List<String> first25;
        try (Stream<Path> files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            first25 = files.sorted().limit(25).map(Path::toString).toList();
        }
        TaggerDistillation distillation = new TaggerDistillation();
        read(first25).forEach(distillation::add);
        TaggerDistillation.Agreement a = distillation.agreement(tagger);
        assertTrue(a.tokens() > 3000, "held-out tokens: " + a.tokens());
        assertTrue(a.tags() >= 0.96, "tag agreement " + a.tags());
        assertTrue(a.lemmas() >= 0.99, "lemma agreement " + a.lemmas());
    }

    @Test
    void lemmasAreExactlyThoseOfCoreNlpsLemmaAnnotator() throws IOException {
        List<String> some;
        try (Stream<Path> files = Files.list(TestData.shared().resolve("ptc/articles"))) {
            some = files.sorted().skip(100).limit(10).map(Path::toString).toList();
        }
        MorphaAnnotator annotator = new MorphaAnnotator(false);
        long compared = 0;
        for (Article article : read(some)) {
            Doc doc = new Doc(article);
            stage.process(doc);
            Annotation annotation = new Annotation(article.analysedText());
            tokenizer.annotate(annotation);
            List<CoreLabel> labels = annotation.get(CoreAnnotations.TokensAnnotation.class);
            assertEquals(labels.size(), doc.tokens().size());
            for (int i = 0; i < labels.size(); i++) {
                labels.get(i).setTag(doc.tokens().get(i).pos());
            }
            annotator.annotate(annotation);
            for (int i = 0; i < labels.size(); i++) {
                assertEquals(labels.get(i).lemma().toLowerCase(Locale.ROOT), doc.tokens().get(i).lemma(),
                        doc.tokens().get(i).toString());
                compared++;
            }
        }
        assertTrue(compared > 5000);
    }
}
