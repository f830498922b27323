package org.narrativewatch.narratives;

import java.util.List;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.Stance;

/**
 * How an article stands to a narrative, from how it stands to each piece of evidence. A piece the
 * article disputes ("no evidence that ...", "..., which experts debunked", "Kremlin propaganda") is
 * {@code disputes}; one attributed to a speaker is {@code reports}; any other is the article's own
 * voice, {@code asserts}. An article that calls the claim false once disputes it, however many
 * sentences about its topic it writes in its own voice (a fact-check restates the claim and sets out
 * the facts: the labs' names, the nerve agent's origin). Otherwise it asserts the narrative when at
 * least {@link #OWN_VOICE_SHARE} of the evidence weight is in its own voice (a question in it is
 * {@link Attribution#QUESTION}'s), and reports
 * it when less is: a wire report of a claim still has a sentence or two on the topic in its own voice, a pro-Kremlin
 * piece that quotes officials says most of it itself. An article whose own words take the mainstream
 * side ({@link Framing}) makes no pro-Kremlin claim in its own voice: there a hit no evidence disputes is
 * disputed when the article calls something false in its own voice, and reported otherwise; one that takes
 * neither side by its terms disputes what it carries when it answers claims as a fact-check does ({@link
 * Framing#checksFacts}), unless the narrative is a denial, which "there is no evidence that ..." makes. A claim (a
 * title, a post) has no room for a rebuttal and is read only for attribution ({@code framing} is null).
 */
final class StanceReading {
    /** Share of a hit's evidence weight in the article's own voice from which the article asserts it. */
    static final double OWN_VOICE_SHARE = 0.5;

    private StanceReading() {
    }

    static Stance ofEvidence(String speaker, boolean disputed) {
        return disputed ? Stance.DISPUTES : speaker != null ? Stance.REPORTS : Stance.ASSERTS;
    }

    static Stance ofHit(List<Evidence> evidence, Framing framing, boolean denial) {
        double total = 0;
        double own = 0;
        boolean disputed = false;
        for (Evidence e : evidence) {
            total += e.weight();
            own += e.stance() == Stance.ASSERTS ? e.weight() : 0;
            disputed |= e.stance() == Stance.DISPUTES;
        }
        if (disputed || framing != null && framing.checksFacts() && !denial) {
            return Stance.DISPUTES;
        }
        if (framing != null && framing.mainstream()) {
            return framing.refutes() ? Stance.DISPUTES : Stance.REPORTS;
        }
        return own >= OWN_VOICE_SHARE * total - 1e-9 ? Stance.ASSERTS : Stance.REPORTS;
    }
}
