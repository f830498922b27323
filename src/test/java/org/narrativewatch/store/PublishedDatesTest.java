package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.narrativewatch.output.ArticleRecord;

/** The store files an article under the same day and week as the reports (output/PublishedDate). */
class PublishedDatesTest {
    private static StoredArticle published(String value) throws Exception {
        String json = value == null ? "{}" : "{\"published\": \"" + value + "\"}";
        return new StoredArticle(ArticleRecord.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheDayAsThePublisherWroteIt() throws Exception {
        LocalDate eve = LocalDate.of(2019, 12, 31);
        for (String value : new String[] {"2019-12-31", "2019-12-31T23:30:00+03:00", "2019-12-31T23:30:00-05:00",
                "2019-12-31 23:30", "Tue, 31 Dec 2019 23:30:00 GMT", "31 December 2019", "Dec 31, 2019",
                " December 31, 2019 ", "Published on 31.12.2019", "20191231"}) {
            assertEquals(eve, published(value).publishedDay(), value);
        }
    }

    @Test
    void leavesWhatIsNotADateUndated() throws Exception {
        assertNull(published(null).publishedDay());
        assertNull(published("2 days ago").publishedDay());
        assertNull(published("2019-02-30").publishedDay());
    }

    @Test
    void weeksStartOnMonday() throws Exception {
        assertEquals(LocalDate.of(2019, 12, 23), published("2019-12-29").publishedWeek());
    }
}
