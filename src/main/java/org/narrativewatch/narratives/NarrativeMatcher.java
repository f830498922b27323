package org.narrativewatch.narratives;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Evidence;
import org.narrativewatch.doc.InvisibleCharacters;
import org.narrativewatch.doc.NarrativeHit;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Span;
import org.narrativewatch.doc.Stance;
import org.narrativewatch.doc.Token;

/**
 * Finds every catalog narrative in an analysed article in one pass over its sentences: per
 * sentence, group mentions (tracked entities and group words) and all rule phrases are found by
 * one indexed scan, then each rule whose trigger matched checks its constraints. An article
 * carries a narrative when the summed weight of its evidence reaches the narrative's threshold.
 * Immutable and thread-safe.
 */
public final class NarrativeMatcher {
    /** Lemmas (or texts) that negate a trigger when they stand just before it or inside it. */
    static final Set<String> NEGATION_CUES = Set.of("not", "n't", "never", "no", "neither", "nor", "cannot",
            "deny", "refute");
    /**
     * Lemmas that negate what follows them when "to" comes next: "were unable to guarantee security", "failed to
     * ensure" (and "could not", through "not").
     */
    static final Set<String> NEGATION_BEFORE_TO = Set.of("unable", "fail", "inability");
    /** How many tokens before a trigger a negation cue reaches. */
    static final int NEGATION_WINDOW = 3;
    /** Tokens that may close a sentence after its final punctuation. */
    private static final Set<String> CLOSERS = Set.of("\"", "''", "”", "’", "'", "»", ")", "]");
    /** Words that open an indirect question after "ask": "asked whether ...", "asked if ...". */
    private static final Set<String> QUESTION_OPENERS = Set.of("whether", "if");
    /** How many tokens may stand between "ask" and its "whether" or "if": "asked by reporters whether". */
    private static final int ASKED_WHOM_TOKENS = 4;
    /**
     * A text of at most this many sentences is a claim (a claim as a disinformation database records it,
     * a post, a headline on its own), where rules read as their {@code claim:} reading says; every
     * EUvsDisinfo claim title has one to three sentences, every PTC article five or more.
     */
    public static final int CLAIM_SENTENCES = 3;
    /**
     * How many sentences before or after a piece of evidence an article's naming of the narrative's context
     * reaches: the evidence's own sentence and the ones next to it ("In Sweden the crime rate rose. The invaders
     * bring crime."). A subject the article names once, further from the claim ("Trump told reporters before
     * departing for Paris" closing a story on the US border), is a passing mention; named twice in the article,
     * or in its title, it is what the article is about. On the stance sets and the judged PTC hits a reach of 0
     * to 3 sentences keeps and removes the same hits (docs/narratives-evaluation.md, "Context near the claim").
     */
    static final int CONTEXT_REACH = 1;

    /**
     * How a text is read. A claim takes the rules' claim readings and needs no context or framing; an article
     * takes the rules as written, must name each narrative's context and framing and reach its article
     * threshold; one sentence of an article (how the catalog's negative examples are read) is read as an
     * article, with the plain threshold, since a single sentence could never reach an article threshold of
     * several pieces of evidence.
     */
    public enum Reading { CLAIM, ARTICLE, ARTICLE_SENTENCE }

    /** A rule with the slots its phrase lists report their matches under. */
    private record CompiledRule(int narrative, Rule rule, int triggerSlot, int[] withSlots, int withoutSlot) {
    }

    /**
     * What each slot's phrases matched in one sentence: token spans {start, end} in the order found. The
     * {@code with} and {@code without} constraints look for the match nearest each trigger through an
     * index, so a sentence with many triggers and many matches costs no scan of all matches per trigger.
     */
    private static final class SlotMatches {
        private final List<int[]>[] found;
        /** Per slot, its matches indexed by position; made on the first lookup, as most sentences need none. */
        private SpanIndex<int[]>[] indexes;

        @SuppressWarnings("unchecked")
        SlotMatches(int slots) {
            found = new List[slots];
        }

