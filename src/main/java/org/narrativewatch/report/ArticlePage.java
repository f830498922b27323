package org.narrativewatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.output.ArticleRecord;
import org.narrativewatch.pipeline.BuildInfo;

/**
 * The page of one article: its metadata, narratives with their evidence, tracked entities, and
 * the full text with entity mentions and narrative evidence highlighted in place.
 */
final class ArticlePage {
    /** Nesting order of highlights, outermost first. */
    private enum Kind { TITLE, DROPPED, EVIDENCE, ENTITY }

    /** A highlight over [start, end) UTF-16 indices of the text. */
    private record Highlight(int start, int end, Kind kind, String cssClass, String tooltip, String anchor,
                             String kbId) {
    }

    private ArticlePage() {
    }

    /** The id of the element where evidence {@code evidence} of narrative {@code narrative} starts. */
    /** The name of the head's meta element that holds {@link #madeFrom}. */
    static final String STAMP = "narrative-watch-made-from";
    /** How far into a page its stamp stands: after the doctype, html, head and charset tags. */
    private static final int STAMP_WITHIN = 512;

    /** The tool's version, read once: pages record it in their stamp. */
    private static final class ToolVersion {
        static final String VERSION = BuildInfo.version();
    }

    static String evidenceAnchor(int narrative, int evidence) {
        return "ev-" + narrative + "-" + evidence;
    }

    /**
     * What a page is made from, written into its head ({@link #STAMP}): the tool's version (its templates),
     * the page's name and the record's content ({@link ArticleRecord#compactJson}, so a record read from a
     * JSON Lines file, as the Spark job's report does, gives the page of the same record's file). A re-run
     * keeps a page whose stamp is this one instead of rendering it again, which was most of the report's
     * time on a corpus that hardly changed.
     */
    static String madeFrom(String pageName, ArticleRecord record) {
        byte[] head = (ToolVersion.VERSION + "\0" + pageName + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] content = record.compactJson();
        byte[] all = Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return ArticleIds.sha256(all);
    }

