package org.narrativewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
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
    private static final Evaluator BLOCK =
            QueryParser.parse("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption");

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
        String body = mainText(main, title);
        if (body.isBlank()) {
            throw new BadInputException("no article text in the HTML page");
        }
        sink.article(new ArticleFields(null, title, body, url, source, published, language)
                .toArticle(new Origin(input.name(), 0)));
    }

    /**
     * One paragraph per innermost text block, so that sentence splitting sees the page's
     * structure. Found in one walk over the tree, so that deeply nested pages cost linear time.
     */
    private static String mainText(Element main, String title) {
        Set<Element> containers = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Element> blocks = new ArrayList<>();
        Deque<Element> open = new ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && e != main && e.is(BLOCK)) {
                    if (!open.isEmpty()) {
                        containers.add(open.peek());
                    }
                    open.push(e);
                    blocks.add(e);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!open.isEmpty() && open.peek() == node) {
                    open.pop();
                }
            }
        }, main);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : blocks) {
            if (containers.contains(block)) {
                continue; // a container of other blocks: those are taken one by one
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
