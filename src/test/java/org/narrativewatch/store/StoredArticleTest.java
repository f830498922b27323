package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.output.ArticleSchemaDocTest;

class StoredArticleTest {
    /**
     * Stores keep each article's fingerprint ({@code record_hash}) to skip unchanged articles on
     * reload; these are the values the store recorded before the record reader was shared with the
     * reports (computed with that version), so existing stores do not see every article as changed.
     */
    @Test
    void fingerprintIsTheOneExistingStoresHold() throws Exception {
        ObjectNode example = (ObjectNode) ArticleSchemaDocTest.documentedExample();
        assertEquals("c297e882f138de5cc6b0cf364ae32b98965e7a933597f877122adb52409ef3ce",
                new StoredArticle(ArticleRecord.read(example)).fingerprint());

        ObjectNode sparse = example.deepCopy();
        sparse.remove(java.util.List.of("language_confidence", "origin", "status", "versions", "counts", "title"));
        ((ObjectNode) sparse.get("entities").get(0)).remove("sentence");
        ((ObjectNode) sparse.get("entities").get(1)).remove("via");
        ObjectNode hit = (ObjectNode) sparse.get("narratives").get(0);
        hit.remove("score");
        ObjectNode evidence = (ObjectNode) hit.get("evidence").get(0);
        evidence.remove("sentence");
        evidence.putArray("entities").add("Q159").add("Q399").add("Q159");
        StoredArticle stored = new StoredArticle(ArticleRecord.read(sparse));
        assertEquals("65b500b2f85a3224b4198670084da27e244f89155bccfbff1e08145267c0dbfc", stored.fingerprint());
        assertEquals("analyzed", stored.status());
    }
}
