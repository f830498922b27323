package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Dropped;
import org.narrativewatch.doc.Span;
import org.narrativewatch.patterns.InterruptibleText;
import org.narrativewatch.patterns.PatternProbe;
import org.narrativewatch.yaml.LocatedYaml;
import org.narrativewatch.yaml.StrictYaml;

/**
 * Finds the structure of a saved page: the title line, a section label above it, and the site
 * furniture after the article ("Recent Posts" teasers, relative dates). Those parts stay in the
 * text, are recorded as dropped, and are never analysed. The rules are data
 * ({@code models/boilerplate.yaml}).
 */
public final class PageLayout {
    public static final String SECTION_LABEL = "section-label";
    public static final String SITE_BOILERPLATE = "site-boilerplate";
    /**
     * A run of characters without white space longer than prose ever has: an encoded blob,
     * minified code, a wall of punctuation. CoreNLP's tokenizer takes time quadratic in the length
     * of such runs (20,000 quote marks take about a minute), so they are not analysed.
     */
    public static final String UNBROKEN_RUN = "unbroken-run";
    public static final int DEFAULT_MAX_UNBROKEN_CHARS = 200;
    /** The keys of the rules file, sorted for messages; another is an error (a misspelt key would drop a rule unseen). */
    private static final Set<String> KEYS = new TreeSet<>(List.of("version", "trailing_markers", "relative_date",
            "section_label_max_words", "title_max_words", "unbroken_run_max_chars"));

    private final Set<String> markers;
    private final List<String> prefixMarkers;
    private final Pattern relativeDate;
    private final int sectionLabelMaxWords;
    private final int titleMaxWords;
    private final int maxUnbrokenChars;

    private PageLayout(Set<String> markers, List<String> prefixMarkers, Pattern relativeDate,
                       int sectionLabelMaxWords, int titleMaxWords, int maxUnbrokenChars) {
        this.markers = markers;
        this.prefixMarkers = prefixMarkers;
        this.relativeDate = relativeDate;
        this.sectionLabelMaxWords = sectionLabelMaxWords;
        this.titleMaxWords = titleMaxWords;
        this.maxUnbrokenChars = maxUnbrokenChars;
    }

