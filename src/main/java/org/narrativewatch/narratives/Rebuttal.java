package org.narrativewatch.narratives;

import java.util.Set;

/**
 * Finds where an article rebuts the claim that follows: "there is no evidence that ...", "the
 * baseless claim that ...", "fact-checkers debunked ...". Negation reaches three tokens; a rebuttal
 * reaches into the clause it introduces, so a fact-check that restates the claim it refutes is not
 * read as making that claim. Beyond rebuttals before a claim, {@link #disputes} also reads refutations
 * after it and in the next sentence, for the article's stance (see {@link StanceReading}). Only articles
 * are read this way: a claim database records a denial ("no evidence that Russia poisoned Skripal") as
 * the claim itself.
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
    /** Nouns for what an article may call false, or report as someone's ("claims that the US runs labs"). */
    static final Set<String> CLAIM_NOUNS = Set.of("claim", "allegation", "accusation", "assertion",
            "narrative", "story", "rumour", "rumor", "theory", "notion", "myth");
    /** Adjectives (and participles, as lemmas) that call a claim false. */
    private static final Set<String> FALSE = Set.of("false", "baseless", "unfounded", "unsubstantiated", "groundless",
            "bogus", "fabricated", "fabricate", "spurious", "discredit", "discredited", "debunk", "debunked", "untrue",
            "unproven", "conspiracy", "fake");
    /** Adverbs that say a reported claim is false: "falsely claimed that", "wrongly alleged". */
    private static final Set<String> FALSELY = Set.of("falsely", "baselessly", "wrongly", "erroneously", "groundlessly",
            "spuriously", "mistakenly", "misleadingly");
    /**
     * Words that, said of a claim after it in the same clause, call it false: "..., which is untrue",
     * "is a myth". Narrower than {@link #FALSE}: after a claim, "fake" and "conspiracy" are as often part
     * of it ("a fake state", "a Western conspiracy"). They must be said of it ("is false"), not of
     * something else ("orchestrated the false indictments").
     */
    private static final Set<String> FALSE_AFTER = Set.of("false", "baseless", "unfounded", "unsubstantiated",
            "groundless", "untrue", "spurious", "fabricated", "myth", "nonsense");
    /** Verbs that, after a claim in the same clause, refute it: "..., which experts have debunked", "is contradicted by". */
    private static final Set<String> REFUTED_AFTER = Set.of("debunk", "disprove", "contradict", "refute");
    /** Verbs that say a word of {@link #FALSE_AFTER} of a claim: "is false", "proved baseless", "remains a myth". */
    private static final Set<String> PREDICATE = Set.of("be", "prove", "remain", "seem", "appear", "turn");
    /** How many tokens before a word of {@link #FALSE_AFTER} the verb saying it of the claim ("is", "was") may stand. */
    private static final int PREDICATE_WINDOW = 3;
    /** Words in which a denial narrative denies: "staged", "a hoax", "a false flag", "never happened". */
    private static final Set<String> DENIAL = Set.of("stage", "staged", "hoax", "fake", "flag", "provocation",
            "fabricate", "fabricated", "invent", "invented", "never", "set-up", "setup", "frame", "framed", "myth");
    /** Verbs that, negated before "that", say the evidence does not bear the claim out: "do not show that". */
    private static final Set<String> SHOW = Set.of("show", "prove", "demonstrate", "mean", "confirm", "suggest");
    /**
     * Nouns that name a claim as an information operation: "Kremlin disinformation", "Russian propaganda"
     * (and "a Kremlin talking point").
     */
    private static final Set<String> OPERATION = Set.of("disinformation", "misinformation", "propaganda");
    /**
     * Words that make an information operation a Russian one ("Kremlin propaganda"), and so a report of
     * it a report against a narrative this tool tracks. Both sides call the other's news propaganda; only
     * the Russian kind disputes a pro-Kremlin claim.
     */
    private static final Set<String> RUSSIAN_SIDE = Set.of("russian", "russia", "kremlin", "pro-kremlin",
            "kremlin-backed", "kremlin-linked", "kremlin-controlled", "moscow", "soviet", "russian-state", "rt", "sputnik",
            "russiagate");
    /** How many tokens before an information-operation noun the word making it Russian may stand. */
    private static final int OPERATION_WINDOW = 3;

    /** Verbs whose object is a claim that the subject rejects. */
    private static final Set<String> REJECT = Set.of("dismiss", "reject", "deny", "refute", "rebut", "disprove",
            "debunk");

    /** Words that point back to a claim just made: "no evidence for this", "no proof of that". */
    private static final Set<String> ANAPHORA = Set.of("this", "that", "these", "those", "it", "such");
    /** Verbs of a claim standing a test ({@link #TESTS}): "none survives scrutiny", "does not bear scrutiny". */
    private static final Set<String> SURVIVE = Set.of("survive", "withstand", "bear");
    /**
     * What a claim is put to when it "does not survive" one: scrutiny, the numbers. Without one, "will not
     * survive the winter" is a claim ("the EU will not survive"), not a test it fails.
     */
    private static final Set<String> TESTS = Set.of("scrutiny", "number", "fact", "evidence", "examination",
            "analysis", "check", "test", "data", "record", "reality");
    /** Verbs that stand a test with "up": "does not hold up", "won't stand up" ("stood behind" is no test). */
    private static final Set<String> STAND_UP = Set.of("hold", "stand");
    /** Words that open a fact-check's verdict line: "Verdict:", "Rating:", "Our ruling:". */
    private static final Set<String> VERDICT = Set.of("verdict", "rating", "ruling", "conclusion");
    /** Ratings that call the checked claim false. */
    private static final Set<String> VERDICT_FALSE = Set.of("false", "misleading", "unfounded", "baseless", "untrue",
            "fabricated", "unsubstantiated", "incorrect", "wrong");
    /** Words that, after a comma, start a clause of their own. */
    private static final Set<String> COORDINATING = Set.of("and", "but", "yet", "while", "whereas");

    private Rebuttal() {
    }

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

    /**
     * Whether the sentence disputes the claim matched at tokens [start, end): a headline framed as a
     * fact-check ("Fact check: ..."), a rebuttal before the claim in its clause (see {@link #rebuts}), a
     * word after it in its clause that calls it false ("..., which experts have debunked"), or anywhere
     * in its clause a name for it as Russian disinformation or propaganda ("a staple of Kremlin
     * propaganda since 2014"). A denial narrative is made by disputing what Russia is accused of ("no
     * evidence that Russia poisoned him"), so for one the clause must hold the denial itself ("no evidence
     * that Britain staged the attack") or no Russian actor in the claim or before it ("no evidence that
     * Ukraine shot down MH17").
     */
    static boolean disputes(SentenceView view, int start, int end, boolean denial, boolean refutedElsewhere) {
        int clauseStart = start;
        while (clauseStart > view.first() && !clauseStartsAt(view, clauseStart - 1)) {
            clauseStart--;
        }
        int clauseEnd = end;
        while (clauseEnd < view.end() && !clauseStartsAt(view, clauseEnd)) {
            clauseEnd++;
        }
        if (denial && !holds(view, clauseStart, clauseEnd, DENIAL) && !madeUp(view, clauseStart, clauseEnd)
                && holds(view, clauseStart, end, RUSSIAN_SIDE)) {
            return false;
        }
        if (refutedElsewhere || factCheckHeadline(view) || rebuts(view, start)) {
            return true;
        }
        for (int i = end; i < clauseEnd; i++) {
            if (REFUTED_AFTER.contains(view.lemma(i)) || EVIDENCE.contains(view.lemma(i)) && cueEndsAt(view, i)
                    || failsTest(view, i) || saidFalse(view, end, i)) {
                return true;
            }
        }
        for (int i = clauseStart; i < clauseEnd; i++) {
            if (OPERATION.contains(view.lemma(i)) || view.lower(i).equals("talking") && i + 1 < clauseEnd
                    && view.lemma(i + 1).equals("point")) {
                for (int k = Math.max(clauseStart, i - OPERATION_WINDOW); k < i; k++) {
                    if (RUSSIAN_SIDE.contains(view.lower(k))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a sentence is a fact-check's verdict of false: "Verdict: False.", "RATING: Misleading", "Our
     * ruling: both claims are false". A fact-check gives it once, for the claims it states ({@link
     * #claimLine}) or attributes. "Fake" is no verdict: it is how pro-Kremlin outlets answer Western reports.
     */
    static boolean falseVerdict(SentenceView view) {
        int i = view.first();
        if (i < view.end() && view.lower(i).equals("our")) {
            i++;
        }
        if (i + 1 >= view.end() || !VERDICT.contains(view.lower(i))
                || !(view.lower(i + 1).equals(":") || view.lower(i + 1).equals("."))) {
            return false;
        }
        for (int k = i + 2; k < view.end(); k++) {
            if (VERDICT_FALSE.contains(view.lower(k)) || EVIDENCE.contains(view.lemma(k)) && cueEndsAt(view, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence is a fact-check's claim line ("Claim: ...", "CLAIMS: ..."): what its verdict
     * judges. A verdict of false disputes the claims a fact-check states there or attributes to others, not
     * what the article says in its own voice: a pro-Kremlin piece dressed as a fact-check ("Claim: Ukraine is
     * an old nation. Verdict: False.") goes on to make its own claim.
     */
    static boolean claimLine(SentenceView view) {
        int i = view.first();
        return i + 1 < view.end() && (view.lower(i).equals("claim") || view.lower(i).equals("claims"))
                && view.lower(i + 1).equals(":");
    }

    /**
     * Whether a sentence refutes the one before it: "The data tell a different story.", "None of these
     * claims survives scrutiny.", "These claims are false.", "There is no evidence for this." A fact-check
     * often restates a claim in one sentence and answers it in the next.
     */
    static boolean refutesPrevious(SentenceView view) {
        boolean claimNoun = false;
        for (int i = view.first(); i < view.end(); i++) {
            String lemma = view.lemma(i);
            claimNoun |= CLAIM_NOUNS.contains(lemma) || lemma.equals("version");
            if (i + 1 < view.end() && (lemma.equals("different") || lemma.equals("another"))
                    && view.lemma(i + 1).equals("story") || failsTest(view, i)
                    || EVIDENCE.contains(lemma) && cueEndsAt(view, i) && anaphoric(view, i + 1)) {
                return true;
            }
        }
        if (claimNoun) {
            for (int i = view.first(); i < view.end(); i++) {
                if (saidFalse(view, view.first(), i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether token {@code i} is a word of {@link #FALSE_AFTER} said of what stands before it, after {@code from}: "is false". */
    private static boolean saidFalse(SentenceView view, int from, int i) {
        return (FALSE_AFTER.contains(view.lemma(i)) || FALSE_AFTER.contains(view.lower(i)))
                && holds(view, Math.max(from, i - PREDICATE_WINDOW), i, PREDICATE);
    }

    /**
     * Whether the evidence at token {@code i} refers back to a claim just made: it ends the sentence ("There
     * is no evidence.") or "for this", "of that", "for such claims" follows.
     */
    private static boolean anaphoric(SentenceView view, int i) {
        if (i >= view.end() || view.lower(i).equals(".")) {
            return true;
        }
        return (view.lower(i).equals("for") || view.lower(i).equals("of")) && i + 1 < view.end()
                && ANAPHORA.contains(view.lower(i + 1));
    }

    /**
     * Whether token {@code i} is a test a claim fails, negated just before it: "does not hold up", "none
     * survives scrutiny", "is not supported by the evidence".
     */
    private static boolean failsTest(SentenceView view, int i) {
        String lemma = view.lemma(i);
        boolean next = i + 1 < view.end();
        boolean test = SURVIVE.contains(lemma) && holds(view, i + 1, Math.min(view.end(), i + 4), TESTS)
                || STAND_UP.contains(lemma) && next && view.lower(i + 1).equals("up")
                || lemma.equals("support") && next && view.lower(i + 1).equals("by");
        return test && negatedBefore(view, i);
    }

    private static boolean negatedBefore(SentenceView view, int i) {
        for (int k = Math.max(view.first(), i - 3); k < i; k++) {
            String lower = view.lower(k);
            if (lower.equals("not") || lower.equals("n't") || lower.equals("none") || lower.equals("never")
                    || lower.equals("nor")) {
                return true;
            }
        }
        return false;
    }

    /** "Fact check: ...", "Fact-check: ...", "Reality check: ...": a sentence that opens so tests the claim in it. */
    private static boolean factCheckHeadline(SentenceView view) {
        int first = view.first();
        String opening = view.lower(first);
        return opening.startsWith("fact-check") || opening.startsWith("factcheck")
                || first + 1 < view.end() && (opening.equals("fact") || opening.equals("reality"))
                && view.lemma(first + 1).equals("check");
    }

    /** "made up", "make up": the one denial of two words. */
    private static boolean madeUp(SentenceView view, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (view.lemma(i).equals("make") && view.lower(i + 1).equals("up")) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(SentenceView view, int from, int to, Set<String> words) {
        for (int i = from; i < to; i++) {
            if (words.contains(view.lemma(i)) || words.contains(view.lower(i))) {
                return true;
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
        if (lemma.equals("debunk") || lower.startsWith("fact-check") || FALSELY.contains(lower)) {
            return true;
        }
        if (SHOW.contains(lemma) && i + 1 < view.end() && view.lower(i + 1).equals("that") && negatedBefore(view, i)) {
            return true; // "the documents do not show that ...", "this does not mean that ..."
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
