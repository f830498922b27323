package org.narrativewatch.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the {@code runs} table: what a command did, as analyze's summary.json says or, for a
 * command that only loads records, as the records say; whatever it did not do is left null (a
 * {@code report} run analyses nothing, so it has no token count).
 */
public record RunRecord(
        String command,
        Instant startedAt,
        Instant finishedAt,
        List<String> inputs,
        String versions,
        Integer threads,
        Long inputFiles,
        Long articlesRead,
        Long articlesAnalyzed,
        Long articlesSkipped,
        Long errors,
        Long tokens,
        Long sentences,
        Long entityMentions,
        Long narrativeHits,
        Double wallSeconds) {

    public RunRecord {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** A run about which nothing is known but the command, e.g. a bare load of a folder. */
    public static RunRecord of(String command) {
        return new RunRecord(command, null, null, List.of(), null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /**
     * A run that loaded records without analysing them ({@code report}): every count of an
     * analysis is null; {@code inputs} names the folder of records read, and {@code versions} is
     * what the records carry ({@link LoadResult#versions()}).
     */
    public static RunRecord ofRecords(String command, Instant startedAt, List<String> inputs, String versions) {
        return new RunRecord(command, startedAt, null, inputs, versions, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The run that summary.json (written by {@code analyze}) describes. */
    public static RunRecord fromSummary(String command, JsonNode summary) {
        JsonNode counts = summary.path("counts");
        List<String> inputs = new ArrayList<>();
        summary.path("inputs").forEach(n -> inputs.add(n.asText()));
        return new RunRecord(command, instant(summary, "started_at"), instant(summary, "finished_at"), inputs,
                summary.has("versions") ? summary.get("versions").toString() : null,
                summary.path("threads").isNumber() ? summary.path("threads").asInt() : null,
                count(counts, "input_files"), count(counts, "articles_read"), count(counts, "articles_analyzed"),
                count(counts, "articles_skipped"), count(counts, "errors"), count(counts, "tokens"),
                count(counts, "sentences"), count(counts, "entity_mentions"), count(counts, "narrative_hits"),
                summary.path("timings").path("wall_seconds").isNumber()
                        ? summary.path("timings").path("wall_seconds").asDouble() : null);
    }

    private static Instant instant(JsonNode n, String field) {
        return n.path(field).isTextual() ? Instant.parse(n.path(field).asText()) : null;
    }

    private static Long count(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.path(field).asLong() : null;
    }
}
