package org.narrativewatch.narratives;

import java.util.Map;
import java.util.Set;

/**
 * The labelled lines of a fact-check or an explainer: "Claim: ...", "Myth 1: ...", "Disinfo: ...", "Verdict:
 * False.", "The facts: ...". Fact-check pages often set the label in an element of its own ("Claim" as a heading,
 * then the claim as a paragraph; "Verdict", then "False"): a sentence that is only a label labels the sentence
 * after it, as the label before a colon labels the rest of its line. A verdict of false given on its own before
 * any claim line ("Verdict: False", then the claim) labels the sentence after it a claim line too. Read once per
 * article, and only once a rule has matched.
 */
final class LabelledLines {
    /** What a label says its line is. */
    enum Kind {
        /** A claim that the article's verdict judges, stated as someone's: "Claim: ...". */
        CLAIM,
        /** A claim the article states in order to refute it: "Myth 1: ...", "Disinfo: ...", "FALSE: ...". */
        MYTH,
        /** A fact-check's verdict: "Verdict: False.", "Rating: Misleading", "Our ruling: ...". */
        VERDICT,
        /** The answer to the claims before it: "The facts: ...", "Reality: ...", "Disproof: ...". */
        FACTS
    }

    /**
     * Every label, in lower case, one or two words after an optional "the" or "our". "Disinfo" and "Disproof"
     * are EUvsDisinfo's own case format; a myth named as the Kremlin's is still a myth the article refutes.
     */
    private static final Map<String, Kind> LABELS = Map.ofEntries(
            Map.entry("claim", Kind.CLAIM), Map.entry("claims", Kind.CLAIM),
            Map.entry("myth", Kind.MYTH), Map.entry("myths", Kind.MYTH), Map.entry("kremlin myth", Kind.MYTH),
            Map.entry("russian myth", Kind.MYTH), Map.entry("disinfo", Kind.MYTH), Map.entry("false", Kind.MYTH),
            Map.entry("fake", Kind.MYTH),
            Map.entry("verdict", Kind.VERDICT), Map.entry("rating", Kind.VERDICT), Map.entry("ruling", Kind.VERDICT),
            Map.entry("conclusion", Kind.VERDICT),
            Map.entry("fact", Kind.FACTS), Map.entry("facts", Kind.FACTS), Map.entry("reality", Kind.FACTS),
            Map.entry("truth", Kind.FACTS), Map.entry("disproof", Kind.FACTS), Map.entry("true", Kind.FACTS));
    /**
     * Labels that label only before a colon: alone, "False." is a verdict's value or an answer ("Is NATO
     * encircling Russia? False."), not the heading of the next paragraph.
     */
    private static final Set<String> COLON_ONLY = Set.of("false", "fake", "true");
    /** How many tokens may number a label before its colon: "Myth 1:", "MYTH #2:", "Myth No. 1:". */
    private static final int NUMBERING = 2;

    /** A label: its kind, and the token after it, where the labelled text starts (-1: none). */
    private record Label(Kind kind, int text, boolean alone) {
    }

    /** Per sentence, its kind, or null for an unlabelled line. */
    private final Kind[] kinds;
    private final boolean falseVerdict;
    private final boolean claimLines;

    LabelledLines(SentenceView[] views) {
        kinds = new Kind[views.length];
        boolean verdict = false;
        boolean claims = false;
        Label previous = null;
        boolean previousFalseVerdict = false;
        for (int s = 0; s < views.length; s++) {
            SentenceView view = views[s];
            Label own = label(view);
            Label label = own != null && !own.alone() ? own
                    : previous != null && previous.alone() ? new Label(previous.kind(), view.first(), false)
                    : previousFalseVerdict && !claims ? new Label(Kind.CLAIM, view.first(), false) : null;
            kinds[s] = label == null ? null : label.kind();
            boolean falseOne = label != null && label.kind() == Kind.VERDICT && Rebuttal.callsFalse(view, label.text());
            verdict |= falseOne;
            claims |= kinds[s] == Kind.CLAIM;
            previousFalseVerdict = falseOne && Rebuttal.onlyVerdictValue(view, label.text());
            previous = own;
        }
        falseVerdict = verdict;
        claimLines = claims;
    }

    /** Whether sentence {@code s} is a line of the kind. */
    boolean is(int s, Kind kind) {
        return kinds[s] == kind;
    }

    /** Whether the article gives a fact-check's verdict of false: "Verdict: False.", "RATING: Misleading". */
    boolean falseVerdict() {
        return falseVerdict;
    }

    /** Whether the article sets out claim lines ("Claim: ..."), which its facts lines answer. */
    boolean claimLines() {
        return claimLines;
    }

    /** The label that opens the sentence, or null: one before a colon, or one that is all of the sentence. */
    private static Label label(SentenceView view) {
        int i = view.first();
        if (i < view.end() && (view.lower(i).equals("the") || view.lower(i).equals("our"))) {
            i++;
        }
        for (int words = 2; words >= 1; words--) {
            if (i + words > view.end()) {
                continue;
            }
            String head = words == 1 ? view.lower(i) : view.lower(i) + " " + view.lower(i + 1);
            Kind kind = LABELS.get(head);
            if (kind == null) {
                continue;
            }
            int after = i + words;
            int colon = after;
            while (colon < view.end() && colon < after + NUMBERING && numbering(view.lower(colon))) {
                colon++;
            }
            if (colon < view.end() && view.lower(colon).equals(":")) {
                return new Label(kind, colon + 1, colon + 1 == view.end());
            }
            boolean alone = after == view.end()
                    || after + 1 == view.end() && view.lower(after).equals(".");
            return alone && !COLON_ONLY.contains(head) ? new Label(kind, -1, true) : null;
        }
        return null;
    }

    /** Whether a token numbers a label ("1", "#2", "No."), not names what it is about ("False flag:", "Fake news:"). */
    private static boolean numbering(String lower) {
        return lower.chars().anyMatch(Character::isDigit) || lower.equals("#") || lower.equals("no")
                || lower.equals("no.") || lower.equals("number");
    }
}
