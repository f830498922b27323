package org.narrativewatch.narratives;

import java.util.List;
import java.util.Map;

/**
 * A tracked narrative from the catalog: what it is, how it shows (rules), when a text carries it (the
 * threshold on the summed evidence weight, and for an article its own threshold, the context phrases that
 * must name its subject (a narrative about Europe needs Europe, see {@link NarrativeMatcher}) and the framing
 * phrases of which one must occur somewhere in it), which external labels it stands for, and example
 * sentences that must (positive) and must not (negative) trigger it. A denial
 * narrative ("the Skripal poisoning was staged", "the meddling is a hoax") is made by calling a claim false,
 * so an article disputes it only where it calls the denial itself false.
 */
public record Narrative(String id, String title, String description, Map<String, List<String>> labels,
                        double threshold, double articleThreshold, boolean denial, List<Phrase> context,
                        List<Phrase> framing, List<Rule> rules, List<Example> positive, List<Example> negative,
                        String file, int line) {

    /** An example sentence and the line of the catalog file it is written on. */
    public record Example(String sentence, int line) {
    }

    /** External labels in a scheme such as "euvsdisinfo"; empty when the narrative maps to none. */
    public List<String> labels(String scheme) {
        return labels.getOrDefault(scheme, List.of());
    }

    /** Rules as the catalog lists them (a rule read differently in claims counts once). */
    public int ruleCount() {
        return (int) rules.stream().map(Rule::id).distinct().count();
    }
}
