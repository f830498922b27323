package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2019-12-31                          | 2019-12-31 | 2019-12-31
            2019-12-31T10:15:30Z                | 2019-12-31 | 2019-12-31T10:15:30Z
            2019-12-31T23:30:00-05:00           | 2019-12-31 | 2019-12-31T23:30:00-05:00
            2019-12-31T10:15:30.123+0100        | 2019-12-31 | 2019-12-31T10:15:30.123+01:00
            2019-12-31 10:15:30                 | 2019-12-31 | 2019-12-31T10:15:30
            2019-12-31T10:15                    | 2019-12-31 | 2019-12-31T10:15:00
            2019-12-31 10:15:30 UTC             | 2019-12-31 | 2019-12-31T10:15:30Z
            20191231                            | 2019-12-31 | 2019-12-31
            'Tue, 31 Dec 2019 10:15:30 GMT'     | 2019-12-31 | 2019-12-31T10:15:30Z
            'Tue, 31 Dec 2019 10:15:30 +0200'   | 2019-12-31 | 2019-12-31T10:15:30+02:00
            '31 Dec 2019 10:15 +0000'           | 2019-12-31 | 2019-12-31T10:15:00Z
            'December 31, 2019'                 | 2019-12-31 | 2019-12-31
            'Dec. 31, 2019 10:15 a.m. ET'       | 2019-12-31 | 2019-12-31
            'Tuesday, December 31st, 2019'      | 2019-12-31 | 2019-12-31
            'Sept 3, 2018'                      | 2018-09-03 | 2018-09-03
            '31 December 2019'                  | 2019-12-31 | 2019-12-31
            '3rd of March 2018'                 | 2018-03-03 | 2018-03-03
            31.12.2019                          | 2019-12-31 | 2019-12-31
            31-12-2019                          | 2019-12-31 | 2019-12-31
            12/31/2019                          | 2019-12-31 | 2019-12-31
            31/12/2019                          | 2019-12-31 | 2019-12-31
            2019/12/31                          | 2019-12-31 | 2019-12-31
            'Published: 31.12.2019, 14:00'      | 2019-12-31 | 2019-12-31
            'Updated on December 31, 2019'      | 2019-12-31 | 2019-12-31
            1577787330                          | 2019-12-31 | 2019-12-31T10:15:30Z
            1577787330000                       | 2019-12-31 | 2019-12-31T10:15:30Z
            1425366000.25                       | 2015-03-03 | 2015-03-03T07:00:00.25Z
            1577787330.1234567891               | 2019-12-31 | 2019-12-31T10:15:30.123456789Z
            """)
    void readsTheFormatsNewsSourcesUse(String raw, String day, String iso) {
        PublishedDate d = PublishedDate.parse(raw).orElseThrow(() -> new AssertionError("not read: " + raw));
        assertEquals(LocalDate.parse(day), d.day());
        assertEquals(iso, d.iso());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "yesterday", "4 hours ago", "2019-02-30", "December 2019", "13/13/2019", "0000-01-01",
        "20155-03-03", "1425366000.", "1425366000.25.5", "1425366000250.5"})
    void leavesWhatIsNoDateUndated(String raw) {
        assertTrue(PublishedDate.parse(raw).isEmpty(), raw);
        assertEquals(PublishedDate.UNDATED, PublishedDate.dayKey(PublishedDate.parse(raw).orElse(null)));
        assertEquals(PublishedDate.UNDATED, PublishedDate.weekKey(PublishedDate.parse(raw).orElse(null)));
    }

    @Test
    void weeksAreIsoWeeks() {
        assertEquals("2020-W01", PublishedDate.weekKey(PublishedDate.parse("2019-12-31").orElseThrow()));
        assertEquals("2020-W53", PublishedDate.weekKey(PublishedDate.parse("2021-01-03").orElseThrow()));
        assertEquals("2018-W02", PublishedDate.weekKey(PublishedDate.parse("January 8, 2018").orElseThrow()));
    }

    /** A no-break space (a scraped page's {@code &nbsp;}) is white space in a date as anywhere. */
    @Test
    void noBreakSpacesInADateAreWhiteSpace() {
        assertEquals(PublishedDate.parse("January 8, 2018").orElseThrow().day(),
                PublishedDate.parse("January\u00a08,\u202f2018\u00a0").orElseThrow().day());
    }

    /** Every date of the EUvsDisinfo database (../shared) reads back as itself. */
    @Test
    void readsEveryEuVsDisinfoCaseDate() throws IOException {
        Path cases = Path.of(System.getProperty("nw.shared", "../shared"), "data/euvsdisinfo/cases-2015-2019.csv");
        Assumptions.assumeTrue(Files.isRegularFile(cases), "no " + cases);
        int n = 0;
        try (Reader in = Files.newBufferedReader(cases);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : csv) {
                String date = r.get("date");
                assertEquals(LocalDate.parse(date), PublishedDate.parse(date).orElseThrow().day(), date);
                n++;
            }
        }
        assertEquals(7197, n);
    }
}
