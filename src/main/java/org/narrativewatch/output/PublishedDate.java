package org.narrativewatch.output;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date of an article, read from the free-form {@code published} field.
 *
 * <p>{@code day} is the calendar date as the publisher wrote it (a time with an offset is not
 * moved to UTC, so "2019-12-31T23:30:00-05:00" counts on the 31st); {@code iso} is the value
 * rewritten as ISO 8601 (a date, a local date-time or a date-time with offset), which every
 * dashboard parses. Documented in docs/reports.md.
 */
public record PublishedDate(LocalDate day, String iso) {
    /** The bucket of articles whose date is missing or unreadable. */
    public static final String UNDATED = "undated";

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:first\\s+|last\\s+)?(?:published|updated|posted|modified|date)\\b\\s*(?:on|at)?\\s*:?\\s*)+",
            Pattern.CASE_INSENSITIVE);
    /** Unix time in seconds, with a fraction as Python's time.time() and JavaScript's Date.now() / 1000 give it. */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,10}(?:\\.\\d+)?");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,13}");
    private static final Pattern BASIC_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** ISO 8601 and its everyday variants: space for 'T', optional seconds and fraction, any offset style. */
    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** RFC 1123 / RFC 822 as in RSS feeds and HTTP headers, with zone names or offsets. */
    private static final List<DateTimeFormatter> RFC_LIKE = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT),
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("[EEE, ][EEEE, ]d MMM uuuu HH:mm[:ss] ")
                    .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                    .optionalStart().appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
                    .toFormatter(Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT));

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** 31.12.2019 and 31-12-2019: day first, as in Europe. */
    private static final Pattern DAY_FIRST_NUMERIC = Pattern.compile("\\b(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4})\\b");
    /** 12/31/2019: month first, as in US news, unless the first number cannot be a month. */
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");

    /** The day bucket of an article: its date, or {@link #UNDATED}. */
    public static String dayKey(PublishedDate date) {
        return date == null ? UNDATED : date.day().toString();
    }

    /** The ISO week bucket of an article (e.g. 2019-W01), or {@link #UNDATED}. */
    public static String weekKey(PublishedDate date) {
        if (date == null) {
            return UNDATED;
        }
        int week = date.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return date.day().get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }

    /** Reads a {@code published} value; empty when it is missing or no known format fits. */
    public static Optional<PublishedDate> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = LABEL.matcher(WhiteSpace.collapse(raw)).replaceFirst("");
        return Optional.ofNullable(epoch(s))
                .or(() -> Optional.ofNullable(fullTimestamp(s)))
                .or(() -> Optional.ofNullable(dateOnly(s)))
                .filter(d -> d.day().getYear() >= MIN_YEAR && d.day().getYear() <= MAX_YEAR);
    }

    private static PublishedDate epoch(String s) {
        Instant instant;
        if (EPOCH_SECONDS.matcher(s).matches()) {
            BigDecimal seconds = new BigDecimal(s);
            instant = Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()); // nanoseconds, any further digits cut
        } else if (EPOCH_MILLIS.matcher(s).matches()) {
            instant = Instant.ofEpochMilli(Long.parseLong(s));
        } else {
            return null;
        }
        OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
        return new PublishedDate(t.toLocalDate(), t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    private static PublishedDate fullTimestamp(String s) {
        PublishedDate found = parseWith(ISO_LIKE, s);
        for (int i = 0; found == null && i < RFC_LIKE.size(); i++) {
            found = parseWith(RFC_LIKE.get(i), s);
        }
        return found;
    }

    private static PublishedDate parseWith(DateTimeFormatter format, String s) {
        try {
            TemporalAccessor t = format.parseBest(s, OffsetDateTime::from, ZonedDateTime::from,
                    LocalDateTime::from, LocalDate::from);
            if (t instanceof OffsetDateTime o) {
                return new PublishedDate(o.toLocalDate(), o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            if (t instanceof ZonedDateTime z) {
                OffsetDateTime o = z.toOffsetDateTime();
                return new PublishedDate(o.toLocalDate(), o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            if (t instanceof LocalDateTime l) {
                return new PublishedDate(l.toLocalDate(), l.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            }
            LocalDate d = (LocalDate) t;
            return new PublishedDate(d, d.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static PublishedDate dateOnly(String s) {
        Matcher m = BASIC_DATE.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = YEAR_MONTH_DAY.matcher(s);
        if (m.find()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.find()) {
            return date(m.group(3), monthNumber(m.group(1)), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.find()) {
            return date(m.group(3), monthNumber(m.group(2)), m.group(1));
        }
        m = DAY_FIRST_NUMERIC.matcher(s);
        if (m.find()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        m = SLASHED.matcher(s);
        if (m.find()) {
            boolean dayFirst = Integer.parseInt(m.group(1)) > 12;
            return dayFirst ? date(m.group(3), m.group(2), m.group(1)) : date(m.group(3), m.group(1), m.group(2));
        }
        return null;
    }

    private static String monthNumber(String name) {
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < months.length; i++) {
            if (months[i].equals(prefix)) {
                return Integer.toString(i + 1);
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static PublishedDate date(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return new PublishedDate(d, d.toString());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
