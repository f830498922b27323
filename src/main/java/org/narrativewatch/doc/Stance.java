package org.narrativewatch.doc;

import java.util.Locale;

/**
 * How an article stands to a narrative's claim: whether it makes the claim itself, relays someone
 * else making it, or says it is false. A fact-check of the biolab claim and a state-TV piece that
 * makes it both mention the claim; an analyst counting who spreads a narrative needs to tell them apart.
 */
public enum Stance {
    /** The article makes the claim in its own voice. */
    ASSERTS,
    /** The article reports that someone else makes the claim, without judging it. */
    REPORTS,
    /** The article says the claim is false, baseless or disinformation. */
    DISPUTES;

    /** The name in records and reports: {@code asserts}, {@code reports}, {@code disputes}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stance as a past participle, for names of counts and lists of what takes it:
     * {@code asserted}, {@code reported}, {@code disputed} ({@code narratives_asserted}).
     */
    public String participle() {
        return switch (this) {
            case ASSERTS -> "asserted";
            case REPORTS -> "reported";
            case DISPUTES -> "disputed";
        };
    }

    /** The stance a record names, or null for a record written before stances existed. */
    public static Stance ofKey(String key) {
        Stance stance = ofKeyOrNull(key);
        if (stance == null && key != null) {
            throw new IllegalArgumentException("unknown stance '" + key + "' (asserts, reports or disputes)");
        }
        return stance;
    }

    /**
     * The stance a record names, or null when it names none (written before 0.4.0) or one this
     * build does not know (a newer writer's): for readers that count what they know and go on.
     */
    public static Stance ofKeyOrNull(String key) {
        for (Stance s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
