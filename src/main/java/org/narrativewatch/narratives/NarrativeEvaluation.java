package org.narrativewatch.narratives;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.pipeline.Pipeline;

/**
 * Scores the catalog against labelled texts: every text goes through the same pipeline as
 * {@code analyze}; a text is predicted to carry an external label when a narrative mapped to that
 * label fires. Per label: precision, recall, F1 and support; then macro-F1 (mean over labels) and
 * micro-F1 (over all label decisions); optionally the first false positives and negatives per
 * label, with the evidence, for refining rules.
 */
public final class NarrativeEvaluation {
    /**
     * @param scheme  label scheme in the catalog's {@code labels} (e.g. euvsdisinfo)
     * @param only    labels to score, or null for every label the catalog maps
     * @param errors  false positives and false negatives to list per label
     * @param threads worker threads
     */
    public record Options(String scheme, Set<String> only, int errors, int threads) {
    }

    /** Per-label counts. */
    private static final class Counts {
        int tp;
        int fp;
        int fn;
        int support;
        final List<ObjectNode> falsePositives = new ArrayList<>();
        final List<ObjectNode> falseNegatives = new ArrayList<>();
    }

    private NarrativeEvaluation() {
    }

    /**
     * How a label is compared between the catalog, {@code --labels} and the gold file: case, runs of
     * white space and spaces around '/' do not count. Label lists are typed by hand and exported by
     * different tools over the years ("Secret elites / global elites" and "Secret elites/Global
     * elites", "election meddling" and "Election meddling"), and a spelling difference must not turn
     * a label's score into zero.
     */
    static String labelKey(String label) {
        return label.strip().replaceAll("\\s+", " ").replaceAll(" ?/ ?", "/").toLowerCase(Locale.ROOT);
    }

    private static Set<String> labelKeys(Iterable<String> labels) {
        Set<String> keys = new LinkedHashSet<>();
        labels.forEach(l -> keys.add(labelKey(l)));
        return keys;
    }

    /**
     * The labels of {@code wanted} that no narrative of the catalog maps in the scheme, compared as
     * the evaluation compares labels ({@link #labelKey}); empty when every one can be scored.
     */
    public static List<String> unmappedLabels(Catalog catalog, String scheme, Iterable<String> wanted) {
        Set<String> mapped = labelKeys(catalog.labels(scheme));
        List<String> unmapped = new ArrayList<>();
        for (String label : wanted) {
            if (!mapped.contains(labelKey(label))) {
                unmapped.add(label);
            }
        }
        return unmapped;
    }

