package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reader of the per-article record reads what {@link ArticleJson} writes, and tolerates less. */
class ArticleRecordTest {
    @Test
    void readsBackWhatTheWriterWrites() throws Exception {
        ArticleJson writer = new ArticleJson(Map.of("narrative-watch", "0.1.0"), true);
        ArticleRecord r = ArticleRecord.read(writer.pretty(ArticleSchemaDocTest.exampleDoc())).checked();
        assertEquals("russia-abandons-its-allies", r.id());
        assertEquals(ArticleJson.SCHEMA_VERSION, r.schemaVersion());
        assertEquals(new ArticleRecord.Origin("corpus/russia-abandons-its-allies.txt", null), r.origin());
        assertEquals(new ArticleRecord.Counts(96, 0, 2, 3, 3, 1), r.counts());
        assertEquals(new ArticleRecord.Bounds(8, 34), r.titleSpan());
        assertEquals(new ArticleRecord.Mention("Armenia", 61, 68, 1, "state", "Q399", "Armenia", "alias"),
                r.entities().get(2));
        ArticleRecord.EvidenceItem ev = r.narratives().get(0).evidence().get(0);
        assertEquals(List.of("Q159", "Q399"), ev.entities());
        assertEquals("Russia betrayed Armenia", r.text().substring(ev.start(), ev.end()));
        assertEquals("{\"narrative-watch\":\"0.1.0\"}", r.versions().toString());
        assertEquals(List.of("section-label", "site-boilerplate"),
                r.dropped().stream().map(ArticleRecord.DroppedPart::reason).toList());
    }

    @Test
    void ignoresUnknownFieldsAndReadsMissingOnesAsEmpty() throws Exception {
        ArticleRecord r = ArticleRecord.read(("{\"id\": \"a\", \"added_later\": {\"x\": 1}, \"narratives\": [{\"id\": \"n\","
                + " \"evidence\": [{\"rule\": \"r\", \"entities\": [\"Q1\", \"Q2\", \"Q1\"]}]}],"
                + " \"entities\": [{\"text\": \"Russia\", \"start\": 0, \"end\": 6}]}").getBytes(StandardCharsets.UTF_8));
        assertEquals("", r.text());
        assertTrue(r.sentences().isEmpty() && r.entityCounts().isEmpty() && r.coMentions().isEmpty()
                && r.dropped().isEmpty());
        assertEquals(new ArticleRecord.Counts(0, 0, 0, 0, 0, 0), r.counts());
        assertEquals(-1, r.entities().get(0).sentence(), "a mention without a sentence is in none");
        ArticleRecord.EvidenceItem ev = r.narratives().get(0).evidence().get(0);
        assertEquals(-1, ev.sentence());
        assertEquals(List.of("Q1", "Q2"), ev.entities());
    }

    @Test
    void checkedRefusesWhatCannotIdentifyAnArticle() throws Exception {
        JsonNode example = ArticleSchemaDocTest.documentedExample();
        assertEquals("russia-abandons-its-allies", ArticleRecord.read(example).checked().id());

        ObjectNode newer = example.deepCopy();
        newer.put("schema_version", 2);
        ObjectNode noVersion = example.deepCopy();
        noVersion.remove("schema_version");
        ObjectNode noId = example.deepCopy();
        noId.put("id", "");
        ObjectNode noHash = example.deepCopy();
        noHash.remove("content_hash");
        ObjectNode twice = example.deepCopy();
        ((ArrayNode) twice.get("narratives")).add(twice.get("narratives").get(0));
        for (ObjectNode bad : List.of(newer, noVersion, noId, noHash, twice)) {
            ArticleRecord read = ArticleRecord.read(bad);
            assertThrows(IllegalArgumentException.class, read::checked, bad::toString);
        }
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ArticleRecord.read("{}".getBytes(StandardCharsets.UTF_8)).checked());
        assertEquals("record has no schema_version (not an article record)", empty.getMessage());
        ObjectNode wrongType = example.deepCopy();
        wrongType.putObject("counts").put("tokens", "many");
        assertThrows(IllegalArgumentException.class, () -> ArticleRecord.read(wrongType));
    }

    /** Jackson reads the literal null as no object at all; a reader must not hand that on as a record. */
    @Test
    void theJsonLiteralNullIsNoRecord() {
        assertThrows(IOException.class, () -> ArticleRecord.read("null".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> ArticleRecord.read(NullNode.getInstance()));
    }
}
