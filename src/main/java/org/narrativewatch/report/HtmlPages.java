package org.narrativewatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.narrativewatch.output.AtomicFiles;

/**
 * The frame every report page shares. Pages are built as jsoup documents, so all article text
 * and attributes go through jsoup's escaping; none is concatenated into markup by hand. Each
 * page is self-contained: the style sheet is inlined, charts are server-rendered SVG, and a
 * Content-Security-Policy forbids scripts and every outside request, so a page works offline and
 * text that looks like markup can never run.
 */
final class HtmlPages {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final String CSS = loadCss();

    private HtmlPages() {
    }

    /**
     * A new page with title and header.
     *
     * @param root the relative path from this page to the report folder ("" or "../../")
     */
    static Document page(String title, String root) {
        Document doc = Document.createShell("");
        doc.child(0).attr("lang", "en");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CONTENT_SECURITY_POLICY);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        Element header = doc.body().appendElement("header").addClass("top");
        Element h1 = header.appendElement("h1");
        if (root.isEmpty()) {
            h1.text("Narrative Watch report");
        } else {
            h1.appendElement("a").attr("href", root + ReportJob.INDEX_HTML).text("Narrative Watch report");
        }
        doc.body().appendElement("main");
        return doc;
    }

    static Element main(Document doc) {
        return doc.body().selectFirst("main");
    }

    /** Writes the page into {@code file} and commits it ({@link AtomicFiles#open}, or a file of a set). */
    static void write(Document doc, AtomicFiles.Pending file) throws IOException {
        try (AtomicFiles.Pending pending = file) {
            Writer out = new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
            out.write("<!DOCTYPE html>\n");
            doc.html(out);
            out.write("\n");
            out.flush();
            pending.commit();
        }
    }

    /** A link to a web address only when it is http or https, so a record cannot smuggle in javascript: links. */
    static void externalLink(Element parent, String url) {
        if (url == null || url.isBlank()) {
            parent.appendText("—");
        } else if (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8)) {
            parent.appendElement("a").attr("href", url).attr("rel", "noopener noreferrer").text(url);
        } else {
            parent.appendText(url);
        }
    }

    private static String loadCss() {
        try (InputStream in = HtmlPages.class.getResourceAsStream("/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report/report.css missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