        void add(int slot, int start, int end) {
            if (found[slot] == null) {
                found[slot] = new ArrayList<>(2);
            }
            found[slot].add(new int[] {start, end});
            if (indexes != null) {
                indexes[slot] = null;
            }
        }

        /** The slot's matches in the order found, or null when it has none. */
        List<int[]> get(int slot) {
            return found[slot];
        }

        /** The slot's match nearest the trigger, within {@code within} tokens (0: anywhere), or null. */
        @SuppressWarnings("unchecked")
        int[] nearest(int slot, int[] trigger, int within) {
            if (found[slot] == null) {
                return null;
            }
            if (indexes == null) {
                indexes = new SpanIndex[found.length];
            }
            if (indexes[slot] == null) {
                indexes[slot] = new SpanIndex<>(found[slot], m -> m[0], m -> m[1]);
            }
            return indexes[slot].nearest(trigger[0], trigger[1], within);
        }

        /**
         * Whether the slot has a match within {@code within} tokens of the trigger (0: anywhere), as {@link
         * #nearest} measures, that shares no token with the speaker tag: wholly before or wholly after it.
         */
        boolean reachesOutside(int slot, int[] trigger, int within, Attribution.Speaker speaker) {
            if (nearest(slot, trigger, within) == null) {
                return false;
            }
            if (speaker.tagStart() >= speaker.tagEnd()) {
                return true;
            }
            SpanIndex<int[]> index = indexes[slot];
            if (within == 0) {
                return index.endingLastBy(speaker.tagStart(), 0) != null
                        || index.startingFirstFrom(speaker.tagEnd(), 0) != null;
            }
            // The matches that start at most `within` tokens after the trigger and end at most `within` before it.
            for (int[] m : index.overlapping(trigger[0] - within - 1, trigger[1] + within + 1)) {
                if (!speaker.tags(m[0], m[1])) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Catalog catalog;
    private final List<CompiledRule> rules = new ArrayList<>();
    private final PhraseIndex rulePhrases = new PhraseIndex();
    private final PhraseIndex groupWords = new PhraseIndex();
    /** Per narrative, the slot its context phrases report under, or -1 when it has none. */
    private final int[] contextSlots;
    /** Per narrative, the slot its framing phrases report under, or -1 when it has none. */
    private final int[] framingSlots;
    private final int slotCount;
    private final boolean tokensRegex;

    public NarrativeMatcher(Catalog catalog) {
        this.catalog = catalog;
        List<Group> groups = catalog.groups();
        for (int g = 0; g < groups.size(); g++) {
            for (Phrase p : groups.get(g).words()) {
                groupWords.add(p, g);
            }
        }
        int slot = 0;
        List<Narrative> narratives = catalog.narratives();
        contextSlots = new int[narratives.size()];
        framingSlots = new int[narratives.size()];
        for (int n = 0; n < narratives.size(); n++) {
            Narrative narrative = narratives.get(n);
            int contextSlot = narrative.context().isEmpty() ? -1 : slot++;
            int framingSlot = narrative.framing().isEmpty() ? -1 : slot++;
            narrative.context().forEach(p -> rulePhrases.add(p, contextSlot));
            narrative.framing().forEach(p -> rulePhrases.add(p, framingSlot));
            contextSlots[n] = contextSlot;
            framingSlots[n] = framingSlot;
            for (Rule r : narrative.rules()) {
                int trigger = slot++;
                r.trigger().forEach(p -> rulePhrases.add(p, trigger));
                int[] with = new int[r.with().size()];
                for (int k = 0; k < with.length; k++) {
                    int s = slot++;
                    with[k] = s;
                    r.with().get(k).forEach(p -> rulePhrases.add(p, s));
                }
                int without = slot++;
                r.without().forEach(p -> rulePhrases.add(p, without));
                rules.add(new CompiledRule(n, r, trigger, with, without));
            }
        }
        this.slotCount = slot;
        this.tokensRegex = catalog.usesTokensRegex();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The narratives the text carries, read as a claim when it has at most {@link #CLAIM_SENTENCES} sentences. */
    public List<NarrativeHit> match(Doc doc) {
        return match(doc, doc.sentences().size() <= CLAIM_SENTENCES ? Reading.CLAIM : Reading.ARTICLE);
    }

    /** The narratives the text carries, read as the reading says. */
    public List<NarrativeHit> match(Doc doc, Reading reading) {
        boolean claim = reading == Reading.CLAIM;
        List<Token> tokens = doc.tokens();
        if (tokens.isEmpty()) {
            return List.of();
        }
        String[] lemmas = new String[tokens.size()];
        String[] lowers = new String[tokens.size()];
        String[] texts = new String[tokens.size()];
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < lemmas.length; i++) {
            Token t = tokens.get(i);
            lemmas[i] = t.lemma();
            texts[i] = t.text();
            lowers[i] = t.text().toLowerCase(Locale.ROOT);
            starts[i] = t.start();
        }
        List<List<EntityMention>> entitiesBySentence = entitiesBySentence(doc, starts);
        List<List<Evidence>> evidence = new ArrayList<>();
        catalog.narratives().forEach(n -> evidence.add(new ArrayList<>()));
        // A claim names its own context and framing; an article must name a narrative's context where it counts
        // (see namesContext) and its framing somewhere.
        BitSet[] contextSentences = new BitSet[contextSlots.length];
        boolean[] framed = new boolean[framingSlots.length];
        for (int n = 0; n < contextSlots.length; n++) {
            contextSentences[n] = new BitSet();
            framed[n] = claim || framingSlots[n] < 0;
        }
        // Read only once a rule has matched: most articles carry no narrative.
        Attribution attribution = null;
        SentenceView[] sentenceViews = null;
        LabelledLines lines = null;
        Refutations refutations = null;
        Framing framing = null;
        SpanIndex<EntityMention> entityIndex = null;
        for (Sentence sentence : doc.sentences()) {
            List<EntityMention> sentenceEntities = entitiesBySentence.get(sentence.index());
            SentenceView view = view(doc, sentence, lemmas, lowers, texts, starts, sentenceEntities);
            SlotMatches matches = new SlotMatches(slotCount);
            rulePhrases.scan(view, matches::add);
            if (tokensRegex) {
                matchTokensRegex(doc, sentence, starts, sentenceEntities, view, matches);
            }
            for (int n = 0; n < contextSlots.length; n++) {
                if (contextSlots[n] >= 0 && matches.get(contextSlots[n]) != null) {
                    contextSentences[n].set(sentence.index());
                }
                framed[n] |= framingSlots[n] >= 0 && matches.get(framingSlots[n]) != null;
            }
            String matchedRule = null;
            int matchedNarrative = -1;
            for (CompiledRule cr : rules) {
                List<int[]> triggers = matches.get(cr.triggerSlot());
                if (triggers == null || cr.rule().scope() == Rule.Scope.CLAIM && !claim
                        || cr.rule().id().equals(matchedRule) && cr.narrative() == matchedNarrative) {
                    continue; // a rule's claim reading follows it; one piece of evidence per rule and sentence
                }
                triggers.sort(Comparator.comparingInt((int[] m) -> m[0]).thenComparingInt(m -> m[1]));
                for (int[] trigger : triggers) {
                    int[] span = check(cr, trigger, view, doc, matches, !claim);
                    if (span == null) {
                        continue;
                    }
                    if (attribution == null) {
                        attribution = new Attribution(doc);
                        sentenceViews = SentenceView.ofSentences(doc, lemmas, lowers, texts);
                        lines = new LabelledLines(sentenceViews);
                    }
                    boolean denial = catalog.narratives().get(cr.narrative()).denial();
                    Attribution.Speaker speaker = lines.is(sentence.index(), LabelledLines.Kind.CLAIM)
                            ? Attribution.Speaker.untagged(Attribution.UNNAMED_CLAIM)
                            : attribution.attribute(sentence, trigger[0], trigger[1], !denial);
                    if (speaker.tagStart() > trigger[0] && speaker.tags(trigger[0], trigger[1])
                            || excluded(cr, trigger, matches, speaker)) {
                        continue; // a trigger that runs on into the speaker tag after the claim is no claim
                    }
                    if (entityIndex == null) {
                        refutations = claim ? null : new Refutations(doc, sentenceViews, lines, attribution);
                        framing = claim ? null : new Framing(doc, lowers, attribution, refutations);
                        entityIndex = new SpanIndex<>(doc.entities(), EntityMention::start, EntityMention::end);
                    }
                    boolean asked = speaker.name() == null && asks(doc, sentence, trigger[0]);
                    if (asked) {
                        speaker = Attribution.Speaker.untagged(Attribution.QUESTION);
                    }
                    // A refutation answers a question as it answers the article's own statements.
                    // In a debunk headed "No, X is not ...", the article's own negations of a claim dispute it.
                    boolean disputed = !claim && (Rebuttal.disputes(view, trigger[0], trigger[1], denial, speaker,
                            refutations.refuted(sentence, view, asked ? null : speaker.name(), denial))
                            || !denial && speaker.name() == null && refutations.headlineDeniesNo()
                            && (negated(view, trigger) || negatedAfter(view, trigger, span)));
                    evidence.get(cr.narrative()).add(evidence(doc, cr.rule(), sentence, span, view, entityIndex,
                            speaker.name(), StanceReading.ofEvidence(speaker.name(), disputed)));
                    matchedRule = cr.rule().id();
                    matchedNarrative = cr.narrative();
                    break;
                }
            }
        }
        List<NarrativeHit> hits = new ArrayList<>();
        for (int n = 0; n < evidence.size(); n++) {
            List<Evidence> found = evidence.get(n);
            double score = found.stream().mapToDouble(Evidence::weight).sum();
            Narrative narrative = catalog.narratives().get(n);
            double threshold = reading == Reading.ARTICLE ? narrative.articleThreshold() : narrative.threshold();
            boolean inContext = claim || contextSlots[n] < 0 || namesContext(doc, contextSentences[n], found);
            if (!found.isEmpty() && inContext && framed[n] && score >= threshold - 1e-9) {
                found.sort(Comparator.comparingInt(Evidence::start).thenComparing(Evidence::rule));
                hits.add(new NarrativeHit(narrative.id(), narrative.title(), Math.round(score * 1000) / 1000.0,
                        StanceReading.ofHit(found, framing, narrative.denial()), found));
            }
        }
        return hits;
    }

    /**
     * Whether an article names a narrative's context (the sentences in {@code contextSentences}) as its subject
     * rather than in passing: in its title, within {@link #CONTEXT_REACH} sentences of a piece of evidence, or in
     * at least two sentences.
     */
    private static boolean namesContext(Doc doc, BitSet contextSentences, List<Evidence> evidence) {
        if (contextSentences.cardinality() >= 2) {
            return true;
        }
        int named = contextSentences.nextSetBit(0);
        if (named < 0) {
            return false;
        }
        Span title = doc.article().titleSpan();
        Sentence sentence = doc.sentences().get(named);
        if (title != null && sentence.start() < title.end() && title.start() < sentence.end()) {
            return true;
        }
        return evidence.stream().anyMatch(e -> Math.abs(e.sentence() - named) <= CONTEXT_REACH);
    }

    /**
     * Checks a rule's constraints but {@code without} (see {@link #excluded}) around one trigger match; returns
     * the evidence token span [start, end) and the tokens of the actor and target, or null when a constraint
     * fails. In an article a trigger in a clause that the article rebuts counts as negated (see {@link Rebuttal}).
     */
    private int[] check(CompiledRule cr, int[] trigger, SentenceView view, Doc doc, SlotMatches matches,
                        boolean article) {
        Rule r = cr.rule();
        boolean negated = negated(view, trigger)
                || article && r.negation() == Rule.Negation.SKIP && Rebuttal.rebuts(view, trigger[0]);
        if ((r.negation() == Rule.Negation.SKIP && negated) || (r.negation() == Rule.Negation.REQUIRE && !negated)) {
            return null;
        }
        int start = trigger[0];
        int end = trigger[1];
        boolean passive = passive(doc, view, trigger[0]);
        if (r.actor() >= 0) {
            SpanIndex<Mention> actors = view.mentionIndex(r.actor());
            Mention m = passive ? actors.startingFirstFrom(trigger[1], r.within())
                    : actors.endingLastBy(trigger[0], r.within());
            if (m == null) {
                return null;
            }
            start = Math.min(start, m.start());
            end = Math.max(end, m.end());
        }
        if (r.target() >= 0) {
            SpanIndex<Mention> targets = view.mentionIndex(r.target());
            Mention m = passive ? targets.endingLastBy(trigger[0], r.within())
                    : targets.startingFirstFrom(trigger[1], r.within());
            if (m == null) {
                return null;
            }
            start = Math.min(start, m.start());
            end = Math.max(end, m.end());
        }
        for (int slot : cr.withSlots()) {
            int[] m = matches.nearest(slot, trigger, r.within());
            if (m == null) {
                return null;
            }
            start = Math.min(start, m[0]);
            end = Math.max(end, m[1]);
        }
        return new int[] {start, end};
    }

    /**
     * Whether a phrase of the rule's {@code without} matches within its reach of the trigger, outside the speaker
     * tag ({@link Attribution.Speaker}): the words that name whose claim it is are no part of the claim, so
     * "Russia" in "..., the Russian Foreign Ministry said." does not make it a claim about Russia's own front,
     * vote-buying or seizure of power.
     */
    private static boolean excluded(CompiledRule cr, int[] trigger, SlotMatches matches, Attribution.Speaker speaker) {
        return matches.reachesOutside(cr.withoutSlot(), trigger, cr.rule().within(), speaker);
    }

    /**
     * Whether sentence {@code s} asks the claim at token {@code at} rather than makes it: the sentence is a question,
     * ending with "?" (or "?!", "?!!", "!?"), before any closing quotation mark, or the claim stands in a question
     * that "ask" reports ({@link #inIndirectQuestion}). A question in the article's own voice ("Is it
     * Russophobia?", "What about unity over Ukraine?") raises a claim without making it, as explainers head their
     * sections, and a reported one ("Asked whether Russia had abandoned Armenia, Peskov declined to comment.")
     * as well.
     */
    private static boolean asks(Doc doc, Sentence s, int at) {
        for (int i = s.endToken() - 1; i >= s.firstToken(); i--) {
            String text = doc.tokens().get(i).text();
            if (!CLOSERS.contains(text)) {
                int end = text.length();
                while (end > 0 && text.charAt(end - 1) == '!') {
                    end--; // "?!", "?!!": a question said loudly
                }
                return end > 0 && text.charAt(end - 1) == '?' || inIndirectQuestion(doc, s, at);
            }
        }
        return false;
    }

    /**
     * Whether token {@code at} stands in a "whether" or "if" clause after "ask", with no comma, semicolon or colon
     * between: "A Reuters correspondent asked if NATO was encircling Russia.", "Peskov, asked by reporters whether
     * ..."; not "asked the court to rule ...", which asks for something.
     */
    private static boolean inIndirectQuestion(Doc doc, Sentence s, int at) {
        List<Token> tokens = doc.tokens();
        for (int k = at - 1; k > s.firstToken(); k--) {
            String text = tokens.get(k).text();
            if (text.equals(",") || text.equals(";") || text.equals(":")) {
                return false;
            }
            if (QUESTION_OPENERS.contains(text.toLowerCase(Locale.ROOT)) && askedBefore(tokens, s, k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "ask" stands before the "whether" or "if" at token {@code opener}, at most {@value #ASKED_WHOM_TOKENS} tokens before with no verb between. */
    private static boolean askedBefore(List<Token> tokens, Sentence s, int opener) {
        for (int k = opener - 1; k >= Math.max(s.firstToken(), opener - 1 - ASKED_WHOM_TOKENS); k--) {
            Token t = tokens.get(k);
            if (t.pos().startsWith("VB")) {
                return t.lemma().equals("ask");
            }
            if (t.text().equals(",")) {
                return false;
            }
        }
        return false;
    }

    private static boolean negated(SentenceView view, int[] trigger) {
        for (int i = Math.max(view.first(), trigger[0] - NEGATION_WINDOW); i < trigger[1]; i++) {
            if (negationCue(view, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a negation cue follows the trigger in the evidence {@code span} (or within {@value #NEGATION_WINDOW}
     * tokens), before a comma, semicolon or colon: the claim's subject named, then denied ("Sanctions against
     * Russia do not hurt only Europe").
     */
    private static boolean negatedAfter(SentenceView view, int[] trigger, int[] span) {
        for (int i = trigger[1]; i < Math.min(view.end(), Math.max(span[1], trigger[1] + NEGATION_WINDOW)); i++) {
            if (view.lower(i).equals(",") || view.lower(i).equals(";") || view.lower(i).equals(":")) {
                return false;
            }
            if (negationCue(view, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether token {@code i} is a negation cue of the claim (the Negation rules of docs/narratives-format.md). */
    static boolean negationCue(SentenceView view, int i) {
        boolean cue = NEGATION_CUES.contains(view.lemma(i)) || NEGATION_CUES.contains(view.lower(i))
                || NEGATION_BEFORE_TO.contains(view.lemma(i)) && i + 1 < view.end() && view.lower(i + 1).equals("to");
        return cue && !Rebuttal.negatesSomethingElse(view, i);
    }

    /** A passive trigger ("Armenia was betrayed by Russia") swaps where actor and target stand. */
    private static boolean passive(Doc doc, SentenceView view, int at) {
        if (!doc.tokens().get(at).pos().equals("VBN")) {
            return false;
        }
        for (int i = Math.max(view.first(), at - 2); i < at; i++) {
            String lemma = view.lemma(i);
            if (lemma.equals("be") || lemma.equals("get")) {
                return true;
            }
        }
        return false;
    }

    /** The evidence of a rule at tokens {@code span}; {@code entityIndex} has the article's entities by offsets. */
    private Evidence evidence(Doc doc, Rule rule, Sentence sentence, int[] span, SentenceView view,
                              SpanIndex<EntityMention> entityIndex, String speaker, Stance stance) {
        List<Token> tokens = doc.tokens();
        int start = tokens.get(span[0]).start();
        int end = tokens.get(span[1] - 1).end();
        Set<String> entities = new LinkedHashSet<>();
        for (int g = 0; g < catalog.groups().size(); g++) {
            for (Mention m : view.mentionIndex(g).overlapping(span[0], span[1])) {
                if (m.entity() != null && m.entity().tracked()) {
                    entities.add(m.entity().kbId());
                }
            }
        }
        for (EntityMention e : entityIndex.overlapping(start, end)) {
            if (e.tracked()) {
                entities.add(e.kbId());
            }
        }
        // The speaker's name as it shows on the page, to count and filter by (the evidence text keeps its offsets).
        return new Evidence(rule.id(), sentence.index(), start, end, doc.text().substring(start, end),
                List.copyOf(entities), speaker == null ? null : InvisibleCharacters.strip(speaker), stance, rule.weight());
    }

    private SentenceView view(Doc doc, Sentence sentence, String[] lemmas, String[] lowers, String[] texts, int[] starts,
                              List<EntityMention> entities) {
        List<Group> groups = catalog.groups();
        // The dateline is no part of what the sentence claims: a rule reads from after it.
        int first = Dateline.end(doc.tokens(), sentence, sentence.endToken());
        SentenceView view = new SentenceView(lemmas, lowers, texts, first, sentence.endToken(), groups.size());
        for (EntityMention e : entities) {
            int[] span = tokenSpan(starts, doc.tokens(), sentence, e);
            if (span == null || span[0] < first) {
                continue;
            }
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                if ((e.kbId() != null && group.kbIds().contains(e.kbId())) || group.types().contains(e.type())) {
                    view.addMention(g, new Mention(span[0], span[1], e));
                }
            }
        }
        groupWords.scan(view, (g, start, end) -> view.addMention(g, new Mention(start, end, null)));
        return view;
    }

    /** Tokens [first, end) an entity covers, or null when they are not all in {@code sentence}. */
    private static int[] tokenSpan(int[] starts, List<Token> tokens, Sentence sentence, EntityMention e) {
        int first = tokenAt(starts, tokens, e.start());
        int last = tokenAt(starts, tokens, e.end() - 1);
        return first < sentence.firstToken() || last >= sentence.endToken() ? null : new int[] {first, last + 1};
    }

    /** Index of the token containing (or, between tokens, following) a character offset. */
    private static int tokenAt(int[] starts, List<Token> tokens, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i >= 0) {
            return i;
        }
        int before = -i - 2;
        return before >= 0 && offset < tokens.get(before).end() ? before : before + 1;
    }

    private static List<List<EntityMention>> entitiesBySentence(Doc doc, int[] starts) {
        List<List<EntityMention>> out = new ArrayList<>();
        doc.sentences().forEach(s -> out.add(new ArrayList<>(0)));
        for (EntityMention e : doc.entities()) {
            int t = tokenAt(starts, doc.tokens(), e.start());
            if (t < doc.tokens().size()) {
                out.get(doc.tokens().get(t).sentence()).add(e);
            }
        }
        return out;
    }

    /**
     * Whether the cheap constraints of a rule (groups and {@code with} phrases present somewhere in
     * the sentence) can hold, so that a TokensRegex trigger is worth running.
     */
    private static boolean worthMatching(CompiledRule cr, SentenceView view, SlotMatches matches) {
        Rule r = cr.rule();
        if ((r.actor() >= 0 && view.mentions(r.actor()).isEmpty())
                || (r.target() >= 0 && view.mentions(r.target()).isEmpty())) {
            return false;
        }
        for (int slot : cr.withSlots()) {
            if (matches.get(slot) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the TokensRegex rules on a sentence. Tokens carry {@code ner} and {@code normalized} for every
     * tracked entity the article mentions, not only for those some catalog group lists: a rule on
     * {@code [{ner:state}]} must fire for China as it does for Russia, also in a catalog without groups.
     */
    private void matchTokensRegex(Doc doc, Sentence sentence, int[] starts, List<EntityMention> entities,
                                  SentenceView view, SlotMatches matches) {
        List<CompiledRule> candidates = rules.stream()
                .filter(cr -> cr.rule().tokensRegex() != null && worthMatching(cr, view, matches)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        List<CoreLabel> labels = new ArrayList<>();
        List<Token> tokens = doc.tokens();
        for (int i = sentence.firstToken(); i < sentence.endToken(); i++) {
            Token t = tokens.get(i);
            CoreLabel l = new CoreLabel();
            l.setWord(t.text());
            l.setValue(t.text());
            l.setOriginalText(t.text());
            l.setLemma(t.lemma());
            l.setTag(t.pos());
            l.setNER("O");
            labels.add(l);
        }
        for (EntityMention e : entities) {
            int[] span = e.tracked() ? tokenSpan(starts, tokens, sentence, e) : null;
            if (span != null) {
                for (int i = span[0]; i < span[1]; i++) {
                    CoreLabel l = labels.get(i - sentence.firstToken());
                    l.setNER(e.type());
                    l.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, e.kbId());
                }
            }
        }
        for (CompiledRule cr : candidates) {
            TokenSequenceMatcher m = cr.rule().tokensRegex().getMatcher(labels);
            while (m.find()) {
                if (m.end() > m.start()) {
                    matches.add(cr.triggerSlot(), sentence.firstToken() + m.start(), sentence.firstToken() + m.end());
                }
            }
        }
    }
}
