package org.narrativewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.narrativewatch.output.ArticleRecord;

class PublishedDatesTest {
    @Test
    void readsTheDayAsThePublisherWroteIt() {
        LocalDate eve = LocalDate.of(2019, 12, 31);
        assertEquals(eve, PublishedDates.day("2019-12-31"));
        assertEquals(eve, PublishedDates.day("2019-12-31T23:30:00+03:00"));
        assertEquals(eve, PublishedDates.day("2019-12-31 23:30"));
        assertEquals(eve, PublishedDates.day("Tue, 31 Dec 2019 23:30:00 GMT"));
        assertEquals(eve, PublishedDates.day("31 December 2019"));
        assertEquals(eve, PublishedDates.day("Dec 31, 2019"));
        assertEquals(eve, PublishedDates.day(" December 31, 2019 "));
    }

    @Test
    void leavesWhatIsNotADateUndated() {
        assertNull(PublishedDates.day(null));
        assertNull(PublishedDates.day("2 days ago"));
        assertNull(PublishedDates.day("2019-02-30"));
        assertNull(PublishedDates.day("20191231"));
    }

    @Test
    void weeksStartOnMonday() throws Exception {
        ArticleRecord sunday = ArticleRecord.read("{\"published\": \"2019-12-29\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(LocalDate.of(2019, 12, 23), new StoredArticle(sunday).publishedWeek());
    }
}
