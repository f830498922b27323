package org.narrativewatch.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.output.ArticleRecord;

/**
 * Every aggregate count, built one article at a time. Memory is bounded by the number of distinct
 * narratives, days, weeks, outlets and tracked entities (and their products), never by the
 * number of articles: no article is kept after {@link #add} returns.
 */
final class Aggregates {
    private long articles;
    private long skipped;
    private long undated;
    private long withNarratives;
    /** See {@link #recordsDigest}. */
    private BigInteger recordsSum = BigInteger.ZERO;
    /** Bucket to {articles, articles with at least one narrative}. */
    private final Map<String, long[]> byDay = new TreeMap<>();
    private final Map<String, long[]> byWeek = new TreeMap<>();
    private final Map<String, long[]> bySource = new TreeMap<>();

    private final Map<String, NarrativeTotals> narratives = new TreeMap<>();
    private final NarrativeBuckets narrativeDay = new NarrativeBuckets();
    private final NarrativeBuckets narrativeWeek = new NarrativeBuckets();
    private final NarrativeBuckets narrativeSource = new NarrativeBuckets();
    private final PairCounts narrativeEntityArticles = new PairCounts();
    private final PairCounts narrativeEntityEvidence = new PairCounts();

    private final Map<String, EntityTotals> entities = new TreeMap<>();
    private final PairCounts coMentionSentences = new PairCounts();
    private final PairCounts coMentionArticles = new PairCounts();

    private final TopEvidence topEvidence;
    private static final BigInteger DIGEST_MODULUS = BigInteger.ONE.shiftLeft(256);

    /** The order of {@link EvidenceRow#BEST_FIRST} within one narrative of one article. */
    private static final Comparator<ArticleRecord.EvidenceItem> BEST_ITEM_FIRST =
            Comparator.comparingDouble(ArticleRecord.EvidenceItem::weight).reversed()
                    .thenComparingInt(ArticleRecord.EvidenceItem::start);

    /** What is known of a narrative across all articles. */
    static final class NarrativeTotals {
        final String title;
        long articles;
        /** Articles by the stance of their hit, indexed by {@link Stance#ordinal()}. */
        private final long[] byStance = new long[Stance.values().length];
        long evidence;
        String firstDay;
        String lastDay;

        NarrativeTotals(String title) {
            this.title = title;
        }

        /** Counts an article carrying the narrative; {@code stance} is its hit's, or null when unknown. */
        void count(Stance stance) {
            articles++;
            if (stance != null) {
                byStance[stance.ordinal()]++;
            }
        }

        /** Articles whose hit takes this stance. */
        long withStance(Stance stance) {
            return byStance[stance.ordinal()];
        }
    }

    /**
     * Articles carrying each narrative per bucket (day, week or outlet), and how many of them
     * assert it: the series a dashboard plots when a fact-check or a wire report that restates a
     * claim should not count as spreading it.
     */
    static final class NarrativeBuckets {
        private final PairCounts articles = new PairCounts();
        private final PairCounts asserting = new PairCounts();

        void add(String narrative, String bucket, Stance stance) {
            articles.add(narrative, bucket, 1);
            if (stance == Stance.ASSERTS) {
                asserting.add(narrative, bucket, 1);
            }
        }

        /** Articles carrying a narrative, whatever their stance. */
        PairCounts articles() {
            return articles;
        }

        /** Of those, the articles asserting it. */
        PairCounts asserting() {
            return asserting;
        }

        Table table(String name, String bucketColumn) {
            List<List<Object>> rows = new ArrayList<>();
            articles.all().forEach((narrative, row) -> row.forEach((bucket, n) ->
                    rows.add(Arrays.asList(narrative, bucket, n, asserting.get(narrative, bucket)))));
            return new Table(name, List.of("narrative", bucketColumn, "articles", "asserts"), rows);
        }
    }

    /** What is known of a tracked entity across all articles. */
    static final class EntityTotals {
        final String canonical;
        final String type;
        long mentions;
        long articles;

        EntityTotals(String canonical, String type) {
            this.canonical = canonical;
            this.type = type;
        }
    }

    Aggregates(int topEvidencePerNarrative) {
        this.topEvidence = new TopEvidence(topEvidencePerNarrative);
    }

