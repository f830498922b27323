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
     * The documented example gained its second mention of Russia in 0.3.0; the values were computed
     * anew for it with the fingerprint code unchanged since then.
     */
    @Test
    void fingerprintIsTheOneExistingStoresHold() throws Exception {
        ObjectNode example = (ObjectNode) ArticleSchemaDocTest.documentedExample();
        assertEquals("81a6a7539d5473530216bfc5a2f6ab668d4be3a3ffc750ef763f6125a727b52b",
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
        assertEquals("f7b7d76355ed936ab270347f0400caf3616befaff37072f6c92519bd1890d07e", stored.fingerprint());
        assertEquals("analyzed", stored.status());
    }
}
