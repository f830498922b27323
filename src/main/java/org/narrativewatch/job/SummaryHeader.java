package org.narrativewatch.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The opening fields every summary.json shares, from the command line or the Spark job: schema
 * version, when the run started and finished (the only timestamps of a run) and its inputs; and the
 * counts both report.
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

    /** The {@code counts} object with the counts both jobs share, for the caller to add its own. */
    public static ObjectNode counts(ObjectNode root, long inputFiles, long articlesRead, long analyzed, long skipped,
                                    long errors) {
        ObjectNode counts = root.putObject("counts");
        counts.put("input_files", inputFiles);
        counts.put("articles_read", articlesRead);
        counts.put("articles_analyzed", analyzed);
        counts.put("articles_skipped", skipped);
        counts.put("errors", errors);
        return counts;
    }
}