    /** @param pagePath the article's page relative to the report folder, or null when pages are not written */
    void add(ReportArticle article, String pagePath) {
        ArticleRecord r = article.record();
        articles++;
        recordsSum = recordsSum.add(new BigInteger(1, HexFormat.of().parseHex(ArticleIds.sha256(r.id() + "\n"
                + r.contentHash())))).mod(DIGEST_MODULUS);
        if (r.skipped()) {
            skipped++;
        }
        if (article.date() == null) {
            undated++;
        }
        Map<String, ArticleRecord.Narrative> hits = article.hits();
        boolean carries = !hits.isEmpty();
        if (carries) {
            withNarratives++;
        }
        count(byDay, article.day(), carries);
        count(byWeek, article.week(), carries);
        count(bySource, article.outlet(), carries);

        Map<String, ArticleRecord.EntityCount> tracked = article.trackedEntities();
        tracked.forEach((kb, c) -> {
            EntityTotals e = entities.computeIfAbsent(kb, k -> new EntityTotals(c.canonical(), c.type()));
            e.mentions += c.mentions();
            e.articles++;
        });
        Set<String> pairs = new TreeSet<>();
        for (ArticleRecord.CoMention c : r.coMentions()) {
            if (c.a() == null || c.b() == null || c.a().equals(c.b())) {
                continue;
            }
            String a = c.a().compareTo(c.b()) < 0 ? c.a() : c.b();
            String b = a.equals(c.a()) ? c.b() : c.a();
            coMentionSentences.add(a, b, c.sentences().size());
            if (pairs.add(a + "\t" + b)) {
                coMentionArticles.add(a, b, 1);
            }
        }

        int narrativeIndex = 0;
        for (ArticleRecord.Narrative n : r.narratives()) {
            if (n.id() != null && hits.get(n.id()) == n) {
                addNarrative(article, n, narrativeIndex, tracked.keySet(), pagePath);
            }
            narrativeIndex++;
        }
    }

    private void addNarrative(ReportArticle article, ArticleRecord.Narrative n, int narrativeIndex,
                              Set<String> tracked, String pagePath) {
        NarrativeTotals t = narratives.computeIfAbsent(n.id(), k -> new NarrativeTotals(n.title()));
        // A hit without a stance (a record written before 0.4.0) counts among the narrative's
        // articles but under no stance.
        Stance stance = Stance.ofKeyOrNull(n.stance());
        t.count(stance);
        t.evidence += n.evidence().size();
        if (article.date() != null) {
            String day = article.day();
            t.firstDay = t.firstDay == null || day.compareTo(t.firstDay) < 0 ? day : t.firstDay;
            t.lastDay = t.lastDay == null || day.compareTo(t.lastDay) > 0 ? day : t.lastDay;
        }
        narrativeDay.add(n.id(), article.day(), stance);
        narrativeWeek.add(n.id(), article.week(), stance);
        narrativeSource.add(n.id(), article.outlet(), stance);
        for (String kb : tracked) {
            narrativeEntityArticles.add(n.id(), kb, 1);
        }
        int best = -1;
        for (int i = 0; i < n.evidence().size(); i++) {
            ArticleRecord.EvidenceItem ev = n.evidence().get(i);
            for (String kb : new TreeSet<>(ev.entities())) {
                narrativeEntityEvidence.add(n.id(), kb, 1);
            }
            if (best < 0 || BEST_ITEM_FIRST.compare(ev, n.evidence().get(best)) < 0) {
                best = i;
            }
        }
        if (best >= 0) {
            topEvidence.offer(evidenceRow(article, n, n.evidence().get(best),
                    pagePath == null ? null : pagePath + "#" + ArticlePage.evidenceAnchor(narrativeIndex, best)));
        }
    }

    private static EvidenceRow evidenceRow(ReportArticle article, ArticleRecord.Narrative n,
                                           ArticleRecord.EvidenceItem ev, String link) {
        ArticleRecord r = article.record();
        String sentence = article.sentenceText(ev.sentence());
        return new EvidenceRow(n.id(), article.id(), r.title(), r.url(), article.outlet(), article.day(),
                ev.sentence(), ev.start(), ev.end(), ev.text(), sentence == null ? ev.text() : sentence, ev.rule(),
                ev.weight(), n.score(), List.copyOf(new TreeSet<>(ev.entities())), ev.attributedTo(), ev.stance(), link);
    }

    private static void count(Map<String, long[]> buckets, String key, boolean carries) {
        long[] c = buckets.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (carries) {
            c[1]++;
        }
    }

    long articles() {
        return articles;
    }

    long skipped() {
        return skipped;
    }

    long undated() {
        return undated;
    }

    long withNarratives() {
        return withNarratives;
    }

    Map<String, NarrativeTotals> narratives() {
        return narratives;
    }

    Map<String, EntityTotals> entities() {
        return entities;
    }

    NarrativeBuckets narrativeDay() {
        return narrativeDay;
    }

    NarrativeBuckets narrativeSource() {
        return narrativeSource;
    }

    PairCounts narrativeEntityArticles() {
        return narrativeEntityArticles;
    }

    PairCounts coMentionSentences() {
        return coMentionSentences;
    }

    PairCounts coMentionArticles() {
        return coMentionArticles;
    }

