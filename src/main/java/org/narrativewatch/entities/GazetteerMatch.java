package org.narrativewatch.entities;

/**
 * A tracked entity found in the text.
 *
 * @param start offset of the first character (UTF-16 index into the article text)
 * @param end   offset after the last character; a possessive "'s" is never part of the span
 * @param via   how the name relates to the entity: alias, demonym or metonymy
 */
public record GazetteerMatch(int start, int end, TrackedEntity entity, String via) {
    public static final String ALIAS = "alias";
    public static final String DEMONYM = "demonym";
    public static final String METONYMY = "metonymy";
}
