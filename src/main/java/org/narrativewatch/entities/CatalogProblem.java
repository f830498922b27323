package org.narrativewatch.entities;

/**
 * One thing wrong with the gazetteer, located so that an analyst can fix it.
 *
 * @param entry where: "entities[12] Q159 (Russia)", "file" for the top level, or FILE:LINE where the
 *              file stops being valid YAML or where its list of entities is empty
 * @param field the field at fault ("aliases[3]", "type", "id"), or "not valid YAML"
 */
public record CatalogProblem(String entry, String field, String message) {
    @Override
    public String toString() {
        return entry + ": " + field + ": " + message;
    }
}
