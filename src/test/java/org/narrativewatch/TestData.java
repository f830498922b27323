package org.narrativewatch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.doc.Article;
import org.narrativewatch.ingest.ArticleSink;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.ingest.InputError;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.nlp.CoreNlpStage;
import org.narrativewatch.nlp.PerceptronTagger;
import org.narrativewatch.pipeline.Resources;

/** Where tests find the shared real data (../shared/data) and the shipped corpus. */
public final class TestData {
    private TestData() {
    }

    /** ../shared/data, or the test is skipped where the shared data is not laid out. */
    public static Path shared() {
        Path shared = Path.of(System.getProperty("nw.shared", "../shared")).resolve("data");
        assumeTrue(Files.isDirectory(shared), "shared data not found at " + shared.toAbsolutePath());
        return shared;
    }

    public static Path corpus() {
        return Path.of("corpus");
    }

    public static Path sampleArticle() {
        return corpus().resolve("russia-abandons-its-allies.txt");
    }

    /** The page-layout rules the jar ships (models/boilerplate.yaml), as the pipeline loads them. */
    public static PageLayout shippedLayout() {
        try {
            return PageLayout.load(new ByteArrayInputStream(Resources.read(null, "boilerplate.yaml")),
                    Resources.origin(null, "boilerplate.yaml"), shippedTagger());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PerceptronTagger tagger;

    /** The part-of-speech tagger the jar ships, loaded once (it takes about a second). */
    public static synchronized PerceptronTagger shippedTagger() {
        if (tagger == null) {
            try {
                tagger = PerceptronTagger.load(new ByteArrayInputStream(Resources.read(null, CoreNlpStage.TAGGER_MODEL)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tagger;
    }

    /** The articles of inputs that must read cleanly: an input error fails the test. */
    public static List<Article> readAll(Ingest ingest, List<String> inputs) {
        List<Article> articles = new ArrayList<>();
        ingest.readAll(inputs, new ArticleSink() {
            @Override
            public void article(Article article) {
                articles.add(article);
            }

            @Override
            public void error(InputError error) {
                throw new AssertionError(error.toString());
            }
        });
        return articles;
    }

    public static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