    /** Whether the page at {@code file} exists and was made from {@code madeFrom}: its stamp is in its first bytes. */
    static boolean isMadeFrom(Path file, String madeFrom) {
        byte[] expected = stampTag(madeFrom).getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(STAMP_WITHIN);
            for (int i = 0; i + expected.length <= start.length; i++) {
                if (Arrays.equals(start, i, i + expected.length, expected, 0, expected.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // no page yet, or one that cannot be read: made anew
        }
    }

    private static String stampTag(String madeFrom) {
        return "<meta name=\"" + STAMP + "\" content=\"" + madeFrom + "\">";
    }

    static Document render(ReportArticle article, String madeFrom) {
        ArticleRecord r = article.record();
        Document doc = HtmlPages.page(article.displayTitle() + " — Narrative Watch", "../../");
        // Right after the charset, so that a re-run finds it in the page's first bytes.
        doc.head().child(0).after(new Element("meta").attr("name", STAMP).attr("content", madeFrom));
        Element main = HtmlPages.main(doc);
        main.appendElement("h2").text(article.displayTitle());
        metadata(main.appendElement("dl").addClass("meta"), article);

        main.appendElement("h2").text("Narratives (" + r.narratives().size() + ")");
        if (r.narratives().isEmpty()) {
            main.appendElement("p").addClass("muted").text("No narrative found in this article.");
        }
        for (int n = 0; n < r.narratives().size(); n++) {
            ArticleRecord.Narrative narrative = r.narratives().get(n);
            Element h3 = main.appendElement("h3").addClass("narrative");
            h3.text(label(narrative) + " ");
            if (narrative.stance() != null) {
                h3.appendElement("span").addClass("stance").text(narrative.stance());
                h3.appendText(" ");
            }
            h3.appendElement("span").addClass("muted").text(String.format(Locale.ROOT, "score %.2f", narrative.score()));
            Element list = main.appendElement("ol").addClass("evidence");
            for (int e = 0; e < narrative.evidence().size(); e++) {
                ArticleRecord.EvidenceItem ev = narrative.evidence().get(e);
                Element li = list.appendElement("li");
                li.appendElement("a").attr("href", "#" + evidenceAnchor(n, e)).text(ev.text() == null ? "(no text)" : ev.text());
                StringBuilder detail = new StringBuilder(" — ").append(ev.rule() == null ? "rule ?" : ev.rule())
                        .append(String.format(Locale.ROOT, ", weight %.2f", ev.weight()));
                if (ev.stance() != null) {
                    detail.append(", ").append(ev.stance());
                }
                if (ev.attributedTo() != null) {
                    detail.append(", attributed to ").append(ev.attributedTo());
                }
                if (!ev.entities().isEmpty()) {
                    detail.append(", entities: ").append(String.join(", ", new TreeSet<>(ev.entities())));
                }
                li.appendElement("span").addClass("muted").text(detail.toString());
            }
        }

        Map<String, ArticleRecord.EntityCount> tracked = article.trackedEntities();
        main.appendElement("h2").text("Tracked entities (" + tracked.size() + ")");
        if (!tracked.isEmpty()) {
            Element table = main.appendElement("table").addClass("entities");
            Element head = table.appendElement("tr");
            head.appendElement("th").text("Entity");
            head.appendElement("th").text("Type");
            head.appendElement("th").text("Id");
            head.appendElement("th").addClass("n").text("Mentions");
            tracked.values().stream()
                    .sorted(Comparator.comparingInt(ArticleRecord.EntityCount::mentions).reversed()
                            .thenComparing(ArticleRecord.EntityCount::kbId))
                    .forEach(c -> {
                        Element tr = table.appendElement("tr");
                        tr.appendElement("td").text(c.canonical() == null ? c.kbId() : c.canonical());
                        tr.appendElement("td").text(c.type() == null ? "" : c.type());
                        tr.appendElement("td").text(c.kbId());
                        tr.appendElement("td").addClass("n").text(Integer.toString(c.mentions()));
                    });
        }

        main.appendElement("h2").text("Text");
        Element legend = main.appendElement("ul").addClass("legend");
        legend.appendElement("li").appendElement("mark").addClass("entity").text("tracked entity");
        legend.appendElement("li").appendElement("mark").addClass("entity untracked").text("other named entity");
        legend.appendElement("li").appendElement("span").addClass("evidence-span").text("narrative evidence");
        legend.appendElement("li").appendElement("span").addClass("dropped").text("boilerplate, not analysed");
        List<Highlight> highlights = new ArrayList<>();
        int skipped = highlights(article, highlights);
        if (skipped > 0) {
            main.appendElement("p").addClass("muted")
                    .text(skipped + " highlights were left out: their offsets do not fit the text.");
        }
        text(main.appendElement("div").addClass("article-text"), r.text(), highlights);
        return doc;
    }

    private static String label(ArticleRecord.Narrative n) {
        return n.title() == null || n.title().isBlank() ? n.id() : n.title() + " (" + n.id() + ")";
    }

    private static void metadata(Element dl, ReportArticle a) {
        ArticleRecord r = a.record();
        item(dl, "Id").text(a.id());
        item(dl, "Source").text(a.outlet());
        String published = r.published() == null ? "—" : r.published();
        item(dl, "Published").text(a.date() == null ? published + " (undated)" : published + " → " + a.day());
        HtmlPages.externalLink(item(dl, "URL"), r.url());
        item(dl, "Language").text(r.language() == null ? "—" : r.language());
        item(dl, "Status").text(r.skipped() ? "skipped: " + r.skipReason() : (r.status() == null ? "—" : r.status()));
    }

    private static Element item(Element dl, String name) {
        dl.appendElement("dt").text(name);
        return dl.appendElement("dd");
    }

    /** Collects the highlights in UTF-16 indices; returns how many had offsets outside the text. */
    private static int highlights(ReportArticle article, List<Highlight> out) {
        ArticleRecord r = article.record();
        Utf16Offsets offsets = article.offsets();
        int bad = 0;
        if (r.titleSpan() != null) {
            bad += add(out, offsets, r.titleSpan().start(), r.titleSpan().end(), Kind.TITLE, "title-text", null, null, null);
        }
        for (ArticleRecord.DroppedPart d : r.dropped()) {
            bad += add(out, offsets, d.start(), d.end(), Kind.DROPPED, "dropped", "not analysed: " + d.reason(), null, null);
        }
        for (int n = 0; n < r.narratives().size(); n++) {
            ArticleRecord.Narrative narrative = r.narratives().get(n);
            for (int e = 0; e < narrative.evidence().size(); e++) {
                ArticleRecord.EvidenceItem ev = narrative.evidence().get(e);
                bad += add(out, offsets, ev.start(), ev.end(), Kind.EVIDENCE, "evidence-span",
                        label(narrative) + (ev.rule() == null ? "" : " — " + ev.rule()), evidenceAnchor(n, e), null);
            }
        }
        for (ArticleRecord.Mention m : r.entities()) {
            boolean tracked = m.kbId() != null;
            String name = tracked ? (m.canonical() == null ? m.kbId() : m.canonical()) : m.text();
            String tooltip = name + " (" + (m.type() == null ? "?" : m.type()) + (tracked ? ", " + m.kbId() : "") + ")";
            bad += add(out, offsets, m.start(), m.end(), Kind.ENTITY, tracked ? "entity" : "entity untracked",
                    tooltip, null, m.kbId());
        }
        return bad;
    }

    private static int add(List<Highlight> out, Utf16Offsets offsets, int start, int end, Kind kind, String css,
                           String tooltip, String anchor, String kbId) {
        if (!offsets.valid(start, end)) {
            return 1;
        }
        if (start < end) {
            out.add(new Highlight(offsets.of(start), offsets.of(end), kind, css, tooltip, anchor, kbId));
        }
        return 0;
    }

    /**
     * Writes the text as segments between consecutive highlight boundaries; each segment is
     * wrapped in every highlight that covers it, outermost kind first. A sweep over highlights
     * sorted by start keeps this linear in the number of segments.
     */
    private static void text(Element container, String text, List<Highlight> highlights) {
        highlights.sort(Comparator.comparingInt(Highlight::start).thenComparing(Highlight::kind)
                .thenComparing(Comparator.comparingInt(Highlight::end).reversed()));
        TreeSet<Integer> boundaries = new TreeSet<>();
        boundaries.add(0);
        boundaries.add(text.length());
        for (Highlight h : highlights) {
            boundaries.add(h.start());
            boundaries.add(h.end());
        }
        List<Highlight> active = new ArrayList<>();
        int next = 0;
        Integer start = boundaries.first();
        for (Integer end = boundaries.higher(start); end != null; start = end, end = boundaries.higher(end)) {
            while (next < highlights.size() && highlights.get(next).start() <= start) {
                active.add(highlights.get(next++));
            }
            final int segmentStart = start;
            active.removeIf(h -> h.end() <= segmentStart);
            Element target = container;
            for (Highlight h : active.stream().sorted(Comparator.comparing(Highlight::kind)).toList()) {
                target = target.appendElement(h.kind() == Kind.ENTITY ? "mark" : "span").addClass(h.cssClass());
                if (h.tooltip() != null) {
                    target.attr("title", h.tooltip());
                }
                if (h.anchor() != null && h.start() == segmentStart) {
                    target.attr("id", h.anchor());
                }
                if (h.kbId() != null) {
                    target.attr("data-kb", h.kbId());
                }
            }
            target.appendText(text.substring(start, end));
        }
    }
}
