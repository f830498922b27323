package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.narrativewatch.doc.Origin;

/**
 * Reads an HTML page: the main text (the {@code article} or {@code main} element when there is
 * one, else the body, without scripts, styles, navigation and other page furniture), the title
 * (OpenGraph, then the first {@code h1}, then {@code <title>}), and URL, site name and publication
 * date from the usual meta tags.
 */
public final class HtmlReader implements ArticleReader {
    private static final String FURNITURE =
            "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, "
                    + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
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
        String title = firstNonBlank(
                meta(page, "meta[property=og:title]"),
                page.selectFirst("h1") == null ? null : page.selectFirst("h1").text(),
                page.title());
        String url = firstNonBlank(
                page.selectFirst("link[rel=canonical]") == null ? null
                        : page.selectFirst("link[rel=canonical]").attr("href"),
                meta(page, "meta[property=og:url]"));
        String published = firstNonBlank(
                meta(page, "meta[property=article:published_time]"),
                meta(page, "meta[name=pubdate], meta[name=publishdate], meta[name=publish-date], "
                        + "meta[name=date], meta[name=dc.date], meta[name=DC.date.issued], "
                        + "meta[itemprop=datePublished]"),
                page.selectFirst("time[datetime]") == null ? null : page.selectFirst("time[datetime]").attr("datetime"));
        String source = meta(page, "meta[property=og:site_name]");
        String language = page.selectFirst("html[lang]") == null ? null : page.selectFirst("html[lang]").attr("lang");

        page.select(FURNITURE).remove();
        Element main = page.selectFirst("article");
        if (main == null) {
            main = page.selectFirst("main, [role=main]");
        }
        if (main == null) {
            main = page.body();
        }
        Element headline = headline(main, title);
        if (headline != null) {
            headline.remove();
        }
        String body = mainText(main);
        if (body.isBlank() && headline != null) {
            body = title; // a page that is its headline alone is an article of its title
        }
        if (body.isBlank()) {
            throw new BadInputException("no article text in the HTML page");
        }
        sink.article(new ArticleFields(null, title, body, url, source, published, language)
                .toArticle(new Origin(input.name(), 0)));
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
        for (Element block : main.select(BLOCK)) {
            if (block != main) {
                block.before(new TextNode(PARAGRAPH_MARK));
                block.after(new TextNode(PARAGRAPH_MARK));
            }
        }
        for (Element br : main.select("br")) {
            br.replaceWith(new TextNode(LINE_MARK));
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
     * puts a kicker or a date above it would otherwise have the title twice. A later subheading or a
     * paragraph that happens to read like the title is article text and stays.
     */
    private static Element headline(Element main, String title) {
        if (title == null) {
            return null;
        }
        for (Element heading : main.select("h1, h2, h3, h4, h5, h6")) {
            if (heading.text().strip().equals(title)) {
                return heading;
            }
        }
        return null;
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
