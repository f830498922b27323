package org.narrativewatch.narratives;

import java.util.Set;

/**
 * Finds where an article rebuts the claim that follows: "there is no evidence that ...", "the
 * baseless claim that ...", "fact-checkers debunked ...". Negation reaches three tokens; a rebuttal
 * reaches into the clause it introduces, so a fact-check that restates the claim it refutes is not
 * read as making that claim. Beyond rebuttals before a claim, {@link #disputes} also reads refutations
 * after it in its clause, and the sentence-level cues that {@link Refutations} places in the article, for
 * the article's stance (see {@link StanceReading}). Only articles
 * are read this way: a claim database records a denial ("no evidence that Russia poisoned Skripal") as
 * the claim itself.
 */
final class Rebuttal {
    /** How many tokens after the end of a rebuttal cue a trigger may start and still be rebutted. */
    static final int REACH = 15;
    /** How many tokens before a test a claim fails ("survives", "hold up") its negation may stand. */
    private static final int NEGATED_TEST_WINDOW = 4;
    /** How many tokens before "evidence" or "proof" a word saying there is none may stand. */
    private static final int EVIDENCE_WINDOW = 3;

    private static final Set<String> EVIDENCE = Set.of("evidence", "proof");
    /** Words that, before "evidence" or "proof", say there is none (or too little). */
    private static final Set<String> NONE = Set.of("no", "without", "little", "scant", "lack", "not", "n't", "never",
            "zero");
    /** Nouns for what an article may call false, or report as someone's ("claims that the US runs labs"). */
    static final Set<String> CLAIM_NOUNS = Set.of("claim", "allegation", "accusation", "assertion",
            "narrative", "story", "rumour", "rumor", "theory", "notion", "myth", "idea", "argument", "contention");
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
    /** Verbs of belief or speech that, with no one as their subject, deny what follows: "nobody believes that". */
    private static final Set<String> BELIEF = Set.of("believe", "think", "say", "claim", "suggest", "argue", "expect",
            "maintain", "assert", "pretend");
    /** How many tokens before a verb of {@link #BELIEF} "nobody" may stand: "no one in Brussels seriously believes". */
    private static final int BELIEF_WINDOW = 4;
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
    /**
     * Words that make a refuted claim or a list of myths the West's ("the British version does not hold up",
     * "Western myths", "the myths of Kyiv"): see {@link #westernNear}.
     */
    private static final Set<String> WESTERN_SIDE = Set.of("western", "west", "nato", "american", "u.s.",
            "european", "eu", "liberal", "liberals", "kyiv", "kiev", "ukrainian", "mainstream", "globalist",
            "anglo-saxon", "washington", "british", "london", "brussels", "atlanticist");
    /** Prepositions after which a Russian word is whom a claim is aimed at: "a war against Russia". */
    private static final Set<String> AIMED_AT = Set.of("against", "on", "upon", "towards", "toward", "at");
    /** Nouns of hostility after which "of" makes a Russian word its object: "hatred of Russians". */
    private static final Set<String> HOSTILITY = Set.of("hatred", "hate", "hostility", "fear", "persecution",
            "discrimination", "demonisation", "demonization", "vilification", "harassment", "oppression");
    /** Words after which a Western word is what a myth or claim is about, not whose it is: "myths about NATO". */
    private static final Set<String> TOPIC = Set.of("about", "on", "regarding", "concerning", "over");
    /** How many tokens after a refutation or "myth" the word naming whose claim it is may stand ("the myths of Kyiv"). */
    private static final int OWNER_WINDOW = 3;
    /** How many tokens before an information-operation noun the word making it Russian may stand. */
    private static final int OPERATION_WINDOW = 3;

    /** Verbs whose object is a claim that the subject rejects. */
    private static final Set<String> REJECT = Set.of("dismiss", "reject", "deny", "refute", "rebut", "disprove",
            "debunk");

