package org.narrativewatch.narratives;

import java.util.Set;

/**
 * Finds where an article rebuts the claim that follows: "there is no evidence that ...", "the
 * baseless claim that ...", "fact-checkers debunked ...". Negation reaches three tokens; a rebuttal
 * reaches into the clause it introduces, so a fact-check that restates the claim it refutes is not
 * read as making that claim. Only articles are read this way: a claim database records a denial
 * ("no evidence that Russia poisoned Skripal") as the claim itself.
 */
final class Rebuttal {
    /** How many tokens after the end of a rebuttal cue a trigger may start and still be rebutted. */
    static final int REACH = 15;
    /** How many tokens before "evidence" or "proof" a word saying there is none may stand. */
    private static final int EVIDENCE_WINDOW = 3;

    private static final Set<String> EVIDENCE = Set.of("evidence", "proof");
    /** Words that, before "evidence" or "proof", say there is none (or too little). */
    private static final Set<String> NONE = Set.of("no", "without", "little", "scant", "lack", "not", "n't", "never",
            "zero");
    /** Nouns for what an article may call false. */
    private static final Set<String> CLAIM_NOUNS = Set.of("claim", "allegation", "accusation", "assertion",
            "narrative", "story", "rumour", "rumor", "theory", "notion", "myth");
    /** Adjectives (and participles, as lemmas) that call a claim false. */
    private static final Set<String> FALSE = Set.of("false", "baseless", "unfounded", "unsubstantiated", "groundless",
            "bogus", "fabricated", "fabricate", "spurious", "discredit", "discredited", "debunk", "debunked", "untrue",
            "unproven", "conspiracy", "fake");
    /** Verbs whose object is a claim that the subject rejects. */
    private static final Set<String> REJECT = Set.of("dismiss", "reject", "deny", "refute", "rebut", "disprove",
            "debunk");

    private Rebuttal() {
    }

    /** Words that, after a comma, start a clause of their own. */
    private static final Set<String> COORDINATING = Set.of("and", "but", "yet", "while", "whereas");

    /**
     * Whether a rebuttal cue ends at most {@link #REACH} tokens before token {@code at}, in the same
     * clause: "no evidence for the charges, and everyone knows that X" does not rebut X.
     */
    static boolean rebuts(SentenceView view, int at) {
        for (int end = at; end > view.first() && at - end <= REACH; end--) {
            if (cueEndsAt(view, end - 1)) {
                return true;
            }
            if (clauseStartsAt(view, end - 1)) {
                return false;
            }
        }
        return false;
    }

    private static boolean clauseStartsAt(SentenceView view, int i) {
        String lower = view.lower(i);
        return lower.equals(";") || lower.equals(":") || lower.equals("but")
                || COORDINATING.contains(lower) && i > view.first() && view.lower(i - 1).equals(",");
    }

    /** Whether a rebuttal cue ends with token {@code i}. */
    private static boolean cueEndsAt(SentenceView view, int i) {
        String lemma = view.lemma(i);
        String lower = view.lower(i);
        if (lemma.equals("debunk") || lower.startsWith("fact-check")) {
            return true;
        }
        if (EVIDENCE.contains(lemma)) {
            for (int k = Math.max(view.first(), i - EVIDENCE_WINDOW); k < i; k++) {
                if (NONE.contains(view.lemma(k)) || NONE.contains(view.lower(k))) {
                    return true;
                }
            }
            return false;
        }
        if (CLAIM_NOUNS.contains(lemma)) {
            // "the baseless claim", "a false and dangerous narrative", "rejected the claim", "dismissed these claims"
            for (int k = i - 1; k >= Math.max(view.first(), i - 3); k--) {
                if (FALSE.contains(view.lemma(k)) || FALSE.contains(view.lower(k)) || REJECT.contains(view.lemma(k))) {
                    return true;
                }
            }
        }
        return false;
    }
}
