package org.narrativewatch.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.narrativewatch.output.AtomicFileSet;
import org.narrativewatch.output.AtomicFiles;

/**
 * The list of all articles, in pages of {@link #PAGE_SIZE} rows (html/list-0001.html, ...),
 * written page by page as articles stream past, so memory holds one page at most.
 */
final class ArticleLists {
    static final int PAGE_SIZE = 500;
    static final String PAGE_GLOB = "list-*.html";

    private final Path dir;
    private final AtomicFileSet files;
    private final List<String> written = new ArrayList<>();
    private Document page;
    private Element table;
    private int rows;
    private long total;

    /** @param files the set the pages join, to replace the previous ones when it is committed */
    ArticleLists(Path dir, AtomicFileSet files) {
        this.dir = dir;
        this.files = files;
    }

    static String pageName(int number) {
        return String.format(Locale.ROOT, "list-%04d.html", number);
    }

    /** @param page the article page relative to the html/ folder, or null when pages are not written */
    void add(ReportArticle article, String articlePage) throws IOException {
        if (rows == PAGE_SIZE) {
            flush(true);
        }
        if (page == null) {
            open();
        }
        total++;
        rows++;
        Element tr = table.appendElement("tr");
        tr.appendElement("td").addClass("n").text(Long.toString(total));
        Element title = tr.appendElement("td");
        if (articlePage == null) {
            title.text(article.displayTitle());
        } else {
            title.appendElement("a").attr("href", articlePage).text(article.displayTitle());
        }
        tr.appendElement("td").text(article.outlet());
        tr.appendElement("td").text(article.day());
        TreeSet<String> narratives = new TreeSet<>();
        article.record().narratives().forEach(n -> narratives.add(n.title() == null ? n.id() : n.title()));
        tr.appendElement("td").text(String.join("; ", narratives));
        tr.appendElement("td").addClass("n").text(Integer.toString(article.trackedEntities().size()));
    }

    /** Writes the last page, has the set remove pages left from earlier, larger runs; returns the page names. */
    List<String> finish() throws IOException {
        if (page == null) {
            open();
            HtmlPages.main(page).appendElement("p").addClass("muted").text("No articles.");
        }
        flush(false);
        Files.createDirectories(dir);
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(dir, PAGE_GLOB)) {
            for (Path p : pages) {
                if (!written.contains(p.getFileName().toString())) {
                    files.remove(p);
                }
            }
        }
        return List.copyOf(written);
    }

    private void open() {
        int number = written.size() + 1;
        page = HtmlPages.page("Articles, page " + number + " — Narrative Watch", "../");
        Element main = HtmlPages.main(page);
        main.appendElement("h2").text("Articles, page " + number);
        table = main.appendElement("table").addClass("articles");
        Element head = table.appendElement("tr");
        head.appendElement("th").addClass("n").text("#");
        head.appendElement("th").text("Title");
        head.appendElement("th").text("Source");
        head.appendElement("th").text("Day");
        head.appendElement("th").text("Narratives");
        head.appendElement("th").addClass("n").text("Tracked entities");
        rows = 0;
    }

    private void flush(boolean more) throws IOException {
        int number = written.size() + 1;
        Element nav = HtmlPages.main(page).appendElement("nav").addClass("pages");
        if (number > 1) {
            nav.appendElement("a").attr("href", pageName(number - 1)).text("← previous page");
        }
        nav.appendElement("a").attr("href", "../" + ReportJob.INDEX_HTML).text("report");
        if (more) {
            nav.appendElement("a").attr("href", pageName(number + 1)).text("next page →");
        }
        String name = pageName(number);
        HtmlPages.write(page, files.open(AtomicFiles.inside(dir, name)));
        written.add(name);
        page = null;
        table = null;
    }
}