    /** Words that point back to a claim just made: "no evidence for this", "no proof of that". */
    private static final Set<String> ANAPHORA = Set.of("this", "that", "these", "those", "it", "such");
    /**
     * Verbs of a claim standing a test ({@link #TESTS}): "none survives scrutiny", "does not bear scrutiny",
     * "does not fit the data", "does not match the record".
     */
    private static final Set<String> SURVIVE = Set.of("survive", "withstand", "bear", "fit", "match");
    /**
     * What a claim is put to when it "does not survive" one: scrutiny, the numbers. Without one, "will not
     * survive the winter" is a claim ("the EU will not survive"), not a test it fails.
     */
    private static final Set<String> TESTS = Set.of("scrutiny", "number", "fact", "evidence", "examination",
            "analysis", "check", "test", "data", "record", "reality", "contact", "statistics", "figure");
    /** Verbs that stand a test with "up": "does not hold up", "won't stand up" ("stood behind" is no test). */
    private static final Set<String> STAND_UP = Set.of("hold", "stand");
    /** Ratings that call the checked claim false. */
    private static final Set<String> VERDICT_FALSE = Set.of("false", "misleading", "unfounded", "baseless", "untrue",
            "fabricated", "unsubstantiated", "incorrect", "wrong");
    /** What follows a "No" that answers a question: "No, and here is why", "No." ("no evidence" is no answer). */
    private static final Set<String> AFTER_ANSWER = Set.of(",", ".", "—", "–", "-", ":", ";");
    /** Words that, after a comma, start a clause of their own. */
    private static final Set<String> COORDINATING = Set.of("and", "but", "yet", "while", "whereas");

    private Rebuttal() {
    }

    /**
     * Whether a rebuttal cue ends at most {@link #REACH} tokens before token {@code at}, in the same
     * clause: "no evidence for the charges, and everyone knows that X" does not rebut X.
     */
    static boolean rebuts(SentenceView view, int at) {
        return cueBefore(view, at, false);
    }

