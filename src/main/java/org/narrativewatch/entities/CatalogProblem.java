package org.narrativewatch.entities;

/**
 * One thing wrong with the gazetteer, located so that an analyst can fix it.
 *
 * @param entry where: "entities[12] Q159 (Russia)", or FILE:LINE for the file as a whole: where it stops
 *              being valid YAML, or the line of its key ({@code version}, {@code entities}, an unknown one;
 *              line 1 for a missing one)
 * @param field the field at fault ("aliases[3]", "type", "id"), or "not valid YAML"
 */
public record CatalogProblem(String entry, String field, String message) {
    @Override
    public String toString() {
        return entry + ": " + field + ": " + message;
    }
}
