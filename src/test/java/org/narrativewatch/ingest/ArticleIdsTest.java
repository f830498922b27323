package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;

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
    void aNameInAnotherUnicodeNormalFormGetsTheSameId() {
        String linux = "news/T\u00fcrkiye-report"; // "ü" as one character, as Linux keeps a name typed there
        String mac = "news/Tu\u0308rkiye-report"; // "u" and a combining diaeresis, as macOS writes it
        assertEquals(ArticleIds.safe(linux), ArticleIds.safe(mac));
        assertTrue(ArticleIds.safe(linux).startsWith("news_T_rkiye-report-"), ArticleIds.safe(linux));
        assertNotEquals(ArticleIds.safe(linux), ArticleIds.safe("news/Turkiye-report"));
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

    private static Article story(String text, String file, long line, String relativePath) {
        return new Article("story", text, null, null, null, null, null, null, new Origin(file, line, relativePath),
                List.of());
    }

    @Test
    void aClashIdDependsOnlyOnWhereTheArticleIsBelowTheFolderNamed() {
        String text = "Two prominent US bloggers have been banned from entering the UK, the Home Office has said.";
        String id = ArticleIds.clashId(story(text, "in/story.txt", 0, "story.txt"));
        assertEquals("story-" + ArticleIds.shortHash("story.txt"), id);
        // Edited, and its folder named by its absolute path: the same id.
        assertEquals(id, ArticleIds.clashId(story(text.replace("has said", "said on Monday"),
                "/work/audit7/c/r1/in/story.txt", 0, "story.txt")));
        // Another file, another line of a feed: other ids.
        assertNotEquals(id, ArticleIds.clashId(story(text, "in/story.html", 0, "story.html")));
        assertNotEquals(ArticleIds.clashId(story(text, "in/feed.jsonl", 3, "feed.jsonl")),
                ArticleIds.clashId(story(text, "in/feed.jsonl", 7, "feed.jsonl")));
    }

    @Test
    void onlyTheSecondArticleWithTheSameClashIdIsNumbered() {
        assertEquals("story-0123456789", ArticleIds.numbered("story-0123456789", 1));
        assertEquals("story-0123456789-2", ArticleIds.numbered("story-0123456789", 2));
    }
}
