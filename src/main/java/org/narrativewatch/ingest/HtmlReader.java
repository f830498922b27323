package org.narrativewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.output.PublishedDate;

/**
 * Reads an HTML page: the main text (the story, see {@link #story}, without scripts, styles,
 * navigation, reader comments and other page furniture, {@link #removeFurniture}, and without its
 * link lines, {@link #removeLinkLines}), the title (OpenGraph, then the story's {@code h1}, then
 * {@code <title>}; the headline when it is the title with the site's name, {@link #headline}), URL
 * and site name from the usual meta tags, and the publication date the page declares, else the
 * story's own ({@link #published}).
 */
public final class HtmlReader implements ArticleReader {
    private static final String FURNITURE =
            "script, style, noscript, template, iframe, svg, nav, header, footer, aside, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], "
                    // menus outside <nav>: an AMP page's sidebar, menu roles, and nav-like blocks named as menus or link columns
                    + "amp-sidebar, [role=menu], [role=menubar], .menu, .navbar, .sidebar, .most-read, "
                    // form controls and search boxes; a <form> itself goes only when it is a box, not the page (isBox)
                    + "input, button, select, textarea, label, [role=search], "
                    // reader comments: WordPress's comment area and list, Disqus, Facebook's plugin (also as an AMP
                    // element), the common comments section and comment blocks, lists of comments, and
                    // schema.org's comment microdata: readers' text, not the outlet's
                    + "#comments, .comments, .comment, .comments-area, .comment-list, .commentlist, "
                    + "ol[class*=comment], ul[class*=comment], [itemprop=comment], #disqus_thread, .fb-comments, "
                    + "amp-facebook-comments";
    private static final Evaluator FURNITURE_ELEMENT = QueryParser.parse(FURNITURE);
    /** Where a {@code <header>} is the story's own (its headline, standfirst, byline and date), not the site's. */
    private static final Evaluator STORY_SECTION = QueryParser.parse("article, main, [role=main]");
    /** Elements that may give the page's date in its body. */
    private static final Evaluator DATE_ELEMENT = QueryParser.parse("[itemprop=datePublished], time");
    private static final Evaluator MICRODATA_DATE = QueryParser.parse("[itemprop=datePublished]");
    private static final Evaluator PUBDATE = QueryParser.parse("time[pubdate]");
    /** JSON-LD types whose {@code datePublished} is the article's: Article, NewsArticle, ReportageNewsArticle, ... */
    private static final Pattern ARTICLE_TYPE = Pattern.compile("[A-Za-z]*Article|(?:Live)?BlogPosting");
    private static final ObjectMapper JSON_LD = new ObjectMapper();
    /** Elements whose start and end break the text into paragraphs. */
    private static final Evaluator BLOCK = QueryParser.parse("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, "
            + "td, th, tr, table, figcaption, figure, div, section, article, main, ul, ol, dl, dt, dd, address, "
            + "caption, details, summary, hr");
    /**
     * Stand-ins for block boundaries and {@code <br>} while the text is taken: noncharacters, which
     * text interchanged on the web does not use (a page's own would read as a break), and which
     * {@link Element#text()} keeps where it collapses white space.
     */
    private static final String PARAGRAPH_MARK = "\uFFFE";
    private static final String LINE_MARK = "\uFFFF";
    private static final Pattern PARAGRAPH_BREAKS = Pattern.compile("\\s*(?:" + LINE_MARK + "\\s*){2,}");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*" + LINE_MARK + "\\s*");
    /** Under this many words of text outside links, a card's text is a teaser and not a story. */
    private static final long TEASER_WORDS = 40;
    /** A separator between a page title's headline and the site's name: a bar, a dash, a middle dot, guillemets, two colons. */
    private static final String TITLE_SEPARATOR = "\\s+(?:[|\\-\u2013\u2014\u00B7\u2022\u00BB]|::)\\s+";
    private static final Pattern SITE_NAME_AFTER = Pattern.compile("(.+)" + TITLE_SEPARATOR + "(.+?)");
    private static final Pattern SITE_NAME_BEFORE = Pattern.compile("(.+?)" + TITLE_SEPARATOR + "(.+)");
    /** Blocks that may be a link line ({@link #removeLinkLines}); headings stay, since a card's headline is its link. */
    private static final Evaluator LINK_LINE = QueryParser.parse("p, li, ul, ol, dl, dt, dd, div, section");
    /** A link line's label ("READ MORE:", "Most Read") is under this many words. */
    private static final long LABEL_WORDS = 5;
    /**
     * A sentence's end: its mark, closing quotes or brackets, then white space or the end of the
     * text; a Chinese or Japanese full stop, question or exclamation mark needs no space after it.
     */
    private static final Pattern SENTENCE_END =
            Pattern.compile("[.!?\u2026]+[\"'\u201D\u2019)\\]]*(?=\\s|$)|[\u3002\uFF01\uFF1F]+");