    /** Runs the pipeline over every item, in parallel, keeping input order. */
    public static List<List<NarrativeHit>> predict(Pipeline pipeline, List<GoldSet.Item> items, String file, int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            int chunk = 64;
            List<Future<List<List<NarrativeHit>>>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += chunk) {
                List<GoldSet.Item> part = items.subList(from, Math.min(items.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    List<List<NarrativeHit>> out = new ArrayList<>(part.size());
                    for (GoldSet.Item item : part) {
                        Article article = new Article(item.id(), item.text(), null, null, null, null,
                                item.date() == null ? null : item.date().toString(), "en",
                                new Origin(file, item.line()), List.of());
                        Doc doc = pipeline.process(article);
                        out.add(doc.narratives());
                    }
                    return out;
                }));
            }
            List<List<NarrativeHit>> all = new ArrayList<>(items.size());
            for (Future<List<List<NarrativeHit>>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } catch (ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The report: per-label scores, macro/micro F1 and, when asked, errors per label. */
    public static ObjectNode score(Catalog catalog, List<GoldSet.Item> items, List<List<NarrativeHit>> predictions,
                                   Options options) {
        Set<String> only = options.only() == null ? null : labelKeys(options.only());
        Map<String, List<String>> narrativesByLabel = new LinkedHashMap<>();
        for (Narrative n : catalog.narratives()) {
            for (String label : n.labels(options.scheme())) {
                if (only == null || only.contains(labelKey(label))) {
                    narrativesByLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(n.id());
                }
            }
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (String label : narrativesByLabel.keySet()) {
            counts.put(label, new Counts());
        }
        for (int i = 0; i < items.size(); i++) {
            GoldSet.Item item = items.get(i);
            List<NarrativeHit> hits = predictions.get(i);
            Set<String> predicted = new LinkedHashSet<>();
            for (NarrativeHit h : hits) {
                Narrative n = catalog.narrative(h.id());
                if (n != null) {
                    predicted.addAll(labelKeys(n.labels(options.scheme())));
                }
            }
            Set<String> goldLabels = labelKeys(item.labels());
            for (Map.Entry<String, Counts> e : counts.entrySet()) {
                String label = e.getKey();
                Counts c = e.getValue();
                boolean gold = goldLabels.contains(labelKey(label));
                boolean pred = predicted.contains(labelKey(label));
                if (gold) {
                    c.support++;
                }
                if (gold && pred) {
                    c.tp++;
                } else if (pred) {
                    c.fp++;
                    if (c.falsePositives.size() < options.errors()) {
                        c.falsePositives.add(error(item, hits, narrativesByLabel.get(label)));
                    }
                } else if (gold) {
                    c.fn++;
                    if (c.falseNegatives.size() < options.errors()) {
                        c.falseNegatives.add(error(item, hits, null));
                    }
                }
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode report = f.objectNode();
        report.put("documents", items.size());
        report.put("scheme", options.scheme());
        ObjectNode labels = report.putObject("labels");
        double macro = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, Counts> e : counts.entrySet()) {
            Counts c = e.getValue();
            double p = ratio(c.tp, c.tp + c.fp);
            double r = ratio(c.tp, c.tp + c.fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            macro += f1;
            tp += c.tp;
            fp += c.fp;
            fn += c.fn;
            ObjectNode l = labels.putObject(e.getKey());
            l.put("precision", round(p));
            l.put("recall", round(r));
            l.put("f1", round(f1));
            l.put("support", c.support);
            l.put("predicted", c.tp + c.fp);
            l.put("true_positives", c.tp);
            ArrayNode ns = l.putArray("narratives");
            narrativesByLabel.get(e.getKey()).forEach(ns::add);
        }
        double microP = ratio(tp, tp + fp);
        double microR = ratio(tp, tp + fn);
        report.put("macro_f1", round(counts.isEmpty() ? 0 : macro / counts.size()));
        report.put("micro_precision", round(microP));
        report.put("micro_recall", round(microR));
        report.put("micro_f1", round(microP + microR == 0 ? 0 : 2 * microP * microR / (microP + microR)));
        report.put("label_count", counts.size());
        if (options.errors() > 0) {
            ObjectNode errors = report.putObject("errors");
            for (Map.Entry<String, Counts> e : counts.entrySet()) {
                ObjectNode l = errors.putObject(e.getKey());
                l.putArray("false_positives").addAll(e.getValue().falsePositives);
                l.putArray("false_negatives").addAll(e.getValue().falseNegatives);
            }
        }
        return report;
    }

    /** Writes one JSON line per item (atomically): what the catalog predicted next to the gold labels. */
    public static void writePredictions(java.nio.file.Path file, Catalog catalog, List<GoldSet.Item> items,
                                        List<List<NarrativeHit>> predictions, String scheme) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            GoldSet.Item item = items.get(i);
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("id", item.id());
            line.put("date", item.date() == null ? null : item.date().toString());
            line.put("text", item.text());
            ArrayNode gold = line.putArray("gold");
            item.labels().forEach(gold::add);
            ArrayNode predicted = line.putArray("predicted");
            ArrayNode narratives = line.putArray("narratives");
            Set<String> labels = new LinkedHashSet<>();
            for (NarrativeHit h : predictions.get(i)) {
                narratives.add(h.id());
                Narrative n = catalog.narrative(h.id());
                if (n != null) {
                    labels.addAll(n.labels(scheme));
                }
            }
            labels.forEach(predicted::add);
            out.append(json.writeValueAsString(line)).append('\n');
        }
        AtomicFiles.write(file, out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One misclassified text: what it says, its gold labels and what fired (with the rules that did). */
    private static ObjectNode error(GoldSet.Item item, List<NarrativeHit> hits, List<String> onlyNarratives) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("id", item.id());
        e.put("line", item.line());
        e.put("text", item.text());
        ArrayNode gold = e.putArray("gold");
        item.labels().forEach(gold::add);
        ArrayNode fired = e.putArray("fired");
        for (NarrativeHit h : hits) {
            if (onlyNarratives != null && !onlyNarratives.contains(h.id())) {
                continue;
            }
            ObjectNode hit = fired.addObject();
            hit.put("narrative", h.id());
            ArrayNode ev = hit.putArray("evidence");
            for (Evidence x : h.evidence()) {
                ev.add(x.rule() + ": " + x.text());
            }
        }
        return e;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