    Map<String, long[]> bySource() {
        return bySource;
    }

    Map<String, List<EvidenceRow>> topEvidence() {
        return topEvidence.best();
    }

    /** Articles per narrative and per tracked entity, and the records counted: what the next run compares itself with. */
    RunCounts runCounts() {
        Map<String, Long> n = new TreeMap<>();
        narratives.forEach((id, t) -> n.put(id, t.articles));
        Map<String, Long> e = new TreeMap<>();
        entities.forEach((id, t) -> e.put(id, t.articles));
        return new RunCounts(articles, n, e, recordsDigest());
    }

    /**
     * Which records were counted, as 64 hex digits: the sum, modulo 2^256, of the SHA-256 of each
     * record's id and content hash. A sum and not a hash of the list, so it costs no memory per
     * article and does not depend on the order the records are read in; the same records give the
     * same digest, and other records (another id, or the same id with another text) another.
     */
    private String recordsDigest() {
        return String.format("%064x", recordsSum);
    }

    /** The aggregate tables, in the order docs/reports.md lists them. */
    List<Table> tables() {
        List<Table> out = new ArrayList<>();
        out.add(buckets("articles_by_day", "day", byDay));
        out.add(buckets("articles_by_week", "week", byWeek));
        out.add(buckets("articles_by_source", "source", bySource));

        List<List<Object>> rows = new ArrayList<>();
        narratives.forEach((id, t) -> rows.add(Arrays.asList(id, t.title, t.articles, t.withStance(Stance.ASSERTS),
                t.withStance(Stance.REPORTS), t.withStance(Stance.DISPUTES), t.evidence, t.firstDay, t.lastDay)));
        out.add(new Table("narratives", List.of("narrative", "title", "articles", "asserts", "reports", "disputes",
                "evidence", "first_day", "last_day"), rows));

        out.add(narrativeDay.table("narratives_by_day", "day"));
        out.add(narrativeWeek.table("narratives_by_week", "week"));
        out.add(narrativeSource.table("narratives_by_source", "source"));

        Map<String, Set<String>> cells = new TreeMap<>();
        for (PairCounts counts : List.of(narrativeEntityArticles, narrativeEntityEvidence)) {
            counts.all().forEach((narrative, row) -> cells.computeIfAbsent(narrative, k -> new TreeSet<>())
                    .addAll(row.keySet()));
        }
        List<List<Object>> matrix = new ArrayList<>();
        cells.forEach((narrative, kbs) -> kbs.forEach(kb -> matrix.add(Arrays.asList(narrative, kb, canonical(kb),
                narrativeEntityArticles.get(narrative, kb), narrativeEntityEvidence.get(narrative, kb)))));
        out.add(new Table("narrative_entities",
                List.of("narrative", "entity", "canonical", "articles", "evidence"), matrix));

        List<List<Object>> nodes = new ArrayList<>();
        entities.forEach((kb, e) -> nodes.add(Arrays.asList(kb, e.canonical, e.type, e.mentions, e.articles)));
        out.add(new Table("entities", List.of("entity", "canonical", "type", "mentions", "articles"), nodes));

        List<List<Object>> edges = new ArrayList<>();
        coMentionSentences.all().forEach((a, row) -> row.forEach((b, sentences) -> edges.add(Arrays.asList(
                a, b, canonical(a), canonical(b), sentences, coMentionArticles.get(a, b)))));
        out.add(new Table("co_mentions",
                List.of("entity_a", "entity_b", "canonical_a", "canonical_b", "sentences", "articles"), edges));

        List<List<Object>> evidence = new ArrayList<>();
        topEvidence().forEach((narrative, list) -> {
            for (int i = 0; i < list.size(); i++) {
                EvidenceRow e = list.get(i);
                evidence.add(Arrays.asList(narrative, i + 1, e.articleId(), e.title(), e.url(), e.source(), e.day(),
                        e.sentence(), e.start(), e.end(), e.text(), e.sentenceText(), e.rule(), e.weight(), e.score(),
                        e.entities(), e.attributedTo(), e.stance(), e.page()));
            }
        });
        out.add(new Table("top_evidence", List.of("narrative", "rank", "article", "title", "url", "source", "day",
                "sentence", "start", "end", "text", "sentence_text", "rule", "weight", "score", "entities",
                "attributed_to", "stance", "page"), evidence));
        return out;
    }

    private String canonical(String kb) {
        EntityTotals e = entities.get(kb);
        return e == null ? null : e.canonical;
    }

    private static Table buckets(String name, String key, Map<String, long[]> buckets) {
        List<List<Object>> rows = new ArrayList<>();
        buckets.forEach((k, c) -> rows.add(Arrays.asList(k, c[0], c[1])));
        return new Table(name, List.of(key, "articles", "with_narratives"), rows);
    }
}
