package org.narrativewatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code versions} objects of the records one load reads, merged into one object for the runs
 * row of a command that did not analyse them ({@code report}): each component (code, model or
 * catalog) with its version when every record that names it agrees, or with the sorted array of
 * its versions when they differ, as in a folder holding records written with different catalogs
 * or releases. Differing versions are listed rather than one chosen, so the row never names a
 * version that only some of the loaded records were made with. Memory is bounded by the distinct
 * versions, not by the number of records.
 */
final class RecordVersions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> byComponent = new TreeMap<>();

    /** Adds a record's {@code versions}; null, a JSON null or a non-object adds nothing, as does a null version. */
    void add(JsonNode versions) {
        if (versions == null || !versions.isObject()) {
            return;
        }
        versions.fields().forEachRemaining(component -> {
            JsonNode version = component.getValue();
            if (!version.isNull()) {
                byComponent.computeIfAbsent(component.getKey(), k -> new TreeSet<>())
                        .add(version.isTextual() ? version.textValue() : version.toString());
            }
        });
    }

    /** The merged object as compact JSON, components in name order; null when no record named a version. */
    String json() {
        if (byComponent.isEmpty()) {
            return null;
        }
        ObjectNode merged = JSON.createObjectNode();
        byComponent.forEach((component, versions) -> {
            if (versions.size() == 1) {
                merged.put(component, versions.iterator().next());
            } else {
                ArrayNode all = merged.putArray(component);
                versions.forEach(all::add);
            }
        });
        return merged.toString();
    }
}
