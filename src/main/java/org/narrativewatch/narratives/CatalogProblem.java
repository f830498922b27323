package org.narrativewatch.narratives;

/** A schema or pattern error in a catalog file, located by file, line and narrative id (when known). */
public record CatalogProblem(String file, int line, String narrative, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + (narrative != null ? narrative + ": " : "") + message;
    }
}
