package org.narrativewatch.spark;

import org.apache.spark.sql.types.StructType;

/**
 * The per-article record (docs/article-schema.md) as a Spark table: one column per top-level
 * field, nested fields as structs and arrays, so Parquet readers get typed columns. Records are
 * parsed from the JSON lines in fail-fast mode; the Spark test checks that every record read back
 * from Parquet equals its JSON line, so a field added to the writer but not here fails the build.
 */
final class ArticleTable {
    private static final String SPAN = "STRUCT<`start`: INT, `end`: INT>";

    static final StructType SCHEMA = StructType.fromDDL(String.join(", ",
            "`schema_version` INT",
            "`id` STRING",
            "`title` STRING",
            "`url` STRING",
            "`source` STRING",
            "`published` STRING",
            "`language` STRING",
            "`language_confidence` DOUBLE",
            "`status` STRING",
            "`skip_reason` STRING",
            "`origin` STRUCT<`file`: STRING, `line`: BIGINT>",
            "`content_hash` STRING",
            "`counts` STRUCT<`characters`: BIGINT, `tokens`: BIGINT, `sentences`: BIGINT, `entities`: BIGINT, "
                    + "`tracked_entities`: BIGINT, `narratives`: BIGINT>",
            "`text` STRING",
            "`title_span` " + SPAN,
            "`sentences` ARRAY<" + SPAN + ">",
            "`entities` ARRAY<STRUCT<`text`: STRING, `start`: INT, `end`: INT, `sentence`: INT, `type`: STRING, "
                    + "`kb_id`: STRING, `canonical`: STRING, `via`: STRING>>",
            "`entity_counts` ARRAY<STRUCT<`kb_id`: STRING, `canonical`: STRING, `type`: STRING, `mentions`: BIGINT>>",
            "`co_mentions` ARRAY<STRUCT<`a`: STRING, `b`: STRING, `sentences`: ARRAY<INT>>>",
            "`narratives` ARRAY<STRUCT<`id`: STRING, `title`: STRING, `score`: DOUBLE, `stance`: STRING, "
                    + "`evidence`: ARRAY<STRUCT<`rule`: STRING, `sentence`: INT, `start`: INT, `end`: INT, "
                    + "`text`: STRING, `entities`: ARRAY<STRING>, `attributed_to`: STRING, `stance`: STRING, "
                    + "`weight`: DOUBLE>>>>",
            "`dropped` ARRAY<STRUCT<`start`: INT, `end`: INT, `reason`: STRING, `text`: STRING>>",
            "`warnings` ARRAY<STRING>",
            "`versions` MAP<STRING, STRING>",
            "`tokens` ARRAY<STRUCT<`start`: INT, `end`: INT, `sentence`: INT, `pos`: STRING, `lemma`: STRING>>"));

    private ArticleTable() {
    }
}
