package org.narrativewatch.narratives;

import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.util.List;

/**
 * One way a narrative shows in a sentence: a trigger (phrases or a TokensRegex pattern) plus
 * optional constraints. {@code actor} and {@code target} are group indices (-1 when absent) that
 * must be mentioned before and after the trigger; every list in {@code with} must match and no
 * phrase in {@code without} may match, all within {@code within} tokens of the trigger (0: anywhere
 * in the sentence). {@code scope} says which texts the rule reads: a rule with a {@code claim:} reading
 * in the catalog becomes two rules with one id, the rule as written for every text and its broader
 * reading for claims only.
 */
record Rule(String id, double weight, List<Phrase> trigger, TokenSequencePattern tokensRegex, int actor, int target,
            List<List<Phrase>> with, List<Phrase> without, int within, Negation negation, Scope scope) {

    /** Which texts a rule reads (see {@link NarrativeMatcher#CLAIM_SENTENCES} for what a claim is). */
    enum Scope {
        ANY,
        /** Only claims: texts of a few sentences, such as a claim in a disinformation database, a post. */
        CLAIM
    }

    /** What a negation cue just before the trigger ("not", "never", "denies") does to a match. */
    enum Negation {
        /** A negated trigger is no match ("Russia did not abandon Armenia"). The default. */
        SKIP,
        /** Negation does not matter. */
        IGNORE,
        /** Only a negated trigger matches ("did not provide any assistance"). */
        REQUIRE
    }
}