    private final TextDecoder decoder;

    public HtmlReader(TextDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        String html;
        try (InputStream in = input.open()) {
            html = decoder.decodeHtml(in);
        }
        Document page = Jsoup.parse(html);
        Element canonical = page.selectFirst("link[rel=canonical]");
        Element ogUrl = page.selectFirst("meta[property=og:url]");
        // resolved against <base href> as a browser does; a relative one the page gives no base for stays as written
        String url = firstNonBlank(
                canonical == null ? null : canonical.absUrl("href"),
                ogUrl == null ? null : ogUrl.absUrl("content"),
                canonical == null ? null : canonical.attr("href"),
                ogUrl == null ? null : ogUrl.attr("content"));
        String source = meta(page, "meta[property=og:site_name]");
        String language = page.selectFirst("html[lang]") == null ? null : page.selectFirst("html[lang]").attr("lang");

        List<String> pageDates = pageDates(page);
        removeFurniture(page);
        List<Element> story = story(page);
        story.forEach(HtmlReader::removeLinkLines);
        String published = published(pageDates, page, story);
        // the story's own h1 before one elsewhere on the page (a live blog's, above its posts); a site
        // logo's h1 went with the site header
        Element h1 = first(story, "h1");
        if (h1 == null) {
            h1 = page.selectFirst("h1");
        }
        String title = firstNonBlank(
                meta(page, "meta[property=og:title]"),
                h1 == null ? null : h1.text(),
                page.title());
        Element headline = headline(story, title);
        if (headline != null) {
            title = headline.text().strip(); // the title without the site's name a page title may add to it
            headline.remove();
        }
        List<String> parts = new ArrayList<>();
        for (Element part : story) {
            String text = mainText(part);
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        String body = String.join("\n\n", parts);
        if (body.isBlank() && headline != null) {
            body = title; // a page that is its headline alone is an article of its title
        }
        if (body.isBlank()) {
            throw new BadInputException("no article text in the HTML page");
        }
        sink.article(new ArticleFields(null, title, body, url, source, published, language, List.of())
                .toArticle(new Origin(input.name(), 0)));
    }

    /**
     * Removes the page furniture ({@link #FURNITURE}) but for the story's own {@code <header>} (its
     * headline, standfirst and byline, in its {@code <article>} or {@code <main>}: {@link #isStoryHeader}),
     * then each {@code <form>} that is a box ({@link #isBox}).
     */
    private static void removeFurniture(Document page) {
        for (Element furniture : page.select(FURNITURE_ELEMENT)) {
            if (!isStoryHeader(furniture)) {
                furniture.remove();
            }
        }
        long pageWords = words(prose(page.body()));
        for (Element form : page.select("form")) {
            if (isBox(form, pageWords)) {
                form.remove();
            }
        }
    }

    /** Whether the element is a {@code <header>} in an {@code <article>} or {@code <main>}: the story's, not the site's. */
    private static boolean isStoryHeader(Element element) {
        return element.nameIs("header") && element.parent() != null && element.parent().closest(STORY_SECTION) != null;
    }

    /**
     * Whether a {@code <form>} is a box (a search or sign-up form) rather than the page: it holds
     * less than half of the page's words outside links. A page that ASP.NET WebForms wraps whole in
     * its one {@code <form>} keeps its story; the form's controls are furniture either way.
     */
    private static boolean isBox(Element form, long pageWords) {
        return 2 * words(prose(form)) < pageWords;
    }

    /** The first element of the story's parts that the CSS query selects, or null. */
    private static Element first(List<Element> story, String css) {
        for (Element part : story) {
            Element found = part.selectFirst(css);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The elements that hold the story, in page order. Text outside links is what weighs, so that
     * the headline links of cards and link lists weigh nothing. The page's main part is its
     * {@code <main>} (or {@code role=main}) element, else its body; it is the body too when an
     * {@code <article>} outside {@code <main>} that is no card holds more than twice
     * {@code <main>}'s text (a {@code <main>} holding only a teaser of the story below it). Only
     * outermost {@code <article>}s count: one inside another is part of it.
     *
     * <p>The candidates for the story are the main part's {@code <article>}s and its own text outside
     * them. First the cards go: an {@code <article>} with link text whose other text is a teaser
     * (under {@link #TEASER_WORDS} words) or less than its link text, unless it is the page's only
     * prose of its weight (more than twice the words of each other {@code <article>} and of the main
     * part's own text: a short story, a wire brief with a linked name, rather than a card of another
     * one), and own text that is no more
     * than a heading or a line (at most one sentence and under {@link #TEASER_WORDS} words). Cards are told by
     * their own size, not by their share of the page, since eight one-line teasers can outweigh a
     * short story. Of what is left, one that holds two thirds of the text is the story alone; else
     * all of it is read in page order (a live blog's posts, after its introduction when there is one).
     * When nothing is left (a section front of cards), all {@code <article>}s are read.
     */
    private static List<Element> story(Document page) {
        Element main = page.selectFirst("main, [role=main]");
        if (main == null || outweighedFromOutside(page, main)) {
            main = page.body();
        }
        List<Element> articles = outermostArticles(main);
        if (articles.isEmpty()) {
            return List.of(main);
        }
        Element own = main.clone();
        outermostArticles(own).forEach(Element::remove);
        String ownProse = prose(own);
        long ownWords = words(ownProse);
        boolean ownIsStory = ownWords >= TEASER_WORDS || sentences(ownProse) >= 2;
        List<Weighed> weights = articles.stream().map(Weighed::of).toList();
        List<Element> cards = new ArrayList<>();
        List<Element> stories = new ArrayList<>();
        List<Long> storyWords = new ArrayList<>();
        long inStories = 0;
        // The heaviest article, and the heaviest of the others: what each article must outweigh, found once
        int heaviest = -1;
        long runnerUp = 0;
        for (int i = 0; i < weights.size(); i++) {
            long prose = weights.get(i).prose();
            if (heaviest < 0 || prose > weights.get(heaviest).prose()) {
                runnerUp = heaviest < 0 ? 0 : weights.get(heaviest).prose();
                heaviest = i;
            } else {
                runnerUp = Math.max(runnerUp, prose);
            }
        }
        for (int i = 0; i < articles.size(); i++) {
            Weighed weighed = weights.get(i);
            long others = Math.max(ownWords, i == heaviest ? runnerUp : weights.get(heaviest).prose());
            if (weighed.isCard() && 2 * others >= weighed.prose()) {
                cards.add(articles.get(i));
            } else {
                stories.add(articles.get(i));
                storyWords.add(weighed.prose());
                inStories += weighed.prose();
            }
        }
        if (ownIsStory) {
            inStories += ownWords;
        } else if (stories.isEmpty()) {
            return articles;
        }
        if (ownIsStory && 3 * ownWords >= 2 * inStories) {
            articles.forEach(Element::remove);
            return List.of(main);
        }
        for (int i = 0; i < stories.size(); i++) {
            if (3 * storyWords.get(i) >= 2 * inStories) {
                return List.of(stories.get(i));
            }
        }
        if (ownIsStory) {
            cards.forEach(Element::remove);
            return List.of(main);
        }
        return stories;
    }

    /** Whether an {@code <article>} outside {@code main} that is no card holds more than twice its text. */
    private static boolean outweighedFromOutside(Document page, Element main) {
        long inMain = words(prose(main));
        List<Element> outside = new ArrayList<>();
        Set<Element> aroundMain = new HashSet<>(main.parents()); // jsoup's nodes are equal only to themselves
        page.body().filter((node, depth) -> {
            if (node == main) {
                return NodeFilter.FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof Element e && e.nameIs("article") && !aroundMain.contains(e)) {
                outside.add(e);
                return NodeFilter.FilterResult.SKIP_CHILDREN;
            }
            return NodeFilter.FilterResult.CONTINUE;
        });
        for (Element article : outside) {
            Weighed weighed = Weighed.of(article);
            if (!weighed.isCard() && weighed.prose() > 2 * inMain) {
                return true;
            }
        }
        return false;
    }

    /** The {@code <article>}s in {@code part} that are inside no other {@code <article>}, in page order. */
    private static List<Element> outermostArticles(Element part) {
        List<Element> articles = new ArrayList<>();
        part.filter((node, depth) -> {
            if (node instanceof Element e && e.nameIs("article")) {
                articles.add(e);
                return NodeFilter.FilterResult.SKIP_CHILDREN;
            }
            return NodeFilter.FilterResult.CONTINUE;
        });
        return articles;
    }

    /** An {@code <article>}'s words outside links ({@code prose}) and in them ({@code links}). */
    private record Weighed(long prose, long links) {
        static Weighed of(Element article) {
            long prose = words(HtmlReader.prose(article));
            return new Weighed(prose, words(article.text()) - prose);
        }

        /**
         * A related-story card: link text (its headline) and a teaser, other text under
         * {@link #TEASER_WORDS} words or less than the link text. A short {@code <article>} without
         * link text (a live blog's post) is no card.
         */
        boolean isCard() {
            return links > 0 && (prose < TEASER_WORDS || prose < links);
        }
    }

    /** The element's text outside links. */
    private static String prose(Element element) {
        Element copy = element.clone();
        copy.select("a").remove();
        return copy.text();
    }

    /**
     * Removes the link lines of a story part: its paragraphs, lists and boxes ({@link #LINK_LINE})
     * whose text is link text but for at most a label, under {@link #LABEL_WORDS} words and no
     * sentence ("READ MORE:", "Most Read", "Tags:"), and whose link text outweighs that label: the
     * headline of another story inside this one, a menu, a "Most Read" column. A paragraph with a
     * link in its sentences stays. Counted in one walk of the part, words per run of text, so that
     * deeply nested pages cost linear time.
     */
    private static void removeLinkLines(Element part) {
        List<Element> linkLines = new ArrayList<>();
        Deque<long[]> open = new ArrayDeque<>(); // per open element: words outside links, in links, sentences outside links
        NodeTraversor.traverse(new NodeVisitor() {
            private int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    open.push(new long[3]);
                    if (element.nameIs("a")) {
                        linkDepth++;
                    }
                } else if (node instanceof TextNode text && !open.isEmpty()) {
                    long[] counts = open.peek();
                    if (linkDepth > 0) {
                        counts[1] += words(text.getWholeText());
                    } else {
                        counts[0] += words(text.getWholeText());
                        counts[2] += sentences(text.getWholeText());
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    long[] counts = open.pop();
                    if (element.nameIs("a")) {
                        linkDepth--;
                    }
                    if (element != part && element.is(LINK_LINE) && counts[1] > counts[0]
                            && counts[0] < LABEL_WORDS && counts[2] == 0) {
                        linkLines.add(element);
                    }
                    if (!open.isEmpty()) {
                        for (int k = 0; k < counts.length; k++) {
                            open.peek()[k] += counts[k];
                        }
                    }
                }
            }
        }, part);
        linkLines.forEach(Element::remove);
    }

    /** Words: runs between white space, and each Han or kana character, since Chinese and Japanese write no spaces. */
    private static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                words++;
                inWord = false;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                inWord = false;
            } else if (!inWord) {
                words++;
                inWord = true;
            }
        }
        return words;
    }

    private static long sentences(String text) {
        return SENTENCE_END.matcher(text).results().count();
    }

    /**
     * One paragraph per run of text between block boundaries, so that sentence splitting sees the
     * page's structure: a {@code <div>} holding its text directly is a paragraph as a {@code <p>} is,
     * text a container holds around its inner blocks is a paragraph of its own, in page order, and
     * each piece of text is taken once. A {@code <br>} is a line break and two or more in a row a
     * paragraph break, as pages laid out without {@code <p>} mean them. The boundaries are written into
     * the tree as marker characters and the text taken in one {@link Element#text()} of the main
     * element, so that white space reads as before and deeply nested pages cost linear time.
     */
    private static String mainText(Element main) {
        // Each parent's children are rebuilt once with the marks in place: inserting a mark beside each
        // block one by one renumbers all its later siblings, quadratic in a page of 40,000 paragraphs.
        Set<Element> parents = new LinkedHashSet<>();
        for (Element block : main.select(BLOCK)) {
            if (block != main) {
                parents.add(block.parent());
            }
        }
        for (Element br : main.select("br")) {
            parents.add(br.parent());
        }
        for (Element parent : parents) {
            List<Node> marked = new ArrayList<>(parent.childNodeSize() + 8);
            for (Node child : parent.childNodes()) {
                if (child instanceof Element e && e.nameIs("br")) {
                    marked.add(new TextNode(LINE_MARK));
                } else if (child instanceof Element e && e.is(BLOCK)) {
                    marked.add(new TextNode(PARAGRAPH_MARK));
                    marked.add(e);
                    marked.add(new TextNode(PARAGRAPH_MARK));
                } else {
                    marked.add(child);
                }
            }
            parent.empty();
            parent.appendChildren(marked);
        }
        String text = PARAGRAPH_BREAKS.matcher(main.text()).replaceAll(PARAGRAPH_MARK);
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split(PARAGRAPH_MARK)) {
            paragraph = paragraph.strip();
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * The page's headline, the first heading that is the title, or null. It is left out of the body,
     * since the record's text starts with the title ({@link ArticleFields#toArticle}): a page that
     * puts a kicker or a date above it would otherwise have the title twice. A title may be the
     * headline with the site's name after or before it ({@link #isHeadlineOf}); the headline is then
     * the title. A later subheading or a paragraph that happens to read like the title is article
     * text and stays.
     */
    private static Element headline(List<Element> story, String title) {
        if (title == null) {
            return null;
        }
        for (Element part : story) {
            for (Element heading : part.select("h1, h2, h3, h4, h5, h6")) {
                if (isHeadlineOf(heading.text().strip(), title)) {
                    return heading;
                }
            }
        }
        return null;
    }

    /**
     * Whether a heading is the page title's headline: the title itself, or the heading and the site's
     * name joined by a separator ("… | News.am", "… - RT World News", "BBC News - …"), the name
     * shorter than the headline. A colon is no separator: "Lavrov: NATO …" is a speaker and a claim.
     */
    private static boolean isHeadlineOf(String heading, String title) {
        if (heading.isEmpty()) {
            return false;
        }
        if (heading.equals(title)) {
            return true;
        }
        Matcher suffix = SITE_NAME_AFTER.matcher(title);
        if (suffix.matches() && suffix.group(1).equals(heading)) {
            return words(suffix.group(2)) < words(heading);
        }
        Matcher prefix = SITE_NAME_BEFORE.matcher(title);
        return prefix.matches() && prefix.group(2).equals(heading) && words(prefix.group(1)) < words(heading);
    }

    /**
     * The page's publication date: the first of these that reads as a date ({@link PublishedDate}),
     * in this order: the meta tags, JSON-LD, microdata {@code datePublished}, {@code <time pubdate>}
     * (all of which declare the date), then the first {@code <time datetime>} of the story. When no
     * value reads as a date, the first declared one as written: the record keeps what the page says,
     * and its warnings say that it was not read. A {@code <time>} that merely is in the story is only
     * taken when it is a date, since a story's first one may be a duration ("4 min read", PT4M) or
     * the time of a live blog's post. Elements outside the story never count (the furniture, a site
     * header's clock, is gone by now, and a related story's card is not in the story): they would
     * put the article on another day. The story's own {@code <header>} is in the story.
     */
    private static String published(List<String> pageDates, Document page, List<Element> story) {
        List<Element> inStory = new ArrayList<>();
        for (Element element : page.select(DATE_ELEMENT)) {
            if (element.closest("head") != null || inside(element, story)) {
                inStory.add(element);
            }
        }
        List<String> declared = new ArrayList<>(pageDates);
        for (Element e : inStory) {
            if (e.is(MICRODATA_DATE)) {
                declared.add(firstNonBlank(e.attr("content"), e.attr("datetime")));
            }
        }
        for (Element e : inStory) {
            if (e.is(PUBDATE)) {
                declared.add(firstNonBlank(e.attr("datetime"), e.text()));
            }
        }
        List<String> candidates = new ArrayList<>(declared);
        for (Element e : inStory) {
            if (e.nameIs("time")) {
                candidates.add(e.attr("datetime"));
            }
        }
        for (String value : candidates) {
            if (value != null && PublishedDate.parse(value).isPresent()) {
                return value.strip();
            }
        }
        return firstNonBlank(declared.toArray(String[]::new));
    }

    /**
     * The dates a page declares outside its body text: the meta tags ({@code article:published_time},
     * then the first of {@code pubdate}, {@code date}, {@code dc.date} and the like), then the
     * {@code datePublished} of each article object in its JSON-LD ({@link #articleDates}), in page order.
     * Read before the scripts go with the furniture.
     */
    private static List<String> pageDates(Document page) {
        List<String> dates = new ArrayList<>();
        dates.add(meta(page, "meta[property=article:published_time]"));
        dates.add(meta(page, "meta[name=pubdate], meta[name=publishdate], meta[name=publish-date], "
                + "meta[name=date], meta[name=dc.date], meta[name=DC.date.issued]"));
        for (Element script : page.select("script[type=\"application/ld+json\"]")) {
            try {
                articleDates(JSON_LD.readTree(script.data()), dates);
            } catch (JsonProcessingException e) {
                // a block that is no JSON declares nothing; the page's other dates still count
            }
        }
        return dates;
    }

    /**
     * The {@code datePublished} of each article object in a JSON-LD value, outermost first: an object
     * whose {@code @type} is an article type ({@link #ARTICLE_TYPE}), at the top, in an array, in
     * {@code @graph} or under another object (a {@code WebPage}'s {@code mainEntity}).
     */
    private static void articleDates(JsonNode node, List<String> dates) {
        if (node.isObject() && node.path("datePublished").isTextual() && isArticleType(node.get("@type"))) {
            dates.add(node.get("datePublished").asText());
        }
        for (JsonNode child : node) {
            articleDates(child, dates);
        }
    }

    /** Whether a JSON-LD {@code @type} (a name, a prefixed name or IRI, or an array of them) names an article type. */
    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1); // schema:X, https://schema.org/X
        return ARTICLE_TYPE.matcher(name).matches();
    }

    /** Whether the element is one of the story's parts or inside one. */
    private static boolean inside(Element element, List<Element> story) {
        for (Element up = element; up != null; up = up.parent()) {
            for (Element part : story) {
                if (up == part) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String meta(Document page, String css) {
        Element e = page.selectFirst(css);
        return e == null ? null : e.attr("content");
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
