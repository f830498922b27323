package org.narrativewatch.store;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar day of an article's {@code published} field, which is kept as the input gave it.
 * The day is the one written in the value (the publisher's own date), not converted to UTC, so an
 * article dated "2019-12-31T23:30:00+03:00" counts for 31 December, as its readers saw it.
 */
final class PublishedDates {
    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:$|[T ])");
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH));

    private PublishedDates() {
    }

    /** The day, or null when {@code published} is missing or in no format read here. */
    static LocalDate day(String published) {
        if (published == null) {
            return null;
        }
        String value = published.strip();
        Matcher iso = ISO_DAY.matcher(value);
        try {
            if (iso.find()) {
                return LocalDate.parse(iso.group(1));
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        for (DateTimeFormatter f : WRITTEN) {
            try {
                return LocalDate.from(f.parse(value));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
