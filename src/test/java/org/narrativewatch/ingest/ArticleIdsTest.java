package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    @Test
    void safeIdsAreKeptAsTheyAre() {
        assertEquals("article111111112", ArticleIds.safe("article111111112"));
        assertEquals("feed-L12", ArticleIds.safe("feed-L12"));
    }

    @Test
    void unsafeCharactersAreReplacedAndAHashKeepsIdsApart() {
        String a = ArticleIds.safe("news/2023 09/a?b");
        String b = ArticleIds.safe("news/2023_09/a?b");
        assertTrue(a.matches("[A-Za-z0-9._-]+"), a);
        assertNotEquals(a, b);
        assertTrue(a.startsWith("news_2023_09_a_b-"), a);
    }

    @Test
    void pathTraversalAndHiddenNamesCannotSurvive() {
        String id = ArticleIds.safe("../../etc/passwd");
        assertTrue(id.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), id);
        assertTrue(!id.contains("/") && !id.startsWith("."), id);
        assertTrue(ArticleIds.safe("..").matches("article-[0-9a-f]{10}"));
    }

    @Test
    void veryLongIdsAreShortened() {
        String id = ArticleIds.safe("x".repeat(500));
        assertTrue(id.length() <= 131, String.valueOf(id.length()));
    }
}
