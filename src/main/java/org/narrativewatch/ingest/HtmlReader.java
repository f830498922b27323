package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption";

    private final TextDecoder decoder;

    public HtmlReader(TextDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void read(Input input, ArticleSink sink) throws IOException {
        String html;
        try (InputStream in = input.open()) {
            html = decoder.decodeAll(in);
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
        String body = mainText(main, title);
        if (body.isBlank()) {
            throw new BadInputException("no article text in the HTML page");
        }
        sink.article(new ArticleFields(null, title, body, url, source, published, language)
                .toArticle(new Origin(input.name(), 0)));
    }

    /** One paragraph per text block, so that sentence splitting sees the page's structure. */
    private static String mainText(Element main, String title) {
        List<String> paragraphs = new ArrayList<>();
        for (Element block : main.select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a container of other blocks (select counts the block itself): take those one by one
            }
            String text = block.text().strip();
            if (!text.isEmpty() && !text.equals(title)) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.isEmpty()) {
            return main.text().strip();
        }
        return String.join("\n\n", paragraphs);
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
