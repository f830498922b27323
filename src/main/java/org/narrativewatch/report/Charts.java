package org.narrativewatch.report;

import org.narrativewatch.output.PublishedDate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.narrativewatch.doc.Stance;

/**
 * Server-rendered SVG charts for the index page: no script, no outside library, so they show
 * the same in a browser offline, in a screenshot and in an e-mailed file. Every mark carries a
 * {@code <title>} so hovering shows its exact count.
 */
final class Charts {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};
    static final int TIMELINE_SERIES = 8;
    static final int HEATMAP_ROWS = 15;
    static final int HEATMAP_COLUMNS = 20;
    static final int NETWORK_NODES = 30;

    private static final int WIDTH = 960;

    private Charts() {
    }

    /** Time unit of the timeline: days for up to three months, weeks for up to three years, else months. */
    enum Granularity {
        DAY, WEEK, MONTH;

        static Granularity forRange(LocalDate first, LocalDate last) {
            long days = ChronoUnit.DAYS.between(first, last);
            return days <= 92 ? DAY : days <= 3 * 366 ? WEEK : MONTH;
        }

        String key(LocalDate day) {
            return switch (this) {
                case DAY -> day.toString();
                case WEEK -> PublishedDate.weekKey(new PublishedDate(day, day.toString()));
                case MONTH -> day.toString().substring(0, 7);
            };
        }

        LocalDate step(LocalDate day) {
            return switch (this) {
                case DAY -> day.plusDays(1);
                case WEEK -> day.plusWeeks(1);
                case MONTH -> day.plusMonths(1);
            };
        }
    }

    /** Narratives with the most articles first (ties by id): the series and rows the charts show. */
    static List<String> topNarratives(Aggregates agg, int limit) {
        return agg.narratives().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Aggregates.NarrativeTotals> e) -> -e.getValue().articles)
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    static String narrativeLabel(Aggregates agg, String id) {
        String title = agg.narratives().get(id).title;
        return title == null || title.isBlank() ? id : title;
    }

    /**
     * Articles per narrative over time, two lines per narrative: a solid one for the articles asserting
     * it and a dashed one for all that carry it, so that a narrative spread by fact-checks and reports of
     * it does not look like one outlets push. Undated articles are in their own slot.
     */
    static Element timeline(Element parent, Aggregates agg) {
        List<String> series = topNarratives(agg, TIMELINE_SERIES);
        LocalDate first = null;
        LocalDate last = null;
        for (String id : series) {
            for (String day : agg.narrativeDay().articles().row(id).keySet()) {
                if (!PublishedDate.UNDATED.equals(day)) {
                    LocalDate d = LocalDate.parse(day);
                    first = first == null || d.isBefore(first) ? d : first;
                    last = last == null || d.isAfter(last) ? d : last;
                }
            }
        }
        List<String> buckets = new ArrayList<>();
        Granularity unit = Granularity.DAY;
        if (first != null) {
            unit = Granularity.forRange(first, last);
            String lastKey = unit.key(last);
            for (LocalDate d = first; ; d = unit.step(d)) {
                String key = unit.key(d);
                if (buckets.isEmpty() || !buckets.get(buckets.size() - 1).equals(key)) {
                    buckets.add(key);
                }
                if (key.equals(lastKey)) {
                    break;
                }
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        buckets.forEach(b -> index.put(b, index.size()));
        Binned[] all = new Binned[series.size()];
        Binned[] asserting = new Binned[series.size()];
        long max = 1;
        for (int s = 0; s < series.size(); s++) {
            all[s] = Binned.of(agg.narrativeDay().articles().row(series.get(s)), unit, index);
            asserting[s] = Binned.of(agg.narrativeDay().asserting().row(series.get(s)), unit, index);
            for (long c : all[s].dated()) {
                max = Math.max(max, c);
            }
            max = Math.max(max, all[s].undated());
        }
        boolean anyUndated = java.util.Arrays.stream(all).anyMatch(b -> b.undated() > 0);

        int height = 340;
        int left = 44;
        int top = 16;
        int bottom = 44;
        int undatedWidth = anyUndated ? 70 : 0;
        int plotWidth = WIDTH - left - 16 - undatedWidth;
        int plotHeight = height - top - bottom;
        if (series.isEmpty()) {
            return empty(parent, "timeline", "No narrative found in these articles.");
        }
        Element svg = svg(parent, "timeline", WIDTH, height,
                "Articles per narrative per " + unit.name().toLowerCase(Locale.ROOT));
        svg.attr("data-buckets", Integer.toString(buckets.size())).attr("data-unit", unit.name().toLowerCase(Locale.ROOT));
        final long yMax = max;
        Function<Long, Double> y = v -> top + plotHeight - (double) v / yMax * plotHeight;
        for (long tick : ticks(max)) {
            double ty = y.apply(tick);
            line(svg, left, ty, WIDTH - 16, ty, "#e5e7eb", 1);
            text(svg, left - 6, ty + 4, Long.toString(tick)).attr("text-anchor", "end");
        }
        int n = buckets.size();
        double band = n == 0 ? 0 : (double) plotWidth / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int i = 0; i < n; i += labelEvery) {
            text(svg, left + (i + 0.5) * band, height - bottom + 16, buckets.get(i)).attr("text-anchor", "middle");
        }
        text(svg, left, height - 8, "per " + unit.name().toLowerCase(Locale.ROOT)).attr("fill", "#656d76");
        double undatedX = WIDTH - 16 - undatedWidth / 2.0;
        if (anyUndated) {
            line(svg, WIDTH - 16 - undatedWidth, top, WIDTH - 16 - undatedWidth, top + plotHeight, "#8c959f", 1)
                    .attr("stroke-dasharray", "4 3");
            text(svg, undatedX, height - bottom + 16, PublishedDate.UNDATED).attr("text-anchor", "middle");
        }
        for (int s = 0; s < series.size(); s++) {
            String color = PALETTE[s % PALETTE.length];
            String label = narrativeLabel(agg, series.get(s));
            Element g = svg.appendElement("g").addClass("series").attr("data-narrative", series.get(s));
            if (n > 1) {
                g.appendElement("polyline").addClass("all").attr("points", points(all[s].dated(), left, band, y))
                        .attr("fill", "none").attr("stroke", color).attr("stroke-width", "1.5")
                        .attr("stroke-dasharray", "5 4");
                g.appendElement("polyline").addClass("asserting")
                        .attr("points", points(asserting[s].dated(), left, band, y))
                        .attr("fill", "none").attr("stroke", color).attr("stroke-width", "2");
            }
            for (int i = 0; i < n; i++) {
                stanceDots(g, left + (i + 0.5) * band, y, 3, color, all[s].dated()[i], asserting[s].dated()[i],
                        label + " — " + buckets.get(i));
            }
            double dx = undatedX + (s - (series.size() - 1) / 2.0) * 5;
            stanceDots(g, dx, y, 4, color, all[s].undated(), asserting[s].undated(), label + " — undated");
        }
        Element key = parent.appendElement("ul").addClass("legend");
        key.appendElement("li").appendText("articles asserting the narrative: solid line, filled dot")
                .prependElement("i").addClass("solid");
        key.appendElement("li").appendText("all articles carrying it: dashed line, open dot where there are more")
                .prependElement("i").addClass("dashed");
        Element legend = parent.appendElement("ul").addClass("legend");
        for (int s = 0; s < series.size(); s++) {
            Aggregates.NarrativeTotals totals = agg.narratives().get(series.get(s));
            Element li = legend.appendElement("li");
            li.appendElement("i").attr("style", "background:" + PALETTE[s % PALETTE.length]);
            li.appendText(narrativeLabel(agg, series.get(s)) + " ("
                    + assertingOf(totals.withStance(Stance.ASSERTS), totals.articles) + ")");
        }
        return svg;
    }

    /** A narrative's counts per time bucket of the timeline, in the order of the buckets, and its undated count. */
    private record Binned(long[] dated, long undated) {
        static Binned of(Map<String, Long> byDay, Granularity unit, Map<String, Integer> index) {
            long[] dated = new long[index.size()];
            long undated = 0;
            for (Map.Entry<String, Long> e : byDay.entrySet()) {
                if (PublishedDate.UNDATED.equals(e.getKey())) {
                    undated += e.getValue();
                } else {
                    dated[index.get(unit.key(LocalDate.parse(e.getKey())))] += e.getValue();
                }
            }
            return new Binned(dated, undated);
        }
    }

    /** A line's points: one per time bucket, at its middle. */
    private static String points(long[] counts, int left, double band, Function<Long, Double> y) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            points.append(i == 0 ? "" : " ").append(fmt(left + (i + 0.5) * band)).append(',')
                    .append(fmt(y.apply(counts[i])));
        }
        return points.toString();
    }

    /**
     * The dots of a narrative in one time bucket: a filled one at the articles asserting it, and an open one
     * at all the articles carrying it when there are more of those. Both tell the two counts on hover.
     */
    private static void stanceDots(Element series, double x, Function<Long, Double> y, double r, String color,
                                   long all, long asserting, String what) {
        String tooltip = what + ": " + assertingOf(asserting, all);
        if (all > asserting) {
            dot(series, x, y.apply(all), r, "#fff", tooltip).addClass("all").attr("stroke", color)
                    .attr("stroke-width", "1.5");
        }
        if (asserting > 0) {
            dot(series, x, y.apply(asserting), r, color, tooltip).addClass("asserting");
        }
    }

    /** How the charts tell the two counts of a narrative: "2 asserting of 3 articles". */
    static String assertingOf(long asserting, long all) {
        return asserting + " asserting of " + all + " articles";
    }

    /**
     * Articles per narrative (rows) and outlet (columns), shaded by the articles asserting the narrative,
     * so that an outlet that fact-checks a claim does not look like one that spreads it. A cell's number is
     * those articles, followed by all the articles carrying the narrative ("1/3") when some do not assert it.
     */
    static Element heatmap(Element parent, Aggregates agg) {
        List<String> rows = topNarratives(agg, HEATMAP_ROWS);
        List<String> columns = agg.bySource().entrySet().stream()
                .filter(e -> e.getValue()[1] > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(HEATMAP_COLUMNS).map(Map.Entry::getKey).toList();
        int labelWidth = 250;
        int top = 120;
        int cell = columns.isEmpty() ? 40 : Math.min(40, (WIDTH - labelWidth - 20) / columns.size());
        int rowHeight = 24;
        int height = Math.max(160, top + rows.size() * rowHeight + 12);
        if (rows.isEmpty() || columns.isEmpty()) {
            return empty(parent, "heatmap", "No narrative found in these articles.");
        }
        Element svg = svg(parent, "heatmap", WIDTH, height, "Articles asserting each narrative, per outlet");
        PairCounts all = agg.narrativeSource().articles();
        PairCounts asserting = agg.narrativeSource().asserting();
        long max = 1;
        for (String r : rows) {
            for (String c : columns) {
                max = Math.max(max, asserting.get(r, c));
            }
        }
        for (int j = 0; j < columns.size(); j++) {
            double x = labelWidth + (j + 0.5) * cell;
            text(svg, x, top - 8, shorten(columns.get(j), 22))
                    .attr("transform", "rotate(-45 " + fmt(x) + " " + (top - 8) + ")");
        }
        for (int i = 0; i < rows.size(); i++) {
            double y = top + i * rowHeight;
            String narrative = rows.get(i);
            text(svg, labelWidth - 8, y + rowHeight / 2.0 + 4, shorten(narrativeLabel(agg, narrative), 40))
                    .attr("text-anchor", "end");
            for (int j = 0; j < columns.size(); j++) {
                String source = columns.get(j);
                long carrying = all.get(narrative, source);
                long asserts = asserting.get(narrative, source);
                double shade = asserts == 0 ? 0 : 0.12 + 0.88 * asserts / max;
                Element rect = svg.appendElement("rect").addClass("cell")
                        .attr("data-narrative", narrative).attr("data-source", source)
                        .attr("x", fmt(labelWidth + j * cell + 1)).attr("y", fmt(y + 1))
                        .attr("width", fmt(cell - 2)).attr("height", fmt(rowHeight - 2))
                        .attr("fill", asserts == 0 ? "#f6f8fa" : "#b2182b")
                        .attr("fill-opacity", fmt(asserts == 0 ? 1 : shade));
                rect.appendElement("title").text(narrativeLabel(agg, narrative) + " — " + source + ": "
                        + assertingOf(asserts, carrying));
                if (carrying > 0) {
                    Element number = text(svg, labelWidth + (j + 0.5) * cell, y + rowHeight / 2.0 + 4,
                            asserts == carrying ? Long.toString(asserts) : asserts + "/" + carrying)
                            .addClass("cell-label").attr("text-anchor", "middle")
                            .attr("fill", shade > 0.55 ? "#fff" : "#1f2328");
                    if (asserts != carrying) {
                        number.addClass("partial"); // two numbers in a cell made for one: a smaller font
                    }
                }
            }
        }
        return svg;
    }

    /** Tracked entities on a circle; a line's width grows with the sentences that mention both ends. */
    static Element network(Element parent, Aggregates agg) {
        Map<String, Long> degree = new TreeMap<>();
        agg.coMentionSentences().all().forEach((a, row) -> row.forEach((b, w) -> {
            degree.merge(a, w, Long::sum);
            degree.merge(b, w, Long::sum);
        }));
        Comparator<String> byWeight = Comparator.comparingLong((String id) -> -degree.getOrDefault(id, 0L))
                .thenComparingLong(id -> -agg.entities().get(id).mentions)
                .thenComparing(Function.identity());
        List<String> nodes = agg.entities().keySet().stream().sorted(byWeight).limit(NETWORK_NODES).toList();
        if (nodes.isEmpty()) {
            return empty(parent, "network", "No tracked entity found in these articles.");
        }
        int height = 600;
        Element svg = svg(parent, "network", WIDTH, height, "Tracked entities mentioned in the same sentence");
        double cx = WIDTH / 2.0;
        double cy = height / 2.0;
        double radius = 220;
        Map<String, double[]> at = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / nodes.size();
            at.put(nodes.get(i), new double[] {cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), angle});
        }
        long maxWeight = 1;
        for (String a : nodes) {
            for (Map.Entry<String, Long> e : agg.coMentionSentences().row(a).entrySet()) {
                if (at.containsKey(e.getKey())) {
                    maxWeight = Math.max(maxWeight, e.getValue());
                }
            }
        }
        Element edges = svg.appendElement("g").addClass("edges");
        for (String a : nodes) {
            for (Map.Entry<String, Long> e : agg.coMentionSentences().row(a).entrySet()) {
                double[] p = at.get(a);
                double[] q = at.get(e.getKey());
                if (q == null) {
                    continue;
                }
                double share = (double) e.getValue() / maxWeight;
                Element edge = line(edges, p[0], p[1], q[0], q[1], "#57606a", 0.8 + 5 * Math.sqrt(share))
                        .addClass("edge").attr("stroke-opacity", fmt(0.3 + 0.5 * share));
                edge.appendElement("title").text(name(agg, a) + " — " + name(agg, e.getKey()) + ": "
                        + e.getValue() + " sentences in " + agg.coMentionArticles().get(a, e.getKey()) + " articles");
            }
        }
        long maxMentions = nodes.stream().mapToLong(id -> agg.entities().get(id).mentions).max().orElse(1);
        List<String> types = nodes.stream().map(id -> typeOf(agg, id)).distinct().sorted().toList();
        Element dots = svg.appendElement("g").addClass("nodes");
        for (String id : nodes) {
            double[] p = at.get(id);
            Aggregates.EntityTotals e = agg.entities().get(id);
            double r = 4 + 10 * Math.sqrt((double) e.mentions / Math.max(1, maxMentions));
            String color = PALETTE[types.indexOf(typeOf(agg, id)) % PALETTE.length];
            dot(dots, p[0], p[1], r, color, name(agg, id) + " (" + id + "): " + e.mentions + " mentions in "
                    + e.articles + " articles").addClass("node").attr("stroke", "#fff").attr("stroke-width", "1.5");
            double cos = Math.cos(p[2]);
            double lx = cx + (radius + r + 6) * cos;
            double ly = cy + (radius + r + 6) * Math.sin(p[2]) + 4;
            text(svg, lx, ly, shorten(name(agg, id), 28))
                    .attr("text-anchor", cos > 0.15 ? "start" : cos < -0.15 ? "end" : "middle");
        }
        Element legend = parent.appendElement("ul").addClass("legend");
        for (int t = 0; t < types.size(); t++) {
            Element li = legend.appendElement("li");
            li.appendElement("i").attr("style", "background:" + PALETTE[t % PALETTE.length]);
            li.appendText(types.get(t));
        }
        return svg;
    }

    private static String typeOf(Aggregates agg, String id) {
        String type = agg.entities().get(id).type;
        return type == null ? "other" : type;
    }

    private static String name(Aggregates agg, String id) {
        Aggregates.EntityTotals e = agg.entities().get(id);
        return e == null || e.canonical == null ? id : e.canonical;
    }

    private static Element svg(Element parent, String kind, int width, int height, String title) {
        Element svg = parent.appendElement("svg").addClass("chart").addClass(kind)
                .attr("viewBox", "0 0 " + width + " " + height).attr("role", "img");
        svg.appendElement("title").text(title);
        return svg;
    }

    /** A low chart frame holding only a message, when there is nothing to draw. */
    private static Element empty(Element parent, String kind, String message) {
        int height = 60;
        Element svg = svg(parent, kind, WIDTH, height, message).addClass("empty");
        text(svg, WIDTH / 2.0, height / 2.0 + 4, message).attr("text-anchor", "middle").attr("fill", "#656d76");
        return svg;
    }

    private static Element line(Element parent, double x1, double y1, double x2, double y2, String color, double width) {
        return parent.appendElement("line").attr("x1", fmt(x1)).attr("y1", fmt(y1)).attr("x2", fmt(x2))
                .attr("y2", fmt(y2)).attr("stroke", color).attr("stroke-width", fmt(width));
    }

    private static Element dot(Element parent, double x, double y, double r, String color, String tooltip) {
        Element c = parent.appendElement("circle").attr("cx", fmt(x)).attr("cy", fmt(y)).attr("r", fmt(r))
                .attr("fill", color);
        c.appendElement("title").text(tooltip);
        return c;
    }

    private static Element text(Element parent, double x, double y, String content) {
        return parent.appendElement("text").attr("x", fmt(x)).attr("y", fmt(y)).text(content);
    }

    /** About four round steps from zero to {@code max}. */
    static List<Long> ticks(long max) {
        long raw = Math.max(1, (long) Math.ceil(max / 4.0));
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        long step = magnitude;
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        List<Long> out = new ArrayList<>();
        for (long t = 0; t <= max; t += step) {
            out.add(t);
        }
        return out;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
