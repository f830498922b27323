package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.pipeline.Pipeline;

/**
 * Runs every narrative's example sentences through the pipeline: a positive example, read as a claim
 * of its own, must make its narrative fire; a negative one, read as a sentence of an article, must not
 * (in a claim a rule may read more broadly: its {@code claim:} reading). This is how an analyst tests a
 * rule change, and the build runs it too.
 */
public final class ExampleCheck {
    /** One example that did not behave; {@code fired} lists what did fire on it. */
    public record Failure(Narrative narrative, boolean positive, Narrative.Example example, List<String> fired) {
        @Override
        public String toString() {
            return narrative.file() + ":" + example.line() + ": " + narrative.id() + ": "
                    + (positive ? "positive example did not fire: " : "negative example fired: ")
                    + "\"" + example.sentence() + "\""
                    + (fired.isEmpty() ? "" : " (fired: " + String.join(", ", fired) + ")");
        }
    }

    /** The outcome: how many examples ran and which failed. */
    public record Result(int examples, List<Failure> failures) {
    }

    private ExampleCheck() {
    }

    public static Result run(Pipeline pipeline, Catalog catalog) {
        NarrativeMatcher matcher = new NarrativeMatcher(catalog);
        List<Failure> failures = new ArrayList<>();
        int count = 0;
        for (Narrative n : catalog.narratives()) {
            for (int pass = 0; pass < 2; pass++) {
                boolean positive = pass == 0;
                for (Narrative.Example example : positive ? n.positive() : n.negative()) {
                    count++;
                    // Matched here, not by the pipeline's own narrative stage: the example's reading
                    // (claim or article sentence) is set by its kind, not by its length.
                    Doc doc = pipeline.processBefore(new Article(n.id() + "-example-" + count, example.sentence(), null, null,
                            null, null, null, "en", new Origin(n.file(), example.line()), List.of()), NarrativeStage.NAME);
                    List<String> fired = matcher.match(doc, positive ? NarrativeMatcher.Reading.CLAIM
                            : NarrativeMatcher.Reading.ARTICLE_SENTENCE).stream().map(NarrativeHit::id).toList();
                    if (fired.contains(n.id()) != positive) {
                        failures.add(new Failure(n, positive, example, fired));
                    }
                }
            }
        }
        return new Result(count, failures);
    }
}
