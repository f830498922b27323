package org.narrativewatch.entities;

import java.util.List;

/**
 * How to tell an entity from another reading of the same name ("Georgia" the state vs the US state).
 *
 * @param ambiguous       names of this entity (aliases, demonyms or metonyms) that are linked only when the
 *                        context does not point elsewhere
 * @param positive        words or phrases that, near the name, support this entity ("Tbilisi", "Caucasus")
 * @param negative        words or phrases that point to another reading ("Atlanta", "county")
 * @param linkedByDefault whether an ambiguous name is linked when no rule and no cue decides (catalog
 *                        {@code default: linked}, the usual case) or left unlinked ({@code default: unlinked})
 */
public record EntityContext(List<String> ambiguous, List<String> positive, List<String> negative,
                            boolean linkedByDefault) {
    public static final EntityContext NONE = new EntityContext(List.of(), List.of(), List.of(), true);

    public EntityContext {
        ambiguous = List.copyOf(ambiguous);
        positive = List.copyOf(positive);
        negative = List.copyOf(negative);
    }
}
