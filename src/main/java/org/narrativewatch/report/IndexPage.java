package org.narrativewatch.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.narrativewatch.doc.Stance;

/**
 * reports/index.html: the totals, what is new, the narrative timeline, the narrative × outlet
 * heatmap, the entity co-mention graph, the narrative × entity matrix, the top evidence with
 * links to article pages, and links to every data file.
 */
final class IndexPage {
    static final int ENTITIES_PER_NARRATIVE = 8;

    private IndexPage() {
    }

    record Links(List<String> tables, List<String> bulkParts, List<String> listPages) {
    }

    static Document render(Aggregates agg, Map<String, Long> totals, RunHistory.Comparison news, Links links) {
        Document doc = HtmlPages.page("Narrative Watch report", "");
        Element main = HtmlPages.main(doc);

        Element stats = main.appendElement("ul").addClass("stats");
        stat(stats, totals.get("articles"), "articles");
        stat(stats, totals.get("with_narratives"), "with a narrative");
        stat(stats, totals.get("narratives"), "narratives");
        stat(stats, totals.get("entities"), "tracked entities");
        stat(stats, totals.get("sources"), "sources");
        stat(stats, totals.get("undated"), "undated");
        if (totals.get("unreadable_files") > 0) {
            stat(stats, totals.get("unreadable_files"), "unreadable files");
        }

        whatsNew(main, news);
        narratives(main, agg);

        section(main, "timeline", "Narrative timeline");
        Element timeline = main.appendElement("figure");
        Charts.timeline(timeline, agg);
        timeline.appendElement("figcaption").text("Articles asserting each narrative (solid) and all articles "
                + "carrying it (dashed), top " + Charts.TIMELINE_SERIES + " narratives: where the lines part, reports "
                + "of the claim, fact-checks disputing it and records without a stance make the difference. Articles "
                + "without a readable date are counted in the 'undated' slot.");

        section(main, "heatmap", "Narratives by source");
        Element heatmap = main.appendElement("figure");
        Charts.heatmap(heatmap, agg);
        heatmap.appendElement("figcaption").text("Articles asserting each narrative, per outlet (the shade and the "
                + "first number); after a slash, all the outlet's articles carrying it, when some of them report it, "
                + "dispute it or have no stance. Top " + Charts.HEATMAP_ROWS + " narratives, top "
                + Charts.HEATMAP_COLUMNS + " outlets; all of them are in csv/narratives_by_source.csv.");

        section(main, "network", "Entity co-mentions");
        Element network = main.appendElement("figure");
        Charts.network(network, agg);
        network.appendElement("figcaption").text("Tracked entities named in the same sentence (top "
                + Charts.NETWORK_NODES + " by co-mentions); line width grows with the number of sentences.");

        narrativeEntities(main, agg);
        topEvidence(main, agg);
        downloads(main, links);
        return doc;
    }

    private static void stat(Element stats, long value, String label) {
        Element li = stats.appendElement("li");
        li.appendElement("b").text(String.format(Locale.ROOT, "%,d", value));
        li.appendText(label);
    }

    private static void section(Element main, String id, String title) {
        main.appendElement("h2").attr("id", id).text(title);
    }