    /**
     * Whether a rebuttal cue, or with {@code ofStance} also a cue that disputes a claim it leaves standing
     * ({@link #stanceCueEndsAt}), ends at most {@link #REACH} tokens before token {@code at} in its clause.
     */
    private static boolean cueBefore(SentenceView view, int at, boolean ofStance) {
        for (int end = at; end > view.first() && at - end <= REACH; end--) {
            if (cueEndsAt(view, end - 1) || ofStance && stanceCueEndsAt(view, end - 1)) {
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
     * Ukraine shot down MH17"). The {@code speaker} tag is no part of the claim: a refutation after a claim that
     * Russian state media made ("Russian state media claimed that MH17 was downed by a Ukrainian jet. This claim
     * is false.") disputes it; a rebuttal in its clause may be that speaker's own ("Moscow dismissed claims that
     * ..." is the denial, reported).
     */
    static boolean disputes(SentenceView view, int start, int end, boolean denial, Attribution.Speaker speaker,
                            boolean refutedElsewhere) {
        int clauseStart = start;
        while (clauseStart > view.first() && !clauseStartsAt(view, clauseStart - 1)) {
            clauseStart--;
        }
        int clauseEnd = end;
        while (clauseEnd < view.end() && !clauseStartsAt(view, clauseEnd)) {
            clauseEnd++;
        }
        if (denial && !holds(view, clauseStart, clauseEnd, DENIAL) && !madeUp(view, clauseStart, clauseEnd)) {
            boolean russianSpeaker = false;
            for (int i = clauseStart; i < end; i++) {
                if ((RUSSIAN_SIDE.contains(view.lemma(i)) || RUSSIAN_SIDE.contains(view.lower(i))) && !aimedAt(view, i)) {
                    if (!speaker.tags(i, i + 1)) {
                        return false;
                    }
                    russianSpeaker = true;
                }
            }
            if (russianSpeaker) {
                return refutedElsewhere;
            }
        }
        if (refutedElsewhere || factCheckHeadline(view) || answeredNo(view, end) || cueBefore(view, start, true)) {
            return true;
        }
        for (int i = end; i < clauseEnd; i++) {
            if (REFUTED_AFTER.contains(view.lemma(i)) || EVIDENCE.contains(view.lemma(i)) && cueEndsAt(view, i)
                    || failsTest(view, i) || saidFalse(view, end, i) && !(denial && DENIAL.contains(view.lemma(i)))) {
                return true;
            }
        }
        for (int i = clauseStart; i < clauseEnd; i++) {
            if (russianOperation(view, clauseStart, clauseEnd, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the Russian word at token {@code i} is whom the claim is aimed at, not who acts in it: "a war
     * against Russia", "a campaign on Russian speakers", "hatred of Russians". An attributed claim that Russia
     * is the victim is no denial of what Russia did, so a refutation after it disputes it.
     */
    private static boolean aimedAt(SentenceView view, int i) {
        int before = i - 1;
        if (before > view.first() && view.lower(before).equals("the")) {
            before--; // "against the Russian people"
        }
        if (before < view.first()) {
            return false;
        }
        String word = view.lower(before);
        return AIMED_AT.contains(word)
                || word.equals("of") && before > view.first() && HOSTILITY.contains(view.lemma(before - 1));
    }

    /**
     * Whether token {@code i}, between {@code from} and {@code to}, names a claim as a Russian information
     * operation: "Kremlin disinformation", "Russian propaganda", "a Kremlin talking point".
     */
    private static boolean russianOperation(SentenceView view, int from, int to, int i) {
        if (OPERATION.contains(view.lemma(i))
                || view.lower(i).equals("talking") && i + 1 < to && view.lemma(i + 1).equals("point")) {
            for (int k = Math.max(from, i - OPERATION_WINDOW); k < i; k++) {
                if (RUSSIAN_SIDE.contains(view.lower(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a verdict's value, from token {@code from} on, calls the checked claim false: "False.", "Misleading",
     * "both claims are false", "no evidence". A fact-check gives it once, for the claims it states ({@link
     * LabelledLines.Kind#CLAIM}) or attributes. "Fake" is no verdict: it is how pro-Kremlin outlets answer Western
     * reports.
     */
    static boolean callsFalse(SentenceView view, int from) {
        for (int k = from; k < view.end(); k++) {
            if (VERDICT_FALSE.contains(view.lower(k)) || EVIDENCE.contains(view.lemma(k)) && cueEndsAt(view, k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sentence from token {@code from} on holds only a verdict's value: "False.", "Misleading". */
    static boolean onlyVerdictValue(SentenceView view, int from) {
        for (int k = from; k < view.end(); k++) {
            if (!VERDICT_FALSE.contains(view.lower(k)) && !AFTER_ANSWER.contains(view.lower(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where a sentence refutes a claim made before it without restating it, or -1: "The data tell a
     * different story.", "None of these claims survives scrutiny.", "These claims are false.", "There is no
     * evidence for this.", "How a Kremlin talking point falls apart". A fact-check often restates a claim in
     * one sentence and answers it in the next, or sets out the facts first and answers at the end.
     */
    static int refutation(SentenceView view) {
        int claimNoun = -1;
        for (int i = view.first(); i < view.end(); i++) {
            String lemma = view.lemma(i);
            if (claimNoun < 0 && (CLAIM_NOUNS.contains(lemma) || lemma.equals("version"))) {
                claimNoun = i;
            }
            if (i + 1 < view.end() && (lemma.equals("different") || lemma.equals("another"))
                    && view.lemma(i + 1).equals("story")) {
                // the cue includes its verb: "the record tells a different story" is no one's reported speech
                return i - 2 >= view.first() && view.lemma(i - 2).equals("tell") ? i - 2 : i;
            }
            if (failsTest(view, i)
                    || EVIDENCE.contains(lemma) && cueEndsAt(view, i) && anaphoric(view, i + 1)
                    || CLAIM_NOUNS.contains(lemma) && calledFalse(view, i)
                    || russianOperation(view, view.first(), view.end(), i) || otherwise(view, i)) {
                return i;
            }
        }
        if (claimNoun >= 0) {
            for (int i = view.first(); i < view.end(); i++) {
                if (saidFalse(view, view.first(), i)) {
                    return claimNoun;
                }
            }
        }
        return -1;
    }

    /**
     * Whether token {@code i} says the facts are otherwise than a claim: "the record shows otherwise", "the
     * evidence points to the opposite of what Moscow says", "contrary to what state media say".
     */
    private static boolean otherwise(SentenceView view, int i) {
        String lemma = view.lemma(i);
        if (lemma.equals("otherwise")) {
            return i > view.first() && (SHOW.contains(view.lemma(i - 1)) || view.lemma(i - 1).equals("tell"));
        }
        return (lemma.equals("opposite") || lemma.equals("contrary")) && i + 2 < view.end()
                && (view.lower(i + 1).equals("of") || view.lower(i + 1).equals("to")) && view.lower(i + 2).equals("what");
    }

    /**
     * Whether a Western word stands before token {@code i} in its sentence, or a few tokens after it but
     * before a colon: "Western claims are false", "the British version does not hold up", "the myths of
     * Kyiv", not "Myth 2: NATO is collapsing", whose Western word is the myth's subject. A refutation
     * of the West's claim refutes no narrative of this catalog; pro-Kremlin outlets write them as fact-checks
     * do.
     */
    static boolean westernNear(SentenceView view, int i) {
        for (int k = view.first(); k < Math.min(view.end(), i + OWNER_WINDOW + 1); k++) {
            if (k > i && (view.lower(k).equals(":") || TOPIC.contains(view.lower(k)))) {
                // What follows is the myth's subject, not its owner: "Myth 2: NATO is collapsing", "myths about NATO".
                return false;
            }
            if (WESTERN_SIDE.contains(view.lower(k)) || view.text(k).equals("US")) {
                return true;
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
        // "None of these claims survives": "none" stands before what it quantifies.
        for (int k = Math.max(view.first(), i - NEGATED_TEST_WINDOW); k < i; k++) {
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

    /**
     * Whether a sentence names myths as the West's: "two Western myths and the facts", "the myths of
     * Kyiv". Pro-Kremlin outlets use the "Myth: ... Fact: ..." format too, against Western claims on the
     * topics of its own narratives; there a myth line states what the outlet disputes, not the narrative.
     */
    static boolean westernMyths(SentenceView view) {
        // Only the last "myth" need be read: a Western word near an earlier one is near it too.
        for (int i = view.end() - 1; i >= view.first(); i--) {
            if (view.lemma(i).equals("myth")) {
                return westernNear(view, i);
            }
        }
        return false;
    }

    /** "Was the Douma attack staged? No, ...": the claim after {@code end} is asked and answered no. */
    private static boolean answeredNo(SentenceView view, int end) {
        for (int i = end; i + 1 < view.end(); i++) {
            if (view.lower(i).equals("?")) {
                return answersNo(view, i + 1);
            }
        }
        return false;
    }

    /**
     * Whether token {@code i} answers the question before it no: "No, and here is what the OPCW found",
     * "No.", "No –". A sentence may open so after a question that ends the sentence before.
     */
    static boolean answersNo(SentenceView view, int i) {
        return i < view.end() && view.lower(i).equals("no")
                && (i + 1 == view.end() || AFTER_ANSWER.contains(view.lower(i + 1)));
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

    /**
     * Whether the negation cue at token {@code i} negates something other than the claim after it: a denial
     * ("no one can deny that ...", "nobody denies", "cannot deny": a denial of a denial affirms), or what the
     * evidence shows ("the documents do not show that ...": the claim stands, disputed; see {@link
     * #stanceCueEndsAt}).
     */
    static boolean negatesSomethingElse(SentenceView view, int i) {
        String lemma = view.lemma(i);
        if (lemma.equals("deny") || lemma.equals("refute")) {
            for (int k = Math.max(view.first(), i - 3); k < i; k++) {
                String lower = view.lower(k);
                if (lower.equals("nobody") || lower.equals("no") || lower.equals("cannot") || lower.equals("not")
                        || lower.equals("n't") || lower.equals("never")) {
                    return true;
                }
            }
            return false;
        }
        for (int k = i + 1; k < Math.min(view.end(), i + 3); k++) {
            String next = view.lemma(k);
            if (next.equals("deny") || next.equals("refute")
                    || SHOW.contains(next) && k + 1 < view.end() && view.lower(k + 1).equals("that")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether token {@code i} ends a cue that disputes the claim after it without taking it back: "state media
     * falsely claimed that ...", "the documents do not show that ...". The claim is still stated, as someone's
     * or as what the evidence would have to show, so it is evidence that the article disputes, not none.
     */
    private static boolean stanceCueEndsAt(SentenceView view, int i) {
        return FALSELY.contains(view.lower(i)) || SHOW.contains(view.lemma(i)) && i + 1 < view.end()
                && view.lower(i + 1).equals("that") && negatedBefore(view, i);
    }

    /** Whether a rebuttal cue ends with token {@code i}. */
    private static boolean cueEndsAt(SentenceView view, int i) {
        String lemma = view.lemma(i);
        String lower = view.lower(i);
        if (lemma.equals("debunk") || lower.startsWith("fact-check")) {
            return true;
        }
        if (BELIEF.contains(lemma) && deniedBelief(view, i)) {
            return true; // "nobody believes that ...", "no one seriously claims that ..."
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
                if (REJECT.contains(view.lemma(k))) {
                    return true;
                }
            }
            return calledFalse(view, i);
        }
        return false;
    }

    /**
     * Whether no one is said to hold what follows the verb of belief or speech at token {@code i}: "nobody
     * believes that", "no one seriously thinks", "none of them claims". A denial of a denial affirms ("no
     * one can deny that ..."), so only these verbs count.
     */
    private static boolean deniedBelief(SentenceView view, int i) {
        for (int k = i - 1; k >= Math.max(view.first(), i - BELIEF_WINDOW); k--) {
            String lower = view.lower(k);
            if (lower.equals("nobody") || lower.equals("none") || lower.equals("one") && k > view.first()
                    && view.lower(k - 1).equals("no")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the claim noun at token {@code i} is called false just before it: "the baseless claim", "a
     * false and dangerous narrative", "two conspiracy theories". Unlike "rejected the claim", no one but the
     * writer need be saying so.
     */
    private static boolean calledFalse(SentenceView view, int i) {
        for (int k = i - 1; k >= Math.max(view.first(), i - 3); k--) {
            if (FALSE.contains(view.lemma(k)) || FALSE.contains(view.lower(k))) {
                return true;
            }
        }
        return false;
    }
}
