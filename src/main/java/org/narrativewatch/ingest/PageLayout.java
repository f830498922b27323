package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.narrativewatch.nlp.PerceptronTagger;
import org.narrativewatch.patterns.InterruptibleText;
import org.narrativewatch.patterns.PatternProbe;
import org.narrativewatch.yaml.LocatedYaml;
import org.narrativewatch.yaml.StrictYaml;

/**
 * Finds the structure of a saved page: the title line, the site furniture above it (a section
 * label, "Skip to content", a cookie banner, a menu line), the furniture inside the story (a
 * "Read more" box, a relative date such as "3 hours ago") and after the article ("Recent Posts"
 * teasers). Those parts stay in the text, are recorded as dropped, and are never analysed. The
 * rules are data ({@code models/boilerplate.yaml}).
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
    /**
     * Fewest items of a menu line ("Home | World | Russia | NATO"): a headline with its section and
     * site ("Armenia signs deal | World | News.am") has three parts.
     */
    private static final int MENU_MIN_ITEMS = 4;
    /** What separates a menu's items on one line: a bar or a centred dot, or a line break. */
    private static final Pattern MENU_SEPARATOR = Pattern.compile("\\s*[|\u2022\u00B7]\\s*|\\s*\\n\\s*");
    /** Tags of a finite verb: what makes a line a clause. */
    private static final Set<String> FINITE_VERB = Set.of("VBD", "VBZ", "VBP", "MD");
    /** A possessive ending, a token of its own to the tagger ("Putin's" is Putin + 's). */
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})(?=['\u2019]s$)");
    /** A sentence's final punctuation at the end, not an ellipsis, then any closing quotes or brackets. */
    private static final Pattern ENDS_LIKE_A_SENTENCE = Pattern.compile("(?<![.\u2026])[.!?][\"'\u201D\u2019)\\]]*$");
    /** The keys of the rules file, sorted for messages; another is an error (a misspelt key would drop a rule unseen). */
    private static final Set<String> KEYS = new TreeSet<>(List.of("version", "trailing_markers", "box_markers",
            "relative_date", "leading_furniture", "section_label_max_words", "title_max_words", "teaser_max_words",
            "unbroken_run_max_chars"));

    /** Lines compared after trimming, ignoring case; one that ends in ':' also matches the lines it starts. */
    private record Markers(Set<String> lines, List<String> prefixes) {
        boolean match(String paragraph) {
            if (paragraph.contains("\n")) {
                return false;
            }
            String p = paragraph.toLowerCase(Locale.ROOT);
            return lines.contains(p) || prefixes.stream().anyMatch(p::startsWith);
        }
    }

    private final Markers trailingMarkers;
    private final Markers boxMarkers;
    private final Pattern relativeDate;
    private final Pattern leadingFurniture;
    private final int sectionLabelMaxWords;
    private final int titleMaxWords;
    private final int teaserMaxWords;
    private final int maxUnbrokenChars;
    private final PerceptronTagger tagger;

    private PageLayout(Markers trailingMarkers, Markers boxMarkers, Pattern relativeDate, Pattern leadingFurniture,
                       int sectionLabelMaxWords, int titleMaxWords, int teaserMaxWords, int maxUnbrokenChars,
                       PerceptronTagger tagger) {
        this.trailingMarkers = trailingMarkers;
        this.boxMarkers = boxMarkers;
        this.relativeDate = relativeDate;
        this.leadingFurniture = leadingFurniture;
        this.sectionLabelMaxWords = sectionLabelMaxWords;
        this.titleMaxWords = titleMaxWords;
        this.teaserMaxWords = teaserMaxWords;
        this.maxUnbrokenChars = maxUnbrokenChars;
        this.tagger = tagger;
    }

    /**
     * Reads the rules and checks them as strictly as the catalogs: a file that is not UTF-8, an empty
     * file, a key that is unknown or given twice, a value of the wrong kind or a pattern
     * (relative_date, leading_furniture) that backtracks catastrophically is an error. Throws with every problem, each as FILE:LINE: message
     * ({@code origin} is the FILE). The {@code tagger} tells a short headline, a clause, from a section
     * label.
     */
    public static PageLayout load(InputStream yaml, String origin, PerceptronTagger tagger) throws IOException {
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
        Markers trailingMarkers = markers(root, "trailing_markers", problem);
        Markers boxMarkers = markers(root, "box_markers", problem);
        Pattern relativeDate = pattern(root, "relative_date", problem);
        Pattern leadingFurniture = pattern(root, "leading_furniture", problem);
        int sectionLabelMaxWords = count(root, "section_label_max_words", 3, problem);
        int titleMaxWords = count(root, "title_max_words", 40, problem);
        int teaserMaxWords = count(root, "teaser_max_words", 40, problem);
        int maxUnbrokenChars = count(root, "unbroken_run_max_chars", DEFAULT_MAX_UNBROKEN_CHARS, problem);
        if (!problems.isEmpty()) {
            throw problems(problems);
        }
        return new PageLayout(trailingMarkers, boxMarkers, relativeDate, leadingFurniture, sectionLabelMaxWords,
                titleMaxWords, teaserMaxWords, maxUnbrokenChars, tagger);
    }

    /** The list of lines under {@code key}, none when the key is not given. */
    private static Markers markers(JsonNode root, String key, BiConsumer<JsonNode, String> problem) {
        Set<String> lines = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        JsonNode list = root.get(key);
        if (list != null && !list.isArray()) {
            problem.accept(list, key + " is a list of lines");
        } else if (list != null) {
            for (JsonNode m : list) {
                if (!(m.isTextual() || m.isNumber())) {
                    // An unquoted true, false or null is not text to YAML.
                    problem.accept(list, key + ": '" + m + "' is not a line of text (quote it)");
                    continue;
                }
                String marker = m.asText().strip().toLowerCase(Locale.ROOT);
                if (marker.endsWith(":")) {
                    prefixes.add(marker);
                }
                lines.add(marker);
            }
        }
        return new Markers(lines, prefixes);
    }

    /**
     * The regular expression under {@code key}; without it the empty pattern, which matches only an
     * empty paragraph, and there is none.
     */
    private static Pattern pattern(JsonNode root, String key, BiConsumer<JsonNode, String> problem) {
        JsonNode node = root.get(key);
        if (node != null && !node.isTextual()) {
            problem.accept(node, key + " is a regular expression, not '" + node.asText() + "'");
        } else if (node != null) {
            try {
                Pattern pattern = Pattern.compile(node.asText());
                // Page layout runs on the reader thread, outside any per-article budget: refuse a pattern
                // that could hang it instead of meeting it on a long paragraph.
                String catastrophic = PatternProbe.regex(pattern);
                if (catastrophic != null) {
                    problem.accept(node, key + ": " + catastrophic);
                }
                return pattern;
            } catch (PatternSyntaxException e) {
                problem.accept(node, key + ": not a regular expression: " + e.getDescription());
            }
        }
        return Pattern.compile("");
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
        List<String> lines = paragraphs.stream().map(p -> p.of(text).strip()).toList();
        List<Dropped> dropped = new ArrayList<>(article.dropped());
        String title = article.title();
        Span titleSpan = article.titleSpan();
        int bodyFrom = 0;
        if (titleSpan == null && !paragraphs.isEmpty()) {
            int titleIndex = 0;
            // Keep a title and a body paragraph: a page that is all furniture is still read.
            while (titleIndex + 2 < paragraphs.size() && isLeadingFurniture(lines.get(titleIndex))) {
                titleIndex++;
            }
            if (titleIndex > 0) {
                dropped.add(new Dropped(new Span(paragraphs.get(0).start(), paragraphs.get(titleIndex - 1).end()),
                        SITE_BOILERPLATE));
            }
            if (paragraphs.size() >= titleIndex + 3 && isSectionLabel(lines.get(titleIndex))
                    && isHeadline(lines.get(titleIndex + 1)) && !isRelativeDate(lines.get(titleIndex + 1))) {
                dropped.add(new Dropped(paragraphs.get(titleIndex), SECTION_LABEL));
                titleIndex++;
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
        for (Span furniture : bodyFurniture(text, paragraphs, lines, bodyFrom)) {
            dropped.add(new Dropped(furniture, SITE_BOILERPLATE));
        }
        for (Span run : unbrokenRuns(text)) {
            if (dropped.stream().noneMatch(d -> d.span().start() <= run.start() && run.end() <= d.span().end())) {
                dropped.add(new Dropped(run, UNBROKEN_RUN));
            }
        }
        dropped.sort(java.util.Comparator.comparingInt((Dropped d) -> d.span().start()));
        return article.withDropped(dropped, title, titleSpan);
    }

    /** A paragraph above the title that only the site put there: a cookie banner, "Skip to content", a menu line. */
    private boolean isLeadingFurniture(String paragraph) {
        return InterruptibleText.matcher(leadingFurniture, paragraph).matches() || isMenu(paragraph);
    }

    /** Four or more short items ("Home | World | Russia | NATO"), on one line or one a line. */
    private boolean isMenu(String paragraph) {
        String[] items = MENU_SEPARATOR.split(paragraph);
        return items.length >= MENU_MIN_ITEMS
                && Arrays.stream(items).allMatch(item -> words(item) >= 1 && words(item) <= sectionLabelMaxWords);
    }

    /**
     * The site furniture among the body paragraphs (from {@code bodyFrom}), in text order: every
     * relative-date line ("3 hours ago" under the byline, a live blog's post times); a box of links
     * inside the story (its marker and headline lines); and the trailing furniture, from its first
     * paragraph to the end of the text. The trailing furniture starts at a marker of trailing_markers,
     * at a box marker that no story text follows, or at the teaser that a relative date closes when
     * nothing but teasers follows it. The first body paragraph is always kept.
     */
    private List<Span> bodyFurniture(String text, List<Span> paragraphs, List<String> lines, int bodyFrom) {
        List<Span> furniture = new ArrayList<>();
        int firstCandidate = Math.max(1, bodyFrom + 1);
        int keptUpTo = firstCandidate; // no trailing furniture starts before this paragraph
        int lastStory = lastStoryParagraph(lines);
        for (int i = bodyFrom; i < paragraphs.size(); i++) {
            String p = lines.get(i);
            boolean candidate = i >= firstCandidate;
            if (candidate && trailingMarkers.match(p)) {
                furniture.add(new Span(paragraphs.get(i).start(), text.length()));
                return furniture;
            }
            if (candidate && boxMarkers.match(p)) {
                int last = i; // the box's last paragraph: its marker, then its headline lines
                while (last + 1 < paragraphs.size() && isTeaserHeadline(lines.get(last + 1))) {
                    last++;
                }
                if (last < lastStory) {
                    furniture.add(new Span(paragraphs.get(i).start(), paragraphs.get(last).end()));
                    i = last;
                    keptUpTo = last + 1;
                    continue;
                }
                furniture.add(new Span(paragraphs.get(i).start(), text.length()));
                return furniture;
            }
            if (isRelativeDate(p)) {
                if (candidate && i >= lastStory) {
                    // A teaser list without a heading: drop from the teaser that this date closes.
                    // (A teaser cut short with "…" reads as a headline line itself, so look for the pair first.)
                    int from = i;
                    if (i - 2 >= keptUpTo && isTeaserHeadline(lines.get(i - 2)) && isTeaser(lines.get(i - 1))) {
                        from = i - 2;
                    } else if (i - 1 >= keptUpTo && isTeaserHeadline(lines.get(i - 1))) {
                        from = i - 1;
                    }
                    furniture.add(new Span(paragraphs.get(from).start(), text.length()));
                    return furniture;
                }
                furniture.add(paragraphs.get(i));
                keptUpTo = i + 1;
            }
        }
        return furniture;
    }

    /**
     * The last paragraph that teaser lists are not made of, or 0: they hold relative dates, markers,
     * headline lines and, right under a headline line or a marker, at most one short teaser. Story
     * text is two paragraphs of prose in a row, a long one, or a live blog's post. Only teasers follow
     * paragraph i when this is at most i.
     */
    private int lastStoryParagraph(List<String> lines) {
        // A teaser list's dates close its teasers, so it ends with one; a live blog's dates open its posts.
        boolean datesOpenPosts = !lines.isEmpty() && !isRelativeDate(lines.get(lines.size() - 1));
        for (int j = lines.size() - 1; j >= 1; j--) {
            String p = lines.get(j);
            String above = lines.get(j - 1);
            boolean headed = isTeaserHeadline(above) || trailingMarkers.match(above) || boxMarkers.match(above);
            boolean post = datesOpenPosts && j >= 2 && isRelativeDate(lines.get(j - 2)) && isTeaserHeadline(above)
                    && endsLikeASentence(p);
            if (!(isRelativeDate(p) || trailingMarkers.match(p) || boxMarkers.match(p) || isTeaserHeadline(p)
                    || (headed && isTeaser(p) && !post))) {
                return j;
            }
        }
        return 0;
    }

    /**
     * Whether a paragraph ends like a whole sentence, as a post does: a teaser is cut short ("…",
     * "...").
     */
    private static boolean endsLikeASentence(String paragraph) {
        return ENDS_LIKE_A_SENTENCE.matcher(paragraph).find();
    }

    private boolean isRelativeDate(String paragraph) {
        return InterruptibleText.matcher(relativeDate, paragraph).matches();
    }

    /**
     * A related story's headline line: one line that does not end like a sentence, nor with the colon
     * of a story line that introduces a quotation ("Fox News reports:"), and no date or marker.
     */
    private boolean isTeaserHeadline(String paragraph) {
        return isHeadline(paragraph) && !paragraph.endsWith(":") && !isRelativeDate(paragraph)
                && !trailingMarkers.match(paragraph) && !boxMarkers.match(paragraph);
    }

    /** A related story's teaser: a short paragraph. */
    private boolean isTeaser(String paragraph) {
        return words(paragraph) <= teaserMaxWords;
    }

    /**
     * A site's rubric ("Europe", "World News", "Politics"): one short line that does not end like a
     * sentence and is not a clause. A short headline ("Russia Betrayed Armenia") has a verb.
     */
    private boolean isSectionLabel(String paragraph) {
        return !paragraph.contains("\n") && words(paragraph) <= sectionLabelMaxWords
                && !paragraph.matches(".*[.!?:;,]$") && !isClause(paragraph);
    }

    /**
     * Whether a line has a finite verb after its first word, as the tagger reads it in sentence case:
     * in headline case it takes every word for a name ("Russia Betrayed Armenia" is NNP NNP NNP).
     * Acronyms keep their capitals. A verb that opens the line is an imperative rubric ("Must Read").
     */
    private boolean isClause(String line) {
        List<String> words = new ArrayList<>();
        for (String word : line.strip().split("\\s+")) {
            words.addAll(Arrays.asList(POSSESSIVE.split(word)));
        }
        String[] tags = tagger.tagInSentenceCase(words.toArray(String[]::new));
        return Arrays.stream(tags).skip(1).anyMatch(FINITE_VERB::contains);
    }

    /** One line that does not end like a sentence: what follows a section label. */
    private boolean isHeadline(String paragraph) {
        return !paragraph.contains("\n") && words(paragraph) <= titleMaxWords
                && !paragraph.matches(".*[.!?][\"'”’)\\]]?$");
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
