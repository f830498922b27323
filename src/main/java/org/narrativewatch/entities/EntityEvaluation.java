package org.narrativewatch.entities;

import static org.narrativewatch.output.TerminalText.printable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.output.CodePoints;

/**
 * Scores tracked-entity mentions against a gold set, per article: a span counts when start and end
 * are exactly the gold ones; an id counts when the span and the kb_id both are. Untracked NER
 * mentions are not scored. Offsets are compared in Unicode code points, the unit of the gold files.
 */
public final class EntityEvaluation {
    /** A mention, as scored: article, code point span, text and id. */
    public record Mention(String article, int start, int end, String text, String kbId) {
        Span span() {
            return new Span(article, start, end);
        }
    }

    private record Span(String article, int start, int end) {
    }

    /** Counts and scores of one level (spans or ids). */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1.0 : (double) a / b;
        }
    }

    /**
     * The outcome.
     *
     * @param missed   gold mentions whose span was not found
     * @param spurious found mentions whose span is not in the gold set
     * @param wrongId  found mentions with a gold span but another id (paired with the gold id in text)
     */
    public record Result(Score spans, Score ids, int goldMentions, int foundMentions, List<Mention> missed,
                         List<Mention> spurious, List<WrongId> wrongId) {
    }

    /** A span found with the wrong id. */
    public record WrongId(Mention found, String goldId) {
    }

    private final List<Mention> gold = new ArrayList<>();
    private final List<Mention> found = new ArrayList<>();

    /**
     * Adds one analysed article and its gold mentions, at most one per span (as {@link GoldMention#read} keeps them).
     *
     * @throws IllegalArgumentException naming the gold file and line when a gold mention's offsets are
     *                                  outside the article or its text is not the article's text there
     */
    public void add(String article, Doc doc, List<GoldMention> goldMentions) {
        String text = doc.text();
        int length = text.codePointCount(0, text.length());
        for (GoldMention g : goldMentions) {
            String span = article + " [" + g.start() + ", " + g.end() + ")";
            if (g.start() < 0 || g.end() > length) {
                throw new IllegalArgumentException(printable(g.where() + ": gold mention " + span
                        + " is outside the article (" + length + " characters)"));
            }
            String actual = text.substring(text.offsetByCodePoints(0, g.start()), text.offsetByCodePoints(0, g.end()));
            if (!g.text().equals(actual)) {
                // Both texts are quoted on the terminal: escape what could move the cursor or retitle it.
                throw new IllegalArgumentException(printable(g.where() + ": gold mention " + span + " says '"
                        + g.text() + "' but the article has '" + actual + "' there"));
            }
            gold.add(new Mention(article, g.start(), g.end(), g.text(), g.kbId()));
        }
        CodePoints cp = new CodePoints(text);
        for (EntityMention e : doc.entities()) {
            if (e.tracked()) {
                found.add(new Mention(article, cp.of(e.start()), cp.of(e.end()), e.text(), e.kbId()));
            }
        }
    }

    public Result result() {
        Map<Span, Mention> goldBySpan = new HashMap<>();
        for (Mention g : gold) {
            goldBySpan.put(g.span(), g);
        }
        Set<Span> foundSpans = new HashSet<>();
        int spanHits = 0;
        int idHits = 0;
        List<Mention> spurious = new ArrayList<>();
        List<WrongId> wrongId = new ArrayList<>();
        for (Mention f : found) {
            foundSpans.add(f.span());
            Mention g = goldBySpan.get(f.span());
            if (g == null) {
                spurious.add(f);
                continue;
            }
            spanHits++;
            if (g.kbId().equals(f.kbId())) {
                idHits++;
            } else {
                wrongId.add(new WrongId(f, g.kbId()));
            }
        }
        List<Mention> missed = new ArrayList<>();
        for (Mention g : gold) {
            if (!foundSpans.contains(g.span())) {
                missed.add(g);
            }
        }
        return new Result(new Score(spanHits, found.size() - spanHits, gold.size() - spanHits),
                new Score(idHits, found.size() - idHits, gold.size() - idHits), gold.size(), found.size(),
                missed, spurious, wrongId);
    }
}
