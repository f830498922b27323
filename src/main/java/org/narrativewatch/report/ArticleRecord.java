package org.narrativewatch.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The part of a per-article JSON record (docs/article-schema.md) that the reports use. Unknown
 * fields are ignored and missing arrays read as empty, so records from older or newer writers,
 * or from runs without entity or narrative stages, still load. Offsets are code point offsets
 * into {@code text}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ArticleRecord(
        String id,
        String title,
        String url,
        String source,
        String published,
        String language,
        String status,
        String skipReason,
        String text,
        Bounds titleSpan,
        List<Bounds> sentences,
        List<Mention> entities,
        List<EntityCount> entityCounts,
        List<CoMention> coMentions,
        List<Narrative> narratives,
        List<DroppedPart> dropped) {

    public ArticleRecord {
        text = text == null ? "" : text;
        sentences = orEmpty(sentences);
        entities = orEmpty(entities);
        entityCounts = orEmpty(entityCounts);
        coMentions = orEmpty(coMentions);
        narratives = orEmpty(narratives);
        dropped = orEmpty(dropped);
    }

    public boolean skipped() {
        return "skipped".equals(status);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A [start, end) code point range. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bounds(int start, int end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Mention(String text, int start, int end, int sentence, String type, String kbId,
                          String canonical, String via) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EntityCount(String kbId, String canonical, String type, int mentions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoMention(String a, String b, List<Integer> sentences) {
        public CoMention {
            sentences = orEmpty(sentences);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Narrative(String id, String title, double score, List<EvidenceItem> evidence) {
        public Narrative {
            evidence = orEmpty(evidence);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EvidenceItem(String rule, int sentence, int start, int end, String text, List<String> entities,
                               String attributedTo, double weight) {
        public EvidenceItem {
            entities = orEmpty(entities);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DroppedPart(int start, int end, String reason) {
    }
}