    /**
     * Reads the rules and checks them as strictly as the catalogs: a file that is not UTF-8, an empty
     * file, a key that is unknown or given twice, a value of the wrong kind or a relative_date that
     * backtracks catastrophically is an error. Throws with every problem, each as FILE:LINE: message
     * ({@code origin} is the FILE).
     */
    public static PageLayout load(InputStream yaml, String origin) throws IOException {
        LocatedYaml located;
        try {
            located = LocatedYaml.parse(StrictYaml.text(yaml.readAllBytes()));
        } catch (JsonProcessingException e) {
            StrictYaml.ParseError error = StrictYaml.ParseError.of(e);
            throw problems(List.of(origin + ":" + error.line() + ": not valid YAML: " + error.reason()));
        }
        JsonNode root = located.root();
        if (!root.isObject()) {
            throw problems(List.of(origin + ":1: " + (root.isMissingNode() ? "the file is empty; " : "")
                    + "page-layout rules are a mapping with " + String.join(", ", KEYS)));
        }
        List<String> problems = new ArrayList<>();
        BiConsumer<JsonNode, String> problem = (node, message) ->
                problems.add(origin + ":" + located.line(node, 1) + ": " + message);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                problem.accept(root.get(key), "unknown key '" + key + "' (allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isNumber() && version.asInt() == 1)) {
            problem.accept(version, "unsupported version " + version.asText() + " (this is version 1)");
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        JsonNode markers = root.get("trailing_markers");
        if (markers != null && !markers.isArray()) {
            problem.accept(markers, "trailing_markers is a list of lines");
        } else if (markers != null) {
            for (JsonNode m : markers) {
                if (!(m.isTextual() || m.isNumber())) {
                    // An unquoted true, false or null is not text to YAML.
                    problem.accept(markers, "trailing_markers: '" + m + "' is not a line of text (quote it)");
                    continue;
                }
                String marker = m.asText().strip().toLowerCase(Locale.ROOT);
                if (marker.endsWith(":")) {
                    prefixes.add(marker);
                }
                exact.add(marker);
            }
        }
        // Without relative_date no paragraph is a date: the empty pattern matches only an empty one, and there is none.
        Pattern relativeDate = Pattern.compile("");
        JsonNode date = root.get("relative_date");
        if (date != null && !date.isTextual()) {
            problem.accept(date, "relative_date is a regular expression, not '" + date.asText() + "'");
        } else if (date != null) {
            try {
                relativeDate = Pattern.compile(date.asText());
                // Page layout runs on the reader thread, outside any per-article budget: refuse a pattern
                // that could hang it instead of meeting it on a long paragraph.
                String catastrophic = PatternProbe.regex(relativeDate);
                if (catastrophic != null) {
                    problem.accept(date, "relative_date: " + catastrophic);
                }
            } catch (PatternSyntaxException e) {
                problem.accept(date, "relative_date: not a regular expression: " + e.getDescription());
            }
        }
        int sectionLabelMaxWords = count(root, "section_label_max_words", 3, problem);
        int titleMaxWords = count(root, "title_max_words", 40, problem);
        int maxUnbrokenChars = count(root, "unbroken_run_max_chars", DEFAULT_MAX_UNBROKEN_CHARS, problem);
        if (!problems.isEmpty()) {
            throw problems(problems);
        }
        return new PageLayout(exact, prefixes, relativeDate, sectionLabelMaxWords, titleMaxWords, maxUnbrokenChars);
    }

    /** A whole number of at least 0 under {@code key}, or {@code dflt} when the key is not given. */
    private static int count(JsonNode root, String key, int dflt, BiConsumer<JsonNode, String> problem) {
        JsonNode node = root.get(key);
        if (node == null) {
            return dflt;
        }
        if (!(node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt() && node.intValue() >= 0)) {
            problem.accept(node, key + " must be a whole number of at least 0, not '" + node.asText() + "'");
            return dflt;
        }
        return node.intValue();
    }

    private static IOException problems(List<String> problems) {
        return new IOException("page-layout rules have " + problems.size() + " problem(s):\n"
                + String.join("\n", problems));
    }

    /** Returns the article with its title (when the reader had none) and dropped parts set. */
    public Article apply(Article article) {
        String text = article.text();
        List<Span> paragraphs = paragraphs(text);
        List<Dropped> dropped = new ArrayList<>(article.dropped());
        String title = article.title();
        Span titleSpan = article.titleSpan();
        int bodyFrom = 0;
        if (titleSpan == null && !paragraphs.isEmpty()) {
            int titleIndex = 0;
            if (paragraphs.size() >= 3 && isSectionLabel(paragraphs.get(0).of(text))
                    && isHeadline(paragraphs.get(1).of(text))) {
                dropped.add(new Dropped(paragraphs.get(0), SECTION_LABEL));
                titleIndex = 1;
            }
            Span candidate = paragraphs.get(titleIndex);
            if (paragraphs.size() > titleIndex + 1 && isTitleLike(candidate.of(text))) {
                titleSpan = candidate;
                title = candidate.of(text); // as found: a title wrapped over lines keeps its line breaks
                bodyFrom = titleIndex + 1;
            }
        } else if (titleSpan != null) {
            // The reader's title opens the text; a blank line inside it makes it more than one paragraph.
            while (bodyFrom < paragraphs.size() && paragraphs.get(bodyFrom).start() < titleSpan.end()) {
                bodyFrom++;
            }
        }
        Span trailing = trailingFurniture(text, paragraphs, Math.min(bodyFrom + 1, paragraphs.size()));
        if (trailing != null) {
            dropped.add(new Dropped(trailing, SITE_BOILERPLATE));
        }
        for (Span run : unbrokenRuns(text)) {
            if (dropped.stream().noneMatch(d -> d.span().start() <= run.start() && run.end() <= d.span().end())) {
                dropped.add(new Dropped(run, UNBROKEN_RUN));
            }
        }
        dropped.sort(java.util.Comparator.comparingInt((Dropped d) -> d.span().start()));
        return article.withDropped(dropped, title, titleSpan);
    }

    /**
     * The span from the first furniture paragraph to the end of the text, or null. At least one
     * body paragraph is always kept.
     */
    private Span trailingFurniture(String text, List<Span> paragraphs, int firstCandidate) {
        for (int i = Math.max(firstCandidate, 1); i < paragraphs.size(); i++) {
            String p = paragraphs.get(i).of(text).strip();
            if (isMarker(p)) {
                return new Span(paragraphs.get(i).start(), text.length());
            }
            if (InterruptibleText.matcher(relativeDate, p).matches()) {
                // A teaser list without a heading: drop from the teaser that this date closes.
                int from = Math.max(firstCandidate, i - 2);
                return new Span(paragraphs.get(from).start(), text.length());
            }
        }
        return null;
    }

    private boolean isMarker(String paragraph) {
        if (paragraph.contains("\n")) {
            return false;
        }
        String p = paragraph.toLowerCase(Locale.ROOT);
        if (markers.contains(p)) {
            return true;
        }
        for (String prefix : prefixMarkers) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSectionLabel(String paragraph) {
        return !paragraph.contains("\n") && words(paragraph) <= sectionLabelMaxWords
                && !paragraph.matches(".*[.!?:;,]$");
    }

    /** One line that does not end like a sentence: what follows a section label. */
    private boolean isHeadline(String paragraph) {
        return !paragraph.contains("\n") && words(paragraph) <= titleMaxWords
                && !paragraph.matches(".*[.!?][\"'”’)]?$");
    }

    /** A short paragraph of at most three lines: headlines wrap, bodies run longer. */
    private boolean isTitleLike(String paragraph) {
        return paragraph.lines().count() <= 3 && words(paragraph) <= titleMaxWords;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Runs of non-white-space characters longer than the limit. */
    private List<Span> unbrokenRuns(String text) {
        List<Span> runs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            // isSpaceChar: no-break spaces separate words too (pages saved from HTML are full of them).
            if (i == text.length() || Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
                if (i - start > maxUnbrokenChars) {
                    runs.add(new Span(start, i));
                }
                start = i + 1;
            }
        }
        return runs;
    }

    /** Paragraph spans: runs of text separated by blank lines, trimmed of surrounding white space. */
    static List<Span> paragraphs(String text) {
        List<Span> result = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            int end = i;
            while (i < n) {
                int lineEnd = text.indexOf('\n', i);
                if (lineEnd < 0) {
                    lineEnd = n;
                }
                if (text.substring(i, lineEnd).isBlank()) {
                    break;
                }
                end = lineEnd;
                i = Math.min(n, lineEnd + 1);
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            result.add(new Span(start, end));
        }
        return result;
    }
}