    private static void whatsNew(Element main, RunHistory.Comparison news) {
        section(main, "whats-new", "What is new since the previous run");
        if (news.previous() == null) {
            main.appendElement("p").addClass("muted").text("No previous run to compare with: this run is the baseline.");
            return;
        }
        if (news.table().rows().isEmpty()) {
            main.appendElement("p").addClass("muted").text("Nothing new compared with the previous run ("
                    + news.previous().articles() + " articles).");
            return;
        }
        main.appendElement("p").addClass("muted").text("Compared with the previous run (" + news.previous().articles()
                + " articles). New: absent before; rising: at least " + RunHistory.MIN_JUMP
                + " more articles and at least twice as many.");
        Element table = main.appendElement("table").addClass("whats-new");
        header(table, "Kind", "Name", "Status", "#Before", "#Now");
        for (List<Object> row : news.table().rows()) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(String.valueOf(row.get(0)));
            tr.appendElement("td").text(row.get(2) == null ? String.valueOf(row.get(1)) : row.get(2) + " (" + row.get(1) + ")");
            tr.appendElement("td").text(String.valueOf(row.get(3)));
            tr.appendElement("td").addClass("n").text(String.valueOf(row.get(4)));
            tr.appendElement("td").addClass("n").text(String.valueOf(row.get(5)));
        }
    }

    private static void narratives(Element main, Aggregates agg) {
        section(main, "narratives", "Narratives");
        if (agg.narratives().isEmpty()) {
            main.appendElement("p").addClass("muted").text("No narrative found in these articles.");
            return;
        }
        main.appendElement("p").addClass("muted").text("Asserts, reports, disputes: the articles that make the "
                + "claim in their own voice, that report someone else making it, and that call it false. Records "
                + "written before narrative-watch 0.4.0 have no stance and count under none of the three.");
        Element table = main.appendElement("table").addClass("narratives");
        header(table, "Narrative", "Id", "#Articles", "#Asserts", "#Reports", "#Disputes", "#Evidence", "First day",
                "Last day");
        for (String id : Charts.topNarratives(agg, Integer.MAX_VALUE)) {
            Aggregates.NarrativeTotals t = agg.narratives().get(id);
            Element tr = table.appendElement("tr");
            tr.appendElement("td").appendElement("a").attr("href", "#evidence-" + id).text(Charts.narrativeLabel(agg, id));
            tr.appendElement("td").text(id);
            tr.appendElement("td").addClass("n").text(Long.toString(t.articles));
            for (Stance stance : Stance.values()) {
                tr.appendElement("td").addClass("n").addClass(stance.key()).text(Long.toString(t.withStance(stance)));
            }
            tr.appendElement("td").addClass("n").text(Long.toString(t.evidence));
            tr.appendElement("td").text(t.firstDay == null ? "—" : t.firstDay);
            tr.appendElement("td").text(t.lastDay == null ? "—" : t.lastDay);
        }
    }

    private static void narrativeEntities(Element main, Aggregates agg) {
        section(main, "narrative-entities", "Who the narratives are about");
        if (agg.narratives().isEmpty()) {
            main.appendElement("p").addClass("muted").text("No narrative found in these articles.");
            return;
        }
        Element table = main.appendElement("table").addClass("narrative-entities");
        header(table, "Narrative", "Entities (articles carrying both)");
        for (String id : Charts.topNarratives(agg, Integer.MAX_VALUE)) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(Charts.narrativeLabel(agg, id));
            List<Map.Entry<String, Long>> top = agg.narrativeEntityArticles().row(id).entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(ENTITIES_PER_NARRATIVE).toList();
            StringBuilder cell = new StringBuilder();
            for (Map.Entry<String, Long> e : top) {
                Aggregates.EntityTotals entity = agg.entities().get(e.getKey());
                cell.append(cell.length() == 0 ? "" : ", ")
                        .append(entity == null || entity.canonical == null ? e.getKey() : entity.canonical)
                        .append(" (").append(e.getValue()).append(')');
            }
            tr.appendElement("td").text(cell.length() == 0 ? "—" : cell.toString());
        }
    }

    private static void topEvidence(Element main, Aggregates agg) {
        section(main, "evidence", "Top evidence per narrative");
        Map<String, List<EvidenceRow>> best = agg.topEvidence();
        if (best.isEmpty()) {
            main.appendElement("p").addClass("muted").text("No narrative evidence in these articles.");
            return;
        }
        for (String id : Charts.topNarratives(agg, Integer.MAX_VALUE)) {
            List<EvidenceRow> rows = best.getOrDefault(id, List.of());
            main.appendElement("h3").attr("id", "evidence-" + id).text(Charts.narrativeLabel(agg, id));
            Element list = main.appendElement("ol").addClass("evidence");
            for (EvidenceRow row : rows) {
                Element li = list.appendElement("li");
                quote(li.appendElement("blockquote"), row.sentenceText(), row.text());
                Element source = li.appendElement("div").addClass("muted");
                String title = ReportArticle.displayTitle(row.title(), row.articleId());
                if (row.page() == null) {
                    source.appendText(title);
                } else {
                    source.appendElement("a").addClass("article-link").attr("href", row.page()).text(title);
                }
                source.appendText(String.format(Locale.ROOT, " · %s · %s · weight %.2f", row.source(), row.day(),
                        row.weight()));
                if (row.stance() != null) {
                    source.appendText(" · " + row.stance());
                }
            }
        }
    }

    /** The sentence with the evidence text marked where it occurs in it. */
    private static void quote(Element block, String sentence, String evidence) {
        int at = sentence == null || evidence == null || evidence.isEmpty() ? -1 : sentence.indexOf(evidence);
        if (at < 0) {
            block.text(sentence == null ? "" : sentence);
            return;
        }
        block.appendText(sentence.substring(0, at));
        block.appendElement("mark").addClass("evidence-span").text(evidence);
        block.appendText(sentence.substring(at + evidence.length()));
    }

    private static void downloads(Element main, Links links) {
        section(main, "data", "Data");
        Element list = main.appendElement("ul");
        list.appendElement("li").appendElement("a").attr("href", ReportJob.AGGREGATES_DIR + "/" + ReportJob.REPORT_JSON)
                .text("All aggregates as JSON");
        Element csv = list.appendElement("li");
        csv.appendText("CSV tables: ");
        for (String table : links.tables()) {
            csv.appendElement("a").attr("href", ReportJob.CSV_DIR + "/" + table + ".csv").text(table);
            csv.appendText(" ");
        }
        Element bulk = list.appendElement("li");
        bulk.appendText("Elasticsearch/OpenSearch bulk files: ");
        for (String part : links.bulkParts()) {
            bulk.appendElement("a").attr("href", ReportJob.ELASTICSEARCH_DIR + "/" + part).text(part);
            bulk.appendText(" ");
        }
        Element pages = list.appendElement("li");
        pages.appendText("All articles: ");
        for (int i = 0; i < links.listPages().size(); i++) {
            pages.appendElement("a").attr("href", ReportJob.HTML_DIR + "/" + links.listPages().get(i))
                    .text(Integer.toString(i + 1));
            pages.appendText(" ");
        }
    }

    private static void header(Element table, String... names) {
        Element tr = table.appendElement("tr");
        for (String name : names) {
            Element th = tr.appendElement("th").text(name.startsWith("#") ? name.substring(1) : name);
            if (name.startsWith("#")) {
                th.addClass("n");
            }
        }
    }
}
