package org.narrativewatch.entities;

import java.util.List;

/**
 * One entry of the entity gazetteer ({@code models/entities.yaml}, format in docs/entities-format.md).
 *
 * @param id        canonical id: a Wikidata QID ("Q159") or a project slug ("nw:donetsk-peoples-republic")
 * @param name      display name, written as {@code canonical} in the output
 * @param type      one of {@link EntityCatalog#TYPES}
 * @param aliases   names of the entity, properly capitalised, without a leading "the"
 * @param demonyms  adjectives and nouns for its people ("Russian"); plurals are derived by the matcher
 * @param metonyms  names that stand for it: a capital or seat of power ("Moscow", "Kremlin")
 * @param borrowedIn longer names that only borrow one of those names ("Russian roulette", "Vatican II"):
 *                  inside them the name is no mention of the entity
 * @param context   which of those names are ambiguous and the cues that decide them
 */
public record TrackedEntity(String id, String name, String type, List<String> aliases, List<String> demonyms,
                            List<String> metonyms, List<String> borrowedIn, EntityContext context) {
    public TrackedEntity {
        aliases = List.copyOf(aliases);
        demonyms = List.copyOf(demonyms);
        metonyms = List.copyOf(metonyms);
        borrowedIn = List.copyOf(borrowedIn);
    }
}
