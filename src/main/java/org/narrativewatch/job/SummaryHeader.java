package org.narrativewatch.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The opening fields every summary.json shares, from the command line or the Spark job: schema
 * version, when the run started and finished (the only timestamps of a run) and its inputs.
 */
public final class SummaryHeader {
    private SummaryHeader() {
    }

    public static ObjectNode of(ObjectMapper json, Instant started, List<String> inputs) {
        ObjectNode root = json.createObjectNode();
        root.put("schema_version", 1);
        root.put("started_at", started.toString());
        root.put("finished_at", Instant.now().toString());
        ArrayNode in = root.putArray("inputs");
        inputs.forEach(in::add);
        return root;
    }
}
