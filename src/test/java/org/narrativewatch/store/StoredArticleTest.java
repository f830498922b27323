package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.ArticleSchemaDocTest;

class StoredArticleTest {
    /**
     * Stores keep each article's fingerprint ({@code record_hash}) to skip unchanged articles on
     * reload; these are the values the store recorded before the record reader was shared with the
     * reports (computed with that version), so existing stores do not see every article as changed.
     * The documented example gained its second mention of Russia in 0.3.0; the values were computed
     * anew for it with the fingerprint code unchanged since then. In 0.4.0 the example's versions
     * changed (narrative-watch 0.4.0, a new narratives catalog) and its hit and evidence gained a
     * stance, which the store keeps since schema version 2 and so hashes: the first two values were
     * computed anew for that. A stance is hashed only where the record has one, so the example as
     * 0.3.0 wrote it (no stances, 0.3.0's versions) still gives the values stores hold for it. The
     * first value follows the example's versions (narrative-watch 0.4.9, its catalog and gazetteer after
     * audit 13, its page-layout rules after audit 13d) and its language_confidence, since audit 8a the 0.027 that
     * analyze writes for its text rather than the 1.0 the example showed (and still shows, for the
     * third value, in the example as 0.3.0 wrote it).
     */
    @Test
    void fingerprintIsTheOneExistingStoresHold() throws Exception {
        ObjectNode example = (ObjectNode) ArticleSchemaDocTest.documentedExample();
        assertEquals("4dc35fbc46569e74afc5de8a43787de895a50150799b217f7b653a8cacc2d5e3",
                new StoredArticle(ArticleRecord.read(example)).fingerprint());

        ObjectNode sparse = sparse(example);
        StoredArticle stored = new StoredArticle(ArticleRecord.read(sparse));
        assertEquals("4f94d55e038c153035b4a492c10565a1d6632d14413e552e76136d6be40dbf41", stored.fingerprint());
        assertEquals("analyzed", stored.status());

        ObjectNode before040 = withoutStances(example);
        before040.put("language_confidence", 1.0); // as the example showed it then
        ((ObjectNode) before040.get("versions")).put("narrative-watch", "0.3.0")
                .put("narratives", "sha256:d4fc8d1cf093d742").put("entities", "sha256:562d814233c054d6")
                .put("boilerplate", "sha256:0e96d81a7eaf453f");
        assertEquals("81a6a7539d5473530216bfc5a2f6ab668d4be3a3ffc750ef763f6125a727b52b",
                new StoredArticle(ArticleRecord.read(before040)).fingerprint());
        assertEquals("f7b7d76355ed936ab270347f0400caf3616befaff37072f6c92519bd1890d07e",
                new StoredArticle(ArticleRecord.read(withoutStances(sparse))).fingerprint());
    }

    /** The example with optional fields missing and an evidence entity repeated. */
    private static ObjectNode sparse(ObjectNode example) {
        ObjectNode sparse = example.deepCopy();
        sparse.remove(java.util.List.of("language_confidence", "origin", "status", "versions", "counts", "title"));
        ((ObjectNode) sparse.get("entities").get(0)).remove("sentence");
        ((ObjectNode) sparse.get("entities").get(1)).remove("via");
        ObjectNode hit = (ObjectNode) sparse.get("narratives").get(0);
        hit.remove("score");
        ObjectNode evidence = (ObjectNode) hit.get("evidence").get(0);
        evidence.remove("sentence");
        evidence.putArray("entities").add("Q159").add("Q399").add("Q159");
        return sparse;
    }

    /** A copy of the record as a version before 0.4.0 wrote it: no stance on hits or evidence. */
    static ObjectNode withoutStances(ObjectNode record) {
        ObjectNode copy = record.deepCopy();
        for (JsonNode hit : copy.get("narratives")) {
            ((ObjectNode) hit).remove("stance");
            hit.get("evidence").forEach(e -> ((ObjectNode) e).remove("stance"));
        }
        return copy;
    }
}
