package org.narrativewatch.narratives;

import java.util.List;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Sentence;

/**
 * Where an article refutes a claim outside the clause that states it (see {@link Rebuttal#disputes} for
 * the clause). A fact-check sets out whose claim it checks, then the facts, and often answers only at the
 * end of a paragraph or of the article ("The numbers tell a different story.", "It does not hold up."); an
 * explainer lists myths ("Myth 1: ...") or sets out claim and facts lines ("The claim: ... The facts: ..."); a
 * fact-check gives a verdict ("Verdict: False."); a headline asks and answers ("Was it staged? No."). A refutation counts only in the article's own voice (one that
 * someone voices, "Officials said the claims were baseless", is reported) and not of a Western claim ("the
 * British version does not hold up": pro-Kremlin outlets refute so too). Read once per article, and only
 * once a rule has matched: most articles carry no narrative.
 */
final class Refutations {
    /**
     * How many sentences after a claim in its own voice an article's refutation may stand, within the
     * paragraph: a fact-check's lead states the claim and answers it ("Maps and numbers tell a different
     * story.") before the paragraph ends; an essay without paragraphs refutes other things further on.
     */
    private static final int OWN_VOICE_REACH = 3;

    /**
     * How many sentences after a claim it attributes an article's refutation may stand: a fact-check answers
     * within a few paragraphs; a long essay refutes other claims far on.
     */
    private static final int REPORTED_REACH = 8;

    private final Doc doc;
    private final SentenceView[] views;
    private final LabelledLines lines;
    /** Whether the article's myths are the West's ({@link Rebuttal#westernMyths}): its myth lines refute no narrative. */
    private final boolean westernMyths;
    /** Per sentence, whether it refutes a claim made before it, in the article's own voice. */
    private final boolean[] refutes;
    /**
     * Per sentence, whether it is a facts line ("The facts: ...") of an article that sets out claim lines
     * ("The claim: ..."): it answers the claims the article attributes before it.
     */
    private final boolean[] answersClaims;
    /** Whether the headline (the article's first paragraph) refutes the claims the article goes on to report. */
    private final boolean headlineRefutes;
    /**
     * Whether the headline answers a claim no in the article's own voice ("No, NATO has not encircled
     * Russia", "No, Ukraine is not run by Nazis"): the debunk's form, so the article's own negations of the
     * claim dispute it.
     */
    private final boolean headlineDeniesNo;
    /** Per sentence, the index of the first sentence of the next paragraph. */
    private final int[] paragraphEnd;

    Refutations(Doc doc, SentenceView[] views, LabelledLines lines, Attribution attribution) {
        this.doc = doc;
        this.views = views;
        this.lines = lines;
        List<Sentence> sentences = doc.sentences();
        int n = sentences.size();
        refutes = new boolean[n];
        answersClaims = new boolean[n];
        paragraphEnd = new int[n];
        boolean western = false;
        for (Sentence s : sentences) {
            SentenceView view = views[s.index()];
            answersClaims[s.index()] = lines.claimLines() && lines.is(s.index(), LabelledLines.Kind.FACTS);
            western |= Rebuttal.westernMyths(view);
            int cue = Rebuttal.refutation(view);
            refutes[s.index()] = cue >= 0 && !Rebuttal.westernNear(view, cue)
                    && attribution.speaker(s, cue, cue + 1, false) == null;
        }
        for (int i = n - 1; i >= 0; i--) {
            paragraphEnd[i] = i + 1 == n || paragraphBreakAfter(i) ? i + 1 : paragraphEnd[i + 1];
        }
        boolean headline = false;
        boolean deniesNo = false;
        for (int i = 0; n > 0 && i < paragraphEnd[0]; i++) {
            headline |= refutes[i];
            deniesNo |= opensWithNoAndNegates(i);
        }
        westernMyths = western;
        headlineRefutes = headline;
        headlineDeniesNo = deniesNo;
    }

    /**
     * Whether sentence {@code i} opens with "No," and goes on to negate ("No, Zelensky is not a puppet"),
     * and does not answer a question before it: "Is Ukraine sovereign? No, it never was." makes the claim.
     */
    private boolean opensWithNoAndNegates(int i) {
        SentenceView view = views[i];
        if (view.end() == view.first() || !Rebuttal.answersNo(view, view.first())
                || i > 0 && views[i - 1].end() > views[i - 1].first() && views[i - 1].lower(views[i - 1].end() - 1).equals("?")) {
            return false;
        }
        for (int k = view.first() + 2; k < view.end(); k++) {
            if (NarrativeMatcher.negationCue(view, k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the headline answers a claim no in the article's own voice ({@link #headlineDeniesNo}). */
    boolean headlineDeniesNo() {
        return headlineDeniesNo;
    }

    /**
     * Whether evidence in sentence {@code s} ({@code view}), attributed to {@code speaker} (null: the
     * article's own voice), is refuted outside its clause. In the article's own voice a refutation later in
     * the same paragraph refutes it, but not for a denial narrative, which is itself a refutation: the one
     * after it may be its own. A claim the article attributes is refuted by any later refutation, or by its
     * headline; for a denial narrative {@link Rebuttal#disputes} then still requires the denial in the
     * claim's clause.
     */
    boolean refuted(Sentence s, SentenceView view, String speaker, boolean denial) {
        int line = s.index();
        if (lines.falseVerdict() && (speaker != null || lines.is(line, LabelledLines.Kind.CLAIM))
                || !westernMyths && lines.is(line, LabelledLines.Kind.MYTH)) {
            return true;
        }
        int next = s.index() + 1;
        if (next < views.length && !paragraphBreakAfter(s.index()) && view.end() > view.first()
                && view.lower(view.end() - 1).equals("?") && Rebuttal.answersNo(views[next], views[next].first())) {
            return true;
        }
        if (speaker == null && denial) {
            return false;
        }
        int until = Math.min(refutes.length,
                speaker == null ? Math.min(paragraphEnd[s.index()], next + OWN_VOICE_REACH) : next + REPORTED_REACH);
        for (int later = next; later < until; later++) {
            if (refutes[later] || speaker != null && answersClaims[later]) {
                return true;
            }
        }
        return speaker != null && headlineRefutes && s.index() >= paragraphEnd[0];
    }

    /** Whether any sentence of the article refutes a claim in its own voice. */
    boolean any() {
        for (boolean r : refutes) {
            if (r) {
                return true;
            }
        }
        return false;
    }

    private boolean paragraphBreakAfter(int sentence) {
        List<Sentence> sentences = doc.sentences();
        // Saved pages and the PTC articles put a paragraph on each line; others leave a blank line.
        return doc.text().substring(sentences.get(sentence).end(), sentences.get(sentence + 1).start()).contains("\n");
    }
}
