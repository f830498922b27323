package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Span;
import org.narrativewatch.doc.Token;

/**
 * Who a matched claim is attributed to: the speaker of a quotation that contains it, the subject
 * of a reporting verb before it ("the ministry claimed that ..."), or X in "according to X". A
 * claim an article reports is still evidence of the narrative, but the analyst must see whose claim
 * it is. Heuristic and local to the sentence; null when the article makes the claim itself.
 */
final class Attribution {
    /** Lemmas of verbs that introduce reported speech. */
    private static final Set<String> REPORTING = Set.of("say", "claim", "allege", "assert", "insist", "accuse",
            "argue", "state", "declare", "tell", "write", "report", "suggest", "announce", "stress", "warn",
            "maintain", "contend", "tweet", "speculate", "believe", "think", "suspect", "call", "describe",
            "portray", "depict", "label", "brand", "reject", "dismiss", "deny", "predict", "blame", "compare", "liken",
            "link", "tie", "connect", "attribute", "ascribe", "equate");
    /**
     * Lemmas of reporting verbs that relate X to Y ("compares Soros to ...", "linking crime to immigrants"): with
     * "to" or "with" at once they are a preposition or a passive that names no one ("compared to 2015", "the
     * shootings are linked to the drugs trade").
     */
    private static final Set<String> RELATING = Set.of("compare", "liken", "link", "tie", "connect", "attribute",
            "ascribe", "equate");
    /**
     * Lemmas of relating verbs that also join things ("the road linking Yerevan to Gyumri", "a railway connects
     * Russia to China"): they report a claim only with a speaker for their subject ({@link #speakerSubject}).
     */
    private static final Set<String> CONNECTING = Set.of("link", "tie", "connect");
    /**
     * Lemmas of reporting verbs whose object is what the claim is about, the claim coming after it ("calls X a
     * coup", "accused what he calls the global war party of ..."), not the claim itself ("believe what ...").
     */
    private static final Set<String> OBJECT_THEN_CLAIM = Set.of("call", "describe", "portray", "depict", "label",
            "brand", "accuse", "blame", "compare", "liken", "link", "tie", "connect", "attribute", "ascribe", "equate",
            "condemn", "denounce", "decry", "slam");
    /**
     * Lemmas of verbs that report a claim only as "describes X as Y" does ("Moscow denounced the decision as an act
     * of Russophobia"): without "as" they judge a thing and say nothing of it ("the UN condemned the attack").
     */
    private static final Set<String> DENOUNCING = Set.of("condemn", "denounce", "decry", "slam");
    /** How many tokens the object of a denouncing verb may take before its "as": "condemned the removal of the tank as". */
    private static final int DENOUNCED_OBJECT_TOKENS = 10;
    /**
     * Lemmas of reporting verbs that take "of" only in the passive: "people suspected of vote buying", "men accused
     * of spying" are suspected or accused, they do not speak.
     */
    private static final Set<String> PASSIVE_WITH_OF = Set.of("suspect", "accuse");
    /** Pronouns that open a relative clause: "a diplomat who has read the report told ...". */
    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that");
    /**
     * Lemmas of verbs that introduce reported speech only when the claim follows at once ("Moscow replied
     * that ...", "He added: ...", "a network pushed \"stolen election\" stories") or when they close a speaker
     * tag after it ("..., Zakharova added.", {@link #closesSpeakerTag}): with an object they say something else
     * ("NATO holds exercises", "the army pushed the enemy back").
     */
    private static final Set<String> REPORTING_BEFORE_CLAIM = Set.of("add", "reply", "respond", "answer", "repeat",
            "reiterate", "note", "explain", "hold", "post", "confirm", "acknowledge", "admit", "concede", "observe",
            "remark", "comment", "complain", "boast", "lament", "emphasise", "emphasize", "underline", "assure",
            "counter", "retort", "hint", "imply", "insinuate", "proclaim", "charge", "push", "echo", "parrot",
            "peddle", "promise", "vow", "recall", "conclude", "continue");
    /**
     * The verbs of {@link #REPORTING_BEFORE_CLAIM} that also close a speaker tag after the claim (", Zakharova
     * added."): not those whose other sense has no object either (", the blockade held through the winter.",
     * ", Azerbaijani troops pushed into the villages.", ", the cavalry charged.").
     */
    private static final Set<String> CLOSING_TAG = Set.of("add", "reply", "respond", "answer", "repeat", "reiterate",
            "note", "explain", "confirm", "acknowledge", "admit", "concede", "observe", "remark", "comment", "complain",
            "boast", "lament", "emphasise", "emphasize", "underline", "assure", "counter", "retort", "hint", "imply",
            "insinuate", "proclaim", "promise", "vow", "recall", "conclude", "continue");
    /**
     * Words that open a subordinate clause after a speaker tag, which ends the tag: "..., Lavrov said, as EU
     * ministers met in Brussels.", "..., officials said, when asked about ...", ", amid fears that ...".
     */
    private static final Set<String> SUBORDINATORS = Set.of("as", "while", "when", "whereas", "after", "before",
            "since", "until", "because", "although", "though", "amid");
    /** Prepositions that open where a statement was made: "in a statement", "on Telegram", "at a briefing". */
    private static final Set<String> CHANNEL_PREPOSITIONS = Set.of("in", "on", "at", "during");
    /** Lemmas of what a statement is made in or on: "in a statement that", "on Telegram that". */
    private static final Set<String> CHANNELS = Set.of("statement", "interview", "speech", "address", "post",
            "tweet", "video", "message", "letter", "article", "op-ed", "column", "briefing", "conference", "telegram",
            "broadcast", "programme", "program", "show", "blog", "podcast", "communique", "communiqué", "readout",
            "meeting", "summit", "forum", "session");
    /** Most tokens a channel's noun phrase, or the name after its "with", may have. */
    private static final int CHANNEL_TOKENS = 5;
    /** Tokens that close a quotation, after which a speaker tag may open: "\"...,\" he added." */
    private static final Set<String> QUOTE_CLOSERS = Set.of("\"", "''", "”", "»");
    /**
     * Words a time adverbial between a speaker and the verb ends with ("Lavrov on Monday said", "Peskov last
     * week told reporters", "The Kremlin has for months said"): a weekday or a month is a proper noun, and a
     * plural unit a noun, that would otherwise read as the speaker. A year ("since 2014") is one too ({@link
     * #timeWord}).
     */
    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "day", "days", "week", "weeks", "weekend", "month",
            "months", "year", "years", "decade", "decades", "morning", "afternoon", "evening", "night");
    /**
     * Words that open a time adverbial ("on Monday", "late on Tuesday", "earlier this week", "for years", "since
     * 2014"): without one the time word is part of a name ("Prime Minister Theresa May said").
     */
    private static final Set<String> TIME_OPENERS = Set.of("on", "in", "at", "over", "during", "for", "since",
            "last", "this", "next", "past", "previous", "late", "early", "earlier", "later");
    /** A number that names a year: "since 2014". */
    private static final Pattern YEAR = Pattern.compile("(1[89]|20)\\d\\d");
    /** Words that are a time adverbial on their own ("Lavrov yesterday said"). */
    private static final Set<String> DEICTIC_TIMES = Set.of("yesterday", "today", "tonight");
    /** Names of Sunday papers that end in "on Sunday" ("The Mail on Sunday reported"): no time adverbial. */
    private static final Set<String> ON_SUNDAY_TITLES = Set.of("mail", "independent", "sun", "scotland", "wales",
            "ireland");
    /**
     * Pronouns that speak for someone named before ("it": a video, a post, a report); "I" and "we" are the
     * author's own voice.
     */
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it");
    /** Nouns of "in the opinion of X", "in the words of X", "in the view of X" and "in X's view", which name X as a source. */
    private static final Set<String> SOURCE_NOUNS = Set.of("opinion", "words", "view");
    /**
     * Lemmas of verbs besides the reporting verbs that name a source in a clause "as X noted," ("As Aleksandr
     * Lukashenko noted, ...", "..., as Lavrov put it."): not those of {@link #REPORTING_BEFORE_CLAIM} that in "as X
     * ..." tell when ("As the talks continued", "As the summit concluded", "As the army responded").
     */
    private static final Set<String> AS_CLAUSE_VERBS = Set.of("note", "add", "explain", "observe", "remark", "recall",
            "emphasise", "emphasize", "underline", "reiterate", "point", "put");
    /** The word a verb of {@link #AS_CLAUSE_VERBS} takes in its clause: "as Putin pointed out,", "as Lavrov put it,". */
    private static final Map<String, String> AS_CLAUSE_PARTICLES = Map.of("point", "out", "put", "it");
    /** Words that open an item of a list of claims: "First, that ...", "Finally, that ...". */
    private static final Set<String> LIST_OPENERS = Set.of("first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "finally", "lastly", "next", "also");
    /** Adverbs that open a clause of the author's own with "that": "pushed forward so that ...", "now that ...". */
    private static final Set<String> CLAUSE_ADVERBS = Set.of("so", "now");
    /**
     * Nouns that name a claim only as the object of a verb that pushes or repeats it ("push the line that ..."),
     * besides the claim nouns ({@link Rebuttal#CLAIM_NOUNS}): on its own "the front line that troops hold" is no claim.
     */
    private static final Set<String> PUSHED_CLAIM_NOUNS = Set.of("line");
    /** Prepositions that join a claim noun to what it claims: "allegations of secret biolabs", "claims about ...". */
    private static final Set<String> CLAIM_PREPOSITIONS = Set.of("of", "about", "over", "regarding", "concerning");
    /** Possessive pronouns whose claim noun is the claim of its clause's subject: "Moscow renewed its allegations". */
    private static final Set<String> OWNING_PRONOUNS = Set.of("its", "his", "her", "their");
    /** How many tokens the noun phrase of a claim noun after a reporting verb may take: "the same old line that". */
    private static final int CLAIM_OBJECT_TOKENS = 5;
    /** Who a passive reporting verb tells a claim to: "we are told that ...". */
    private static final Set<String> AUDIENCE = Set.of("we", "i", "you");
    /** Reporting verbs that as often take a thing for their object: "reported a good harvest", "announced a budget". */
    private static final Set<String> OBJECT_TAKING = Set.of("report", "announce", "predict", "declare", "state",
            "write", "post", "tweet", "publish");
    /** How many tokens before a reporting verb a subject that is no one may stand: "nobody in Brussels believes". */
    private static final int NO_ONE_WINDOW = 4;
    /** How far after the comma that follows a claim the verb of a speaker tag may stand: ", the Kremlin spokesman said". */
    private static final int TRAILING_SPEAKER_TOKENS = 8;
    /** Verbs that join a claim noun to its content: "the claim is that ...", "the story goes that ...". */
    private static final Set<String> CLAIM_COPULAS = Set.of("be", "go", "run");
    /** How far before "is that" the claim noun of "the claim ... is that ..." may stand. */
    private static final int CLAIM_SUBJECT_TOKENS = 8;
    /** Words that, after a comma, open a clause that answers the reported one. */
    private static final Set<String> CONTRAST = Set.of("but", "yet", "whereas", "while");
    /** How many sentences back the speaker a pronoun stands for may be named. */
    private static final int ANTECEDENT_SENTENCES = 3;
    /** Titles before a name that show whether "he" or "she" may stand for that person: "Mr Nebenzya", "Ms Greenfield". */
    private static final Map<String, String> GENDERED_TITLES = Map.of("mr", "he", "sir", "he", "mrs", "she", "ms", "she",
            "miss", "she", "madam", "she", "madame", "she", "mme", "she", "dame", "she");
    /** Entity types of a person: the catalog's and the statistical NER model's. */
    private static final Set<String> PERSON_TYPES = Set.of("person", "PERSON");
    /** A quotation shorter than this many words is a scare quote or a term, not reported speech. */
    private static final int MIN_QUOTE_WORDS = 4;
    /** How many tokens before a participle the "with" that makes its noun phrase its subject may stand. */
    private static final int NOUN_PHRASE_TOKENS = 8;
    /** Parts of speech inside a noun phrase: "the populist, opposition Sweden Democrats". */
    private static final Set<String> NOUN_PHRASE_POS = Set.of("DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN",
            "NNS", "NNP", "NNPS", "POS", "HYPH", ",");
    /** How many tokens a speaker given with a description in apposition may take: "the head of the ministry's press service, Maria Zakharova". */
    private static final int APPOSITIVE_TOKENS = 14;
    /** How many proper nouns a name in apposition to a description has: a person's given name and surname, or more. */
    private static final int MIN_APPOSITIVE_NAME = 2;
    private static final int MAX_APPOSITIVE_NAME = 5;
    /** Parts of speech that join the words of a speaker's description: "ambassador to Latvia", "head of the service". */
    private static final Set<String> DESCRIPTION_LINK_POS = Set.of("DT", "IN", "TO", "PRP$");
    /** Prepositions that tie a speaker to a place or body: "diplomats in Brussels", "a spokesman for the Kremlin". */
    private static final Set<String> SPEAKER_MODIFIERS = Set.of("in", "at", "from", "for", "of", "to", "near", "inside",
            "within", "with");
    /** Words before "to" that tie a source to whom it is close: "a source close to the Kremlin". */
    private static final Set<String> CLOSE_TO = Set.of("close", "closer", "closest", "near");
    /** Parts of speech of a speaker's name or description. */
    private static final Set<String> SPEAKER_POS = Set.of("NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD");

    private static final Set<String> AUXILIARY = Set.of("be", "have", "do");
    /** Auxiliaries of tense that may stand in a speaker tag after the claim: ", officials have said." */
    private static final Set<String> TENSE_AUXILIARY = Set.of("have", "do");
    /** Verbs that carry a reporting verb after them: "continues to argue", "keeps saying". */
    private static final Set<String> CATENATIVE = Set.of("continue", "keep", "go", "try", "repeat");
    /** Words that join the parts of one name: "Institute for the Study of War", "Ministry of Defence". */
    private static final Set<String> NAME_LINKS = Set.of("of", "for", "the", "and");

    /** The speaker of a claim the article reports without naming whose it is ("claims that ... have circulated"). */
    static final String UNNAMED_CLAIM = "unnamed source (reported claim)";
    /** Who raises a claim that an article asks in its own voice ("Did Russia betray Armenia?") without making it. */
    static final String QUESTION = "unnamed source (raised as a question)";

    private final Doc doc;
    private final List<Span> quotes;
    /** The tracked entity mentions, by character offset: no word inside one is a verb ("the Baltic states"). */
    private final SpanIndex<EntityMention> mentions;
    /** Per sentence index, where it may name a speaker; read on first use (see {@link Reporters}). */
    private final Reporters[] reporters;
    /**
     * Whom a pronoun stands for, per sentence index and pronoun ({@link #antecedent}), null when no one: a speaker
     * named in one sentence is looked for from each of the few after it, and from the pronouns those stand for.
     */
    private final Map<String, String> antecedents = new HashMap<>();
    /** Per surname, "he" or "she" as a title before it shows ({@link #titledGender}); "" when titles disagree. Read on first use. */
    private Map<String, String> titledGenders;

    /**
     * Where a sentence may name the speaker of a claim in it, whatever the claim: a speaker is looked up for
     * every piece of evidence and every framing term, so reading the whole sentence each time would make a
     * long sentence cost the square of its length.
     *
     * @param sources     phrases that name a source as "according to X" does ({@link #sourcePhrase}), in order
     * @param verbs       tokens of reporting verbs, in order
     * @param contrasts   tokens that open a clause of the author's own ({@link #contrastAt}), in order
     * @param claimThats  tokens of a "that" introducing a claim after a claim noun ({@link #claimThatAt}), in order
     */
    private record Reporters(Speaker[] sources, int[] verbs, int[] contrasts, int[] claimThats) {
    }

    Attribution(Doc doc) {
        this.doc = doc;
        this.quotes = quotations(doc.text());
        this.mentions = new SpanIndex<>(doc.entities().stream().filter(EntityMention::tracked).toList(),
                EntityMention::start, EntityMention::end);
        this.reporters = new Reporters[doc.sentences().size()];
    }

    private Reporters reporters(Sentence s) {
        Reporters r = reporters[s.index()];
        if (r == null) {
            List<Speaker> sources = new ArrayList<>();
            List<Integer> verbs = new ArrayList<>();
            List<Integer> contrasts = new ArrayList<>();
            List<Integer> claimThats = new ArrayList<>();
            List<Token> tokens = doc.tokens();
            for (int i = s.firstToken(); i < s.endToken(); i++) {
                Speaker source = sourcePhrase(s, i);
                if (source != null) {
                    sources.add(source);
                }
                if (reporting(s, i)) {
                    verbs.add(i);
                }
                if (i > s.firstToken() && contrastAt(i)) {
                    contrasts.add(i);
                }
                if (i > s.firstToken() && claimThatAt(s, i)) {
                    claimThats.add(i);
                }
            }
            r = new Reporters(sources.toArray(Speaker[]::new), ints(verbs), ints(contrasts), ints(claimThats));
            reporters[s.index()] = r;
        }
        return r;
    }

    /**
     * The source that a phrase opening at token {@code i} names for the claims of its sentence, with the phrase for
     * its speaker tag: "according to X", "in the opinion of X", "in the words of X", "in the view of X", "in X's
     * view" ({@link #possessedView}), or a clause "as X noted" ({@link #asClause}); else null.
     */
    private Speaker sourcePhrase(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
        int from;
        if (i + 1 < s.endToken() && tokens.get(i).lemma().equals("accord") && tokens.get(i + 1).lemma().equals("to")) {
            from = i + 2;
        } else if (word.equals("in") && i + 3 < s.endToken() && tokens.get(i + 1).text().equalsIgnoreCase("the")
                && SOURCE_NOUNS.contains(tokens.get(i + 2).text().toLowerCase(Locale.ROOT))
                && tokens.get(i + 3).text().equalsIgnoreCase("of")) {
            from = i + 4;
        } else if (word.equals("in")) {
            return possessedView(s, i);
        } else if (word.equals("as")) {
            return asClause(s, i);
        } else {
            return null;
        }
        String name = chunk(from, s.endToken(), +1);
        return name == null ? null : new Speaker(name, i, tokenAfterName(s, from, name));
    }

    /** The source of "in X's view", "in the Kremlin's opinion", "in Lavrov's words", whose "in" is token {@code in}; else null. */
    private Speaker possessedView(Sentence s, int in) {
        List<Token> tokens = doc.tokens();
        int possessive = in + 1;
        while (possessive < s.endToken() - 1 && possessive - in <= TRAILING_SPEAKER_TOKENS
                && !tokens.get(possessive).pos().equals("POS")) {
            possessive++;
        }
        if (!tokens.get(possessive).pos().equals("POS")
                || !SOURCE_NOUNS.contains(tokens.get(possessive + 1).text().toLowerCase(Locale.ROOT))) {
            return null;
        }
        String name = chunk(in + 1, possessive, +1);
        return name != null && tokenAfterName(s, in + 1, name) == possessive
                ? new Speaker(name, in, possessive + 2) : null;
    }

    /**
     * The source named by a clause "as X noted" whose "as" is token {@code as}: one that opens the sentence or follows
     * a comma, with nothing but its subject (and auxiliaries and adverbs) before a reporting verb or a verb of {@link
     * #AS_CLAUSE_VERBS}, and nothing after the verb but the time, place or audience before the comma that closes it
     * or the end of the sentence ("As Aleksandr Lukashenko noted, ...", "As the head of state said at the meeting,
     * ...", "..., as Lavrov put it."). "As Russia noted in 2014 the border moved" has no comma to close it: no source.
     */
    private Speaker asClause(Sentence s, int as) {
        List<Token> tokens = doc.tokens();
        if (as != afterDateline(s, as) && !tokens.get(as - 1).text().equals(",")) {
            return null;
        }
        int verb = as + 1;
        while (verb < s.endToken() && verb - as <= TRAILING_SPEAKER_TOKENS) {
            Token t = tokens.get(verb);
            boolean auxiliary = t.pos().startsWith("RB") || t.pos().equals("MD") || AUXILIARY.contains(t.lemma());
            if (t.pos().startsWith("VB") && !auxiliary) {
                break;
            }
            if (!auxiliary && !speakerWord(verb) && !t.pos().equals("DT") && !t.pos().equals("PRP")
                    && !SPEAKER_MODIFIERS.contains(t.text().toLowerCase(Locale.ROOT)) && !NAME_LINKS.contains(t.text())) {
                return null;
            }
            verb++;
        }
        if (verb >= s.endToken() || !tokens.get(verb).pos().startsWith("VB")) {
            return null;
        }
        String lemma = tokens.get(verb).lemma();
        int after = verb + 1;
        if (AS_CLAUSE_PARTICLES.containsKey(lemma)) {
            if (after >= s.endToken() || !tokens.get(after).text().equalsIgnoreCase(AS_CLAUSE_PARTICLES.get(lemma))) {
                return null;
            }
            after++;
        } else if (!REPORTING.contains(lemma) && !AS_CLAUSE_VERBS.contains(lemma)) {
            return null;
        }
        int close = after;
        while (close < s.endToken() && !tokens.get(close).text().equals(",")) {
            close++;
        }
        if (close - verb > TRAILING_SPEAKER_TOKENS || !adverbialsOnly(verb, after, close)) {
            return null;
        }
        int subjectEnd = auxiliariesBefore(verb, as);
        String who = subjectEnd == as + 2 && pronoun(as + 1) ? antecedent(s, tokens.get(as + 1).text())
                : speakerBefore(subjectEnd - 1, as);
        return who == null ? null : new Speaker(who, as, close);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Index of the first of the sorted {@code values} that is at least {@code value}. */
    private static int firstAtOrAfter(int[] values, int value) {
        int i = Arrays.binarySearch(values, value);
        return i >= 0 ? i : -i - 1;
    }

    /** The double-quoted passage of reported speech that contains a character offset, or null. */
    Span quoteAt(int offset) {
        int lo = 0;
        int hi = quotes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span q = quotes.get(mid);
            if (offset < q.start()) {
                hi = mid - 1;
            } else if (offset >= q.end()) {
                lo = mid + 1;
            } else {
                return q;
            }
        }
        return null;
    }

    /**
     * Who a claim is attributed to ({@code name}, null when the article makes it itself) and the tokens
     * [tagStart, tagEnd) of the claim's sentence that say so, its speaker tag: "according to" and the name after
     * it; a reporting verb before the claim and what stands before the verb in its clause, its subject with the
     * time and place ("MOSCOW, March 3 - Russian Foreign Minister Sergei Lavrov said"); a reporting verb after the
     * claim and the rest of the sentence from the comma (or the closing quotation mark) before it (", Lavrov told
     * reporters in Moscow."), up to a clause that adds more of the speaker's words (", adding that ..."). None of
     * it is the claim. Empty (tagStart == tagEnd) when the sentence does not name the speaker: a claim noun's
     * owner, a speaker named in another sentence of a quotation, a claim line, a question.
     */
    record Speaker(String name, int tagStart, int tagEnd) {
        /** A speaker whose sentence has no speaker tag. */
        static Speaker untagged(String name) {
            return new Speaker(name, 0, 0);
        }

        /** Whether tokens [from, to) share a token with the speaker tag. */
        boolean tags(int from, int to) {
            return from < tagEnd && tagStart < to;
        }
    }

    /**
     * The speaker of a claim whose trigger spans tokens [at, end) of sentence {@code s}, or null. With
     * {@code claimNounsReport}, a claim noun before or after the trigger ("claims that ...", "vote-buying
     * allegations") reports it; a denial narrative is made by naming the other side's claim so, and reads
     * it without.
     */
    String speaker(Sentence s, int at, int end, boolean claimNounsReport) {
        return attribute(s, at, end, claimNounsReport).name();
    }

    /** The speaker of a claim, as {@link #speaker}, with the tokens of its sentence that name it. */
    Speaker attribute(Sentence s, int at, int end, boolean claimNounsReport) {
        List<Token> tokens = doc.tokens();
        Span quote = quoteAt(tokens.get(at).start());
        Reporters own = reporters(s);
        for (Speaker source : own.sources()) {
            if (quote == null || !quote.contains(tokens.get(source.tagStart()).start())) {
                return source;
            }
        }
        // A quotation of several sentences names its speaker where it opens or closes.
        Set<Sentence> around = new LinkedHashSet<>();
        around.add(s);
        if (quote != null) {
            around.add(sentenceAt(quote.start()));
            around.add(sentenceAt(quote.end() - 1));
        }
        for (Sentence sentence : around) {
            int[] verbs = reporters(sentence).verbs();
            // Outside a quotation (then the sentence is the claim's own) the speaker is named by a verb
            // before the claim with no clause of the author's own between them.
            int from = quote == null ? firstAtOrAfter(verbs, lastContrastBefore(sentence, at)) : 0;
            for (int k = from; k < verbs.length && (quote != null || verbs[k] < at); k++) {
                int i = verbs[k];
                if (quote != null && quote.contains(tokens.get(i).start())) {
                    continue;
                }
                if (!claimNounsReport && reportsThroughClaimNoun(i)) {
                    continue; // a denial narrative is made by naming the other side's claim so: "push the notion that"
                }
                if (quote == null && k + 1 < verbs.length && inRelativeClauseClosedBefore(sentence, i, verbs[k + 1], at)) {
                    continue; // "Responding to the envoy, who had accused Moscow of ..., Nebenzya said that ..."
                }
                String who = reportingSubject(sentence, i);
                if (who == null) {
                    continue;
                }
                if (sentence != s) {
                    return Speaker.untagged(who);
                }
                return i < at ? new Speaker(who, lastContrastBefore(s, i), i + 1)
                        : new Speaker(who, firstAfter(s, quote), tagEnd(s, i));
            }
        }
        if (quote != null) {
            return Speaker.untagged("unnamed speaker (quoted)");
        }
        // With no reporting verb after the claim there is no speaker tag after it (and no scan of the rest of a long
        // sentence for one, for every trigger that a rule's `without` asks about).
        Speaker trailing = firstAtOrAfter(own.verbs(), end) < own.verbs().length ? trailingSpeaker(s, at, end) : null;
        return trailing != null ? trailing : Speaker.untagged(claimNounsReport ? reportedClaim(s, at, end) : null);
    }

    /**
     * Whether the reporting verb at token {@code i} stands in a relative clause that a comma closes before the next
     * reporting verb, at token {@code next}, and that verb before the claim at token {@code at}: the relative clause
     * speaks for what it holds only, the claim after it is the next verb's ("Responding to the British ambassador,
     * who had accused Moscow of war crimes, Nebenzya said that ...", "The ambassador, who had accused Moscow ...,
     * said that ..."). "Those who say NATO is collapsing" still reports the claim it holds.
     */
    private boolean inRelativeClauseClosedBefore(Sentence s, int i, int next, int at) {
        if (next >= at) {
            return false;
        }
        List<Token> tokens = doc.tokens();
        int relative = i - 1;
        while (relative >= s.firstToken() && !tokens.get(relative).text().equals(",")
                && !tokens.get(relative).text().equals(";") && !(tokens.get(relative).pos().startsWith("W")
                && RELATIVE_PRONOUNS.contains(tokens.get(relative).text().toLowerCase(Locale.ROOT)))) {
            relative--;
        }
        if (relative < s.firstToken() || !tokens.get(relative).pos().startsWith("W")) {
            return false;
        }
        for (int k = i + 1; k < next; k++) {
            if (tokens.get(k).text().equals(",")) {
                return true;
            }
        }
        return false;
    }

    /** The first token of sentence {@code s} after the quotation {@code quote}. */
    private int firstAfter(Sentence s, Span quote) {
        List<Token> tokens = doc.tokens();
        int i = s.firstToken();
        while (i < s.endToken() && tokens.get(i).start() < quote.end()) {
            i++;
        }
        return i;
    }

    /**
     * Where the speaker tag of the reporting verb at token {@code verb}, after the claim, ends: at a comma that
     * opens a clause of its own ({@link #opensClauseAfterTag}), else with the sentence.
     */
    private int tagEnd(Sentence s, int verb) {
        for (int i = verb + 1; i + 1 < s.endToken(); i++) {
            if (opensClauseAfterTag(i)) {
                return i;
            }
        }
        return s.endToken();
    }

    /**
     * Whether the comma at token {@code comma} opens a clause after a speaker tag, which the tag does not take
     * for its verb's object: one with more of the speaker's words (", adding that ...", ", saying ...") or a
     * subordinate clause (", as EU ministers met in Brussels", {@link #SUBORDINATORS}).
     */
    private boolean opensClauseAfterTag(int comma) {
        List<Token> tokens = doc.tokens();
        if (!tokens.get(comma).text().equals(",") || comma + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(comma + 1);
        return next.pos().equals("VBG") || SUBORDINATORS.contains(next.text().toLowerCase(Locale.ROOT));
    }

    /**
     * The speaker a wire report names after the claim, at the end of its sentence and without quotation
     * marks: "NATO is collapsing, Lavrov said.", "..., says Lavrov.", "..., the ministry claimed on Monday.",
     * "..., he told reporters.", "..., Zakharova said, adding that ...". The speaker tag ({@link #speakerTag})
     * opens after a comma that follows the trigger (ending at token {@code end}): the first, or a later one when
     * the claim's clause has commas of its own (", all of which are poor, the PM said."), but not past a
     * reporting verb, which speaks for what stands before it, nor past a semicolon or colon. A trigger
     * (tokens [at, end)) whose gap ran on into the tag ("NATO is encircling Russia with new bases, Russia's
     * ambassador ... said": "bases ... Russia") has the tag open inside it; the matcher then drops it.
     */
    private Speaker trailingSpeaker(Sentence s, int at, int end) {
        List<Token> tokens = doc.tokens();
        int[] verbs = reporters(s).verbs();
        int nextVerb = firstAtOrAfter(verbs, end);
        for (int i = at + 1; i < s.endToken(); i++) {
            String text = tokens.get(i).text();
            if (text.equals(";") || text.equals(":") || nextVerb < verbs.length && verbs[nextVerb] < i) {
                return null;
            }
            // '"Russia betrayed Armenia," Pashinyan said.': a quotation too short to be reported speech (under
            // MIN_QUOTE_WORDS) still has its speaker tag, which opens after the closing mark
            int opening = i + 1 < s.endToken() && QUOTE_CLOSERS.contains(tokens.get(i + 1).text()) ? i + 1 : i;
            String who = text.equals(",") ? speakerTag(s, opening) : null;
            if (who != null) {
                return new Speaker(who, i, tagEnd(s, verbs[firstAtOrAfter(verbs, i + 1)]));
            }
        }
        return null;
    }

    /**
     * The speaker of the tag that opens after the comma (or the closing quotation mark after it) at token {@code
     * comma}, or null: a reporting verb within {@value #TRAILING_SPEAKER_TOKENS} tokens (more for a description
     * that ends in the speaker's name, {@link #describedPerson}), with nothing before it but its subject and its
     * auxiliaries (", Russian officials have said.", {@link #auxiliariesBefore}) and nothing
     * after it but what closes a speaker tag ({@link #adverbialsOnly}: ", claiming that ..." says something of its
     * own).
     */
    private String speakerTag(Sentence s, int comma) {
        List<Token> tokens = doc.tokens();
        int[] verbs = reporters(s).verbs();
        int k = firstAtOrAfter(verbs, comma + 1);
        if (k == verbs.length || verbs[k] - comma > TRAILING_SPEAKER_TOKENS + APPOSITIVE_TOKENS) {
            return null;
        }
        int verb = verbs[k];
        int closing = skipToName(verb - 1, comma, -1);
        if (closing > comma && tokens.get(closing).text().equals(",") && adverbialsOnly(verb, verb + 1, s.endToken())) {
            String named = appositiveName(s, comma + 1, closing);
            if (named != null) {
                return named; // ", Russia's ambassador to Latvia, Mikhail Vanin, said."
            }
        }
        // "..., officials in Riga, Latvia, said": the country after the city closes the speaker's description
        int place = closing > comma && tokens.get(closing).text().equals(",") ? placeAppositionBefore(closing, comma) : -1;
        int subjectEnd = place < 0 ? auxiliariesBefore(verb, comma) : place;
        if (subjectEnd - comma > TRAILING_SPEAKER_TOKENS && !describedPerson(comma + 1, subjectEnd)) {
            return null;
        }
        if (skipToName(comma + 1, verb, +1) == verb) {
            // Nothing but adverbs before the verb: the speaker follows it ("says Lavrov"), unless it is a participle.
            String after = tokens.get(verb).pos().equals("VBG") ? null : speakerAfter(s, verb);
            return after == null || UNNAMED_CLAIM.equals(after)
                    || !adverbialsOnly(verb, tokenAfterName(s, verb + 1, after), s.endToken()) ? null : after;
        }
        if (!closesOpeningParticiple(s, comma) && !adverbialsOnly(verb, verb + 1, s.endToken())) {
            return null; // the verb has an object or a clause of its own: ", and Brussels called it a triumph"
        }
        for (int i = comma + 1; i < subjectEnd; i++) {
            Token t = tokens.get(i);
            boolean modifier = i > comma + 1 && SPEAKER_MODIFIERS.contains(t.text().toLowerCase(Locale.ROOT));
            if (t.pos().equals("CC") || !speakerWord(i) && !t.pos().equals("DT") && !modifier
                    && !t.pos().startsWith("RB") && !t.pos().equals("PRP") && !NAME_LINKS.contains(t.text())) {
                return null; // ", and Brussels says nothing", ", which we know": no speaker tag
            }
        }
        int before = skipToName(subjectEnd - 1, comma, -1);
        if (before > comma && pronoun(before)) {
            return antecedent(s, tokens.get(before).text());
        }
        return speakerBefore(subjectEnd - 1, comma);
    }

    /**
     * Where a place in apposition to the place before it opens, {@code close} being the comma that closes
     * it: the comma before "Latvia" in "officials in Riga, Latvia, said", a run of proper nouns after a
     * proper noun that a preposition ties to the speaker. Else -1.
     */
    private int placeAppositionBefore(int close, int stop) {
        List<Token> tokens = doc.tokens();
        int open = close - 1;
        while (open > stop && tokens.get(open).pos().equals("NNP")) {
            open--;
        }
        boolean place = open > stop + 2 && open < close - 1 && tokens.get(open).text().equals(",")
                && tokens.get(open - 1).pos().equals("NNP");
        if (place) {
            int k = open - 1;
            while (k > stop && tokens.get(k).pos().equals("NNP")) {
                k--;
            }
            place = k > stop && SPEAKER_MODIFIERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT));
        }
        return place ? open : -1;
    }

    /**
     * Whether the comma at token {@code comma} is the first of a sentence that opens with a participle, and so
     * closes the participle's clause: what follows is the main clause, whose subject is the participle's too
     * ("Attributing to Soros a plan ..., Orban said he anticipated ..." is Orban's claim).
     */
    private boolean closesOpeningParticiple(Sentence s, int comma) {
        List<Token> tokens = doc.tokens();
        int first = afterDateline(s, comma);
        if (!tokens.get(first).pos().equals("VBG")) {
            return false;
        }
        for (int k = first + 1; k < comma; k++) {
            if (tokens.get(k).text().equals(",")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether tokens [from, to) hold nothing but what may close the speaker tag of the reporting verb at
     * token {@code verb}: adverbs and the time, place or audience ("yesterday", "late on Monday", "in a
     * statement", "told a news conference", "told them"), or a clause after the tag ({@link
     * #opensClauseAfterTag}: ", adding that ...", ", as EU ministers met ..."). A verb, a pronoun object, "that"
     * or a conjunction makes a clause of its own: ", and Brussels called it a triumph".
     */
    private boolean adverbialsOnly(int verb, int from, int to) {
        List<Token> tokens = doc.tokens();
        boolean tell = tokens.get(verb).lemma().equals("tell");
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            String pos = t.pos();
            if (pos.equals(",")) {
                if (i + 1 < to && opensClauseAfterTag(i)) {
                    return true; // ", adding that ...", ", as EU ministers met ..."
                }
                continue;
            }
            boolean toldWhom = tell && i == from && pos.equals("PRP"); // "he told them"
            if (!toldWhom && (pos.startsWith("VB") || pos.equals("MD") || pos.startsWith("W") || pos.equals("CC")
                    || pos.equals("PRP") || t.text().equalsIgnoreCase("that"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The owner of a claim noun that introduces the trigger's clause ("Moscow's claims that ...", "the
     * allegation that ...") or whose preposition the trigger's noun phrase follows ("its accusations about
     * US-funded laboratories", "the Russian allegations of secret biolabs"), or {@value #UNNAMED_CLAIM} when the
     * claim has no owner or the trigger names the claim the noun stands for ("vote-buying allegations"); null
     * when there is no such noun.
     */
    private String reportedClaim(Sentence s, int at, int end) {
        List<Token> tokens = doc.tokens();
        if (end < s.endToken() && tokens.get(end).pos().startsWith("NN")
                && Rebuttal.CLAIM_NOUNS.contains(tokens.get(end).lemma())) {
            return UNNAMED_CLAIM;
        }
        int noun = claimNounBefore(s, at);
        if (noun < 0) {
            int[] claimThats = reporters(s).claimThats();
            int last = firstAtOrAfter(claimThats, at) - 1;
            if (last < 0) {
                return null;
            }
            noun = claimThats[last] - 1;
        }
        String owner = claimOwner(s, noun);
        return owner != null ? owner : UNNAMED_CLAIM;
    }

    /**
     * The claim noun whose preposition (of, about, over, regarding, concerning) the noun phrase that holds token
     * {@code at} follows, within {@value #CLAIM_OBJECT_TOKENS} tokens: "allegations of secret American biolabs",
     * "accusations of US military biolabs", "accusations about US-funded laboratories"; else -1.
     */
    private int claimNounBefore(Sentence s, int at) {
        List<Token> tokens = doc.tokens();
        for (int k = at - 1; k > Math.max(s.firstToken(), at - 2 - CLAIM_OBJECT_TOKENS); k--) {
            Token t = tokens.get(k);
            if (CLAIM_PREPOSITIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
                Token noun = tokens.get(k - 1);
                return noun.pos().startsWith("NN") && Rebuttal.CLAIM_NOUNS.contains(noun.lemma()) ? k - 1 : -1;
            }
            boolean compound = t.pos().startsWith("VB") && tokens.get(k - 1).pos().equals("HYPH"); // "US-funded"
            if (!NOUN_PHRASE_POS.contains(t.pos()) && !compound || t.pos().equals(",")) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Who owns the claim noun at token {@code noun} (or the word before a "that" that stands for one): the name
     * before its "'s" ("Moscow's claims"), the subject of its clause for a possessive pronoun ("Russia repeated its
     * accusations"), or a name or nationality before it ("the Russian accusations", "Kremlin allegations"); else null.
     */
    private String claimOwner(Sentence s, int noun) {
        List<Token> tokens = doc.tokens();
        if (noun - 1 >= s.firstToken() && tokens.get(noun - 1).pos().equals("POS")) {
            return chunk(noun - 2, s.firstToken() - 1, -1);
        }
        if (!tokens.get(noun).pos().startsWith("NN") || !Rebuttal.CLAIM_NOUNS.contains(tokens.get(noun).lemma())) {
            return null;
        }
        int opening = afterDateline(s, noun);
        for (int k = noun - 1; k > opening; k--) {
            Token t = tokens.get(k);
            if (t.pos().equals("PRP$")) {
                return OWNING_PRONOUNS.contains(t.text().toLowerCase(Locale.ROOT)) ? openingName(s, k) : null;
            }
            if (Character.isUpperCase(t.text().charAt(0))
                    && (t.pos().equals("JJ") || t.pos().equals("NNP") || t.pos().equals("NNPS"))) {
                return t.text();
            }
            if (!t.pos().equals("JJ") && !t.pos().startsWith("NN") && !t.pos().equals("HYPH")) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether token {@code i} is a "that" that introduces a claim after a claim noun: "the claim that Russia
     * ...", or "the claim (of these channels) is that ...", "the story goes that ..."; or one with no verb to hang on, which states a claim
     * the article lists ("a second line: that protesters are paid", "Third, that criticism is Russophobia");
     * "narratives that promote ..." is a relative clause.
     */
    private boolean claimThatAt(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        if (!tokens.get(i).lemma().equals("that") || i + 1 >= s.endToken() || tokens.get(i + 1).pos().startsWith("VB")
                || tokens.get(i + 1).pos().equals("MD")) {
            return false;
        }
        if (Rebuttal.CLAIM_NOUNS.contains(tokens.get(i - 1).lemma()) || tokens.get(i - 1).text().equals(":")) {
            return true;
        }
        int opener = tokens.get(i - 1).text().equals(",") ? i - 2 : i - 1;
        if (opener == s.firstToken() && LIST_OPENERS.contains(tokens.get(opener).lemma().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Token be = tokens.get(i - 1);
        if (!CLAIM_COPULAS.contains(be.lemma()) || !be.pos().startsWith("VB")) {
            return false;
        }
        for (int k = i - 2; k >= Math.max(s.firstToken(), i - 1 - CLAIM_SUBJECT_TOKENS); k--) {
            Token t = tokens.get(k);
            if (t.pos().startsWith("VB") || t.pos().equals("MD")) {
                return false; // "what the facts show is that ...": the subject is a clause of its own
            }
            if (t.pos().startsWith("NN") && Rebuttal.CLAIM_NOUNS.contains(t.lemma())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who speaks through the reporting verb at token {@code i}: the name before it ("the ministry
     * claimed"), else the one after it ("said Lentzos"). When a comma stands between the verb and its
     * subject ("officials, including X, have alleged") or the verb is a participle after a comma
     * ("..., claiming that"), the speaker is the name that opens its clause: the sentence, or a clause of
     * its own after ", but" or "; " ("X won, but the opposition refused to recognise the result, saying ...").
     */
    private String reportingSubject(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        if (i == afterDateline(s, i) && tokens.get(i).pos().equals("VBG")) {
            return mainClauseSubject(s, i); // "Blaming Moscow for the loss, the prime minister said": not Moscow
        }
        int before = skipToName(i - 1, s.firstToken() - 1, -1);
        boolean afterComma = before >= s.firstToken() && tokens.get(before).text().equals(",");
        boolean afterAnd = before >= s.firstToken() && tokens.get(before).text().equalsIgnoreCase("and");
        if (afterComma) {
            String named = appositiveName(s, openingStart(s, i), before);
            if (named != null) {
                return named; // "Russia's ambassador to Latvia, Mikhail Vanin, said": the ambassador's name
            }
        }
        if (afterComma || afterAnd) {
            return openingName(s, i); // "The Hungarian leader has advocated X and compared Soros to ...": not Soros
        }
        if (before >= s.firstToken() && AUDIENCE.contains(tokens.get(before).text().toLowerCase(Locale.ROOT))
                && tokens.get(i).pos().equals("VBN") && i - 1 > before) {
            return UNNAMED_CLAIM; // "we are told that ...", "you will be told": someone's claim, not the author's
        }
        if (before >= s.firstToken() && pronoun(before)) {
            return antecedent(s, tokens.get(before).text());
        }
        String named = speakerBefore(i - 1, s.firstToken() - 1);
        if (named == null && i + 1 < s.endToken() && pronoun(i + 1)) {
            // '"...," said he.'; with a name before the verb the pronoun after it is the subject of the claim:
            // "The Kremlin said it had not interfered", "Peskov said he believed"
            return antecedent(s, tokens.get(i + 1).text());
        }
        if (before >= s.firstToken() && tokens.get(before).text().equalsIgnoreCase("who")) {
            return UNNAMED_CLAIM; // "those who say ...", "people who claim ...": whose, the article does not say
        }
        if (noOneBefore(s, i)) {
            return null; // "no one can deny that ...", "nobody in Brussels believes": nobody's speech
        }
        int relative = relativeClauseBefore(s, i);
        if (relative >= 0) {
            // "A senior diplomat who has read the report told ...": the subject is the diplomat, not the report
            return subjectBefore(s, relative);
        }
        return named != null ? named : speakerAfter(s, i);
    }

    /**
     * The relative pronoun of a clause that stands between the reporting verb at token {@code i} and the noun
     * phrase it follows ("a diplomat who has read the report told", "an adviser who reviewed the documents
     * said"), or -1: a relative clause with a verb of its own, with no comma, semicolon or "and" between it and
     * the reporting verb (", which ..., said" has its comma, read by {@link #openingName}).
     */
    private int relativeClauseBefore(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        boolean verb = false;
        for (int k = i - 1; k > s.firstToken(); k--) {
            Token t = tokens.get(k);
            if (t.text().equals(",") || t.text().equals(";") || t.pos().equals("CC")) {
                return -1;
            }
            if (RELATIVE_PRONOUNS.contains(t.text().toLowerCase(Locale.ROOT)) && t.pos().startsWith("W")) {
                return verb && tokens.get(k - 1).pos().startsWith("NN") ? k : -1;
            }
            verb |= t.pos().startsWith("VB");
        }
        return -1;
    }

    /**
     * The noun phrase before token {@code limit} of sentence {@code s}: the one that opens the sentence when
     * no verb stands before {@code limit} ("An adviser close to the government who ..." is the adviser), else
     * the name just before it.
     */
    private String subjectBefore(Sentence s, int limit) {
        List<Token> tokens = doc.tokens();
        for (int k = afterDateline(s, limit); k < limit; k++) {
            if (tokens.get(k).pos().startsWith("VB") || tokens.get(k).pos().equals("MD")) {
                return chunk(limit - 1, s.firstToken() - 1, -1);
            }
        }
        return openingName(s, limit);
    }

    /**
     * The subject of the main clause of a sentence that opens with a participle at token {@code participle}
     * ("Blaming Moscow for the loss, the prime minister said ..."), who is the participle's subject too: the
     * name after the comma that closes the participle's clause, when a verb follows it; else null ("Blaming
     * Moscow is easy" names no one).
     */
    private String mainClauseSubject(Sentence s, int participle) {
        List<Token> tokens = doc.tokens();
        int comma = participle;
        while (comma < s.endToken() && !tokens.get(comma).text().equals(",")) {
            comma++;
        }
        if (comma + 1 >= s.endToken()) {
            return null;
        }
        int first = skipToName(comma + 1, s.endToken(), +1);
        if (first < s.endToken() && pronoun(first)) {
            return antecedent(s, tokens.get(first).text());
        }
        String who = chunk(comma + 1, s.endToken(), +1);
        if (who == null) {
            return null;
        }
        int after = skipToName(tokenAfterName(s, comma + 1, who), s.endToken(), +1);
        return after < s.endToken() && tokens.get(after).pos().startsWith("VB") ? who : null;
    }

    /**
     * Whether the subject of the reporting verb at token {@code i} is no one: "nobody", "none of them" or "no
     * one" stands at most {@value #NO_ONE_WINDOW} tokens before it ("nobody in Brussels believes").
     */
    private boolean noOneBefore(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        for (int k = i - 1; k >= Math.max(s.firstToken(), i - NO_ONE_WINDOW); k--) {
            String lower = tokens.get(k).text().toLowerCase(Locale.ROOT);
            if (lower.equals("nobody") || lower.equals("none") || lower.equals("noone") || lower.equals("no-one")
                    || lower.equals("one") && k > s.firstToken() && tokens.get(k - 1).text().equalsIgnoreCase("no")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The speaker named just after the reporting verb at token {@code i} ("said Lentzos", "says the
     * ministry"); {@value #UNNAMED_CLAIM} when a verb follows the name, which is then the claim's subject
     * ("... and says Ukraine has used ..."); null when no name follows.
     */
    private String speakerAfter(Sentence s, int i) {
        String who = chunk(i + 1, s.endToken(), +1);
        if (who == null) {
            return null;
        }
        int after = tokenAfterName(s, i + 1, who);
        List<Token> tokens = doc.tokens();
        boolean verbFollows = after < s.endToken()
                && (tokens.get(after).pos().startsWith("VB") || tokens.get(after).pos().equals("MD"));
        return verbFollows ? UNNAMED_CLAIM : who;
    }

    /** The token after the name {@code who} that {@link #chunk} found from token {@code from} on. */
    private int tokenAfterName(Sentence s, int from, String who) {
        List<Token> tokens = doc.tokens();
        int whoEnd = tokens.get(skipToName(from, s.endToken(), +1)).start() + who.length();
        int after = from;
        while (after < s.endToken() && tokens.get(after).start() < whoEnd) {
            after++;
        }
        return after;
    }

    private boolean pronoun(int i) {
        return PRONOUNS.contains(doc.tokens().get(i).text().toLowerCase(Locale.ROOT));
    }

    /**
     * Who "he", "she" or "they" stands for: the latest speaker named in the {@value #ANTECEDENT_SENTENCES} sentences
     * before ("Ivanishvili said ... He said ...") whom the pronoun may stand for ({@link #standsFor}), else the pronoun
     * as written. Wire reports name a speaker once and go on with pronouns. A speaker is the subject of a reporting
     * verb that reported words, or, for "he" and "she", the named subject that opens a sentence, whatever its verb
     * ("Vassily Nebenzya then took the floor again. He said ..."); a "he" or "she" in those sentences stands for one of
     * the speakers before it and so tells which of the two they are ("Linda Greenfield rejected ... She said ...").
     */
    private String antecedent(Sentence s, String pronoun) {
        String key = s.index() + " " + pronoun.toLowerCase(Locale.ROOT);
        if (!antecedents.containsKey(key)) {
            antecedents.put(key, latestSpeakerFor(s, pronoun.toLowerCase(Locale.ROOT)));
        }
        String who = antecedents.get(key);
        return who != null ? who : pronoun;
    }

    /**
     * A speaker a pronoun may stand for ({@link #antecedent}): the subject of a reporting verb ({@code reported};
     * only such a one for "they" and "it") or the named subject that opens a sentence; {@code person} when it may
     * be "he" or "she", one person: not a plural ("Farmers"), nor whoever a relative clause speaks for ("those who
     * say ...", {@value #UNNAMED_CLAIM}), nor what the entity catalog knows as a state, a place or a body ("Russia said
     * ..."; with the NER model on, an organisation or location).
     */
    private record Candidate(String name, boolean reported, boolean person) {
    }

    /** The latest speaker of the sentences before {@code s} that the lower-cased {@code pronoun} stands for, or null. */
    private String latestSpeakerFor(Sentence s, String pronoun) {
        List<Token> tokens = doc.tokens();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> called = new HashMap<>();
        for (int k = Math.max(0, s.index() - ANTECEDENT_SENTENCES); k < s.index(); k++) {
            Sentence earlier = doc.sentences().get(k);
            openingSubject(earlier, candidates, called);
            for (int i : reporters(earlier).verbs()) {
                if (!reportsSpeech(earlier, i)) {
                    continue; // "Farmers reported a good harvest": no one whose words "he said" goes on with
                }
                int before = skipToName(i - 1, earlier.firstToken() - 1, -1);
                String who = before >= earlier.firstToken() && pronoun(before) ? tokens.get(before).text()
                        : reportingSubject(earlier, i);
                if (who != null && PRONOUNS.contains(who.toLowerCase(Locale.ROOT))) {
                    call(candidates, called, who); // "She said ...", or a pronoun that stood for no one named
                } else if (who != null) {
                    candidates.add(new Candidate(who, true, !UNNAMED_CLAIM.equals(who) && !plural(earlier, i, who)
                            && !namesNonPerson(earlier, who)));
                }
            }
        }
        for (int c = candidates.size() - 1; c >= 0; c--) {
            if (standsFor(candidates.get(c), pronoun, called)) {
                return candidates.get(c).name();
            }
        }
        return null;
    }

    /**
     * Whether the lower-cased {@code pronoun} may stand for {@code candidate}: "they" and "it" for a speaker of a
     * reporting verb; "he" and "she" for one person whom the text has not shown to be the other, by the other
     * pronoun standing for them ({@code called}, by {@link #personKey}) or by a title ({@link #titledGender}).
     */
    private boolean standsFor(Candidate candidate, String pronoun, Map<String, String> called) {
        if (!singular(pronoun)) {
            return candidate.reported();
        }
        if (!candidate.person()) {
            return false;
        }
        String gender = called.get(personKey(candidate.name()));
        if (gender == null) {
            gender = titledGender(candidate.name());
        }
        return gender == null || gender.equals(pronoun);
    }

    /**
     * Records that a "he" or "she" in the sentences before a pronoun stands for the latest of the {@code candidates}
     * before it that it may stand for, in {@code called}: after "Linda Greenfield rejected ... She said ...", "he"
     * does not stand for Linda Greenfield.
     */
    private void call(List<Candidate> candidates, Map<String, String> called, String pronoun) {
        String lower = pronoun.toLowerCase(Locale.ROOT);
        if (!singular(lower)) {
            return;
        }
        for (int c = candidates.size() - 1; c >= 0; c--) {
            if (standsFor(candidates.get(c), lower, called)) {
                called.put(personKey(candidates.get(c).name()), lower);
                return;
            }
        }
    }

    /**
     * The person a pronoun, or a title, tells the gender of for the speaker {@code name}: a name by its last word
     * ("Linda Greenfield" and "Greenfield" are one person), a description as a whole ("US ambassador").
     */
    private static String personKey(String name) {
        String last = name.substring(name.lastIndexOf(' ') + 1);
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) ? last : name;
    }

    /**
     * "he" or "she" as a title before the name {@code name} shows anywhere in the text ("Mr Nebenzya", "Ms. Linda
     * Greenfield", {@link #GENDERED_TITLES}), or null. A given name alone tells nothing: "Vassily" or "Linda" would
     * need a list of names and their genders, which no source keeps well.
     */
    private String titledGender(String name) {
        if (titledGenders == null) {
            titledGenders = new HashMap<>();
            List<Token> tokens = doc.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
                String title = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
                if (!GENDERED_TITLES.containsKey(title) || !tokens.get(i).pos().equals("NNP")) {
                    continue;
                }
                int last = i;
                while (last + 1 < tokens.size() && tokens.get(last + 1).pos().equals("NNP")
                        && tokens.get(last + 1).sentence() == tokens.get(i).sentence()) {
                    last++;
                }
                if (last > i) {
                    titledGenders.merge(tokens.get(last).text(), GENDERED_TITLES.get(title),
                            (a, b) -> a.equals(b) ? a : ""); // "Mr and Mrs Clinton": no telling which
                }
            }
        }
        String gender = titledGenders.get(personKey(name));
        return gender == null || gender.isEmpty() ? null : gender;
    }

    /**
     * Whether the speaker {@code who} of sentence {@code s} is wholly an entity that is no person: "Russia", "the
     * Kremlin" (a state, a body), not "Russia's ambassador" nor "a source close to the Kremlin".
     */
    private boolean namesNonPerson(Sentence s, String who) {
        List<EntityMention> entities = doc.entities();
        int sentenceStart = s.start();
        int lo = 0;
        int hi = entities.size();
        while (lo < hi) { // the first entity from the sentence's start on (the list is sorted by start)
            int mid = (lo + hi) >>> 1;
            if (entities.get(mid).start() < sentenceStart) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int e = lo; e < entities.size() && entities.get(e).sentence() == s.index(); e++) {
            if (entities.get(e).text().equals(who) && !PERSON_TYPES.contains(entities.get(e).type())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the subject that opens sentence {@code s}, when a verb follows it, to the speakers a pronoun after it may
     * stand for ({@link #latestSpeakerFor}): a personal pronoun stands for one of those before it ({@link #call}: "She
     * then left."); a name of proper nouns only, with no article before it, may be "he" or "she" ("Vassily Nebenzya
     * then took the floor again."; not "The Security Council met ...", a body).
     */
    private void openingSubject(Sentence s, List<Candidate> candidates, Map<String, String> called) {
        List<Token> tokens = doc.tokens();
        int from = openingStart(s, s.endToken());
        if (from >= s.endToken()) {
            return;
        }
        boolean pronoun = pronoun(from);
        String who = pronoun ? tokens.get(from).text() : chunk(from, s.endToken(), +1);
        if (who == null) {
            return;
        }
        int end = pronoun ? from + 1 : tokenAfterName(s, from, who);
        int verb = skipToName(end, s.endToken(), +1);
        if (verb >= s.endToken() || !tokens.get(verb).pos().startsWith("VB")) {
            return;
        }
        if (pronoun) {
            call(candidates, called, who);
            return;
        }
        for (int i = from; i < end; i++) {
            if (!tokens.get(i).pos().equals("NNP") && !tokens.get(i).pos().startsWith("RB")) {
                return; // "The Security Council", "the Institute for the Study of War": a body's name
            }
        }
        candidates.add(new Candidate(who, false, !namesNonPerson(s, who)));
    }

    /**
     * Whether the reporting verb at token {@code i} reports words. A verb that also takes a thing for its object
     * ({@link #OBJECT_TAKING}) does when a claim follows it ("that", a colon or a quotation mark), when it ends
     * its clause ("..., the ministry reported."), or in a sentence that quotes: "reported a good harvest" and
     * "announced a budget" report no words.
     */
    private boolean reportsSpeech(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        if (!OBJECT_TAKING.contains(tokens.get(i).lemma())) {
            return true; // "He said Western-funded NGOs were ...": say, claim, argue report a clause without "that"
        }
        if (quoteAt(tokens.get(s.firstToken()).start()) != null
                || quoteAt(tokens.get(s.endToken() - 1).start()) != null) {
            return true;
        }
        for (int k = i + 1; k < s.endToken(); k++) {
            String text = tokens.get(k).text();
            if (text.equalsIgnoreCase("that") || text.equals(":") || text.equals("\"") || text.equals("``")
                    || text.equals("“") || text.equals("«")) {
                return true;
            }
            if (text.equals(",") || text.equals(".") || text.equals(";")) {
                return k == i + 1 || adverbialsOnly(i, i + 1, k);
            }
        }
        return true;
    }

    private static boolean singular(String pronoun) {
        return pronoun.equalsIgnoreCase("he") || pronoun.equalsIgnoreCase("she");
    }

    /**
     * Whether the subject {@code who} of the reporting verb at token {@code i} is a plural noun: its head, the last
     * word before a preposition that ties it to a place or body ({@link #speakerBefore}: "Farmers", "Diplomats in
     * Brussels", "sources close to the Kremlin"; not "the UN high representative for disarmament affairs").
     */
    private boolean plural(Sentence s, int i, String who) {
        List<Token> tokens = doc.tokens();
        for (int k = i - 1; k >= s.firstToken(); k--) {
            if (who.endsWith(tokens.get(k).text())) {
                int whoStart = tokens.get(k).end() - who.length();
                int head = k;
                for (int h = k - 1; h > s.firstToken() && tokens.get(h - 1).start() >= whoStart; h--) {
                    if (SPEAKER_MODIFIERS.contains(tokens.get(h).text().toLowerCase(Locale.ROOT))) {
                        head = CLOSE_TO.contains(tokens.get(h - 1).text().toLowerCase(Locale.ROOT)) ? h - 2 : h - 1;
                    }
                }
                String pos = tokens.get(Math.max(head, s.firstToken())).pos();
                return pos.equals("NNS") || pos.equals("NNPS");
            }
        }
        return false;
    }

    /** The name that opens sentence {@code s} (after an opening "In 2016," or the like), before token {@code limit}. */
    private String openingName(Sentence s, int limit) {
        List<Token> tokens = doc.tokens();
        int from = openingStart(s, limit);
        if (from < limit && tokens.get(from).pos().equals("PRP$")) {
            from++; // "My friend William Binney, ..."
        }
        if (from < limit && pronoun(from)) {
            return antecedent(s, tokens.get(from).text()); // "He has advocated X and compared Soros to ..."
        }
        return from < limit ? chunk(from, limit, +1) : null;
    }

    /**
     * Where the subject of the clause of sentence {@code s} that runs to token {@code limit} may open: after the
     * sentence's dateline, or after a clause of the author's own (", but", "; ") when a verb of its own follows
     * that ("X won, but the opposition refused ..., saying"; not "Lavrov, while in Ankara, said"), and after an
     * opening "In 2016," or the like.
     */
    private int openingStart(Sentence s, int limit) {
        List<Token> tokens = doc.tokens();
        int from = afterDateline(s, limit);
        int contrast = lastContrastBefore(s, limit);
        if (contrast > from && verbBetween(contrast + 1, limit)) {
            from = contrast + 1;
        }
        if (tokens.get(from).pos().equals("IN")) {
            while (from < limit && !tokens.get(from).text().equals(",")) {
                from++;
            }
            from++;
        }
        return from;
    }

    /**
     * The name of a speaker that tokens [from, close) give with a description in apposition, the name second
     * ("Russia's ambassador to Latvia, Mikhail Vanin") or first ("Mikhail Vanin, Russia's ambassador to
     * Latvia"), {@code close} being the comma after the second part; else null. The name is a run of
     * {@value #MIN_APPOSITIVE_NAME} to {@value #MAX_APPOSITIVE_NAME} proper nouns, so that a place in apposition
     * ("Officials in Riga, Latvia, said") names no one; the description holds a common noun (the role).
     */
    private String appositiveName(Sentence s, int from, int close) {
        List<Token> tokens = doc.tokens();
        int open = close - 1;
        while (open > from && !tokens.get(open).text().equals(",")) {
            open--;
        }
        if (open <= from || close - from - 1 > APPOSITIVE_TOKENS) {
            return null;
        }
        int nameFrom;
        int nameTo;
        if (properName(open + 1, close) && description(from, open)) {
            nameFrom = open + 1;
            nameTo = close;
        } else if (properName(from, open) && description(open + 1, close)) {
            nameFrom = from;
            nameTo = open;
        } else {
            return null;
        }
        return doc.text().substring(tokens.get(nameFrom).start(), tokens.get(nameTo - 1).end());
    }

    /**
     * Whether tokens [from, to) are a person's name: a short run of proper nouns only, a hyphenated surname's
     * hyphen among them ("Linda Thomas-Greenfield", {@link #hyphenInName}).
     */
    private boolean properName(int from, int to) {
        if (to - from < MIN_APPOSITIVE_NAME || to - from > MAX_APPOSITIVE_NAME) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!doc.tokens().get(i).pos().equals("NNP") && !hyphenInName(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether tokens [from, to) describe a speaker and end with the speaker's name, within {@value
     * #APPOSITIVE_TOKENS} tokens: "the leader of the Gagauz autonomy Evghenia Gutul", "the head of the Socialist
     * party Igor Dodon". A speaker tag after the claim runs this long in wire copy (TASS, Sputnik, BelTA) only so;
     * words that are no description (a verb, a conjunction) make it a clause of its own.
     */
    private boolean describedPerson(int from, int to) {
        if (to - from > APPOSITIVE_TOKENS) {
            return false;
        }
        int name = to;
        while (name > from && to - name < MAX_APPOSITIVE_NAME
                && (doc.tokens().get(name - 1).pos().equals("NNP") || hyphenInName(name - 1))) {
            name--;
        }
        return properName(name, to) && description(from, name);
    }

    /** Whether tokens [from, to) describe a speaker's role: a noun phrase with a common noun ("the Kremlin's spokesman"). */
    private boolean description(int from, int to) {
        boolean role = false;
        for (int i = from; i < to; i++) {
            Token t = doc.tokens().get(i);
            if (!SPEAKER_POS.contains(t.pos()) && !DESCRIPTION_LINK_POS.contains(t.pos()) && !NAME_LINKS.contains(t.text())) {
                return false;
            }
            role |= t.pos().equals("NN") || t.pos().equals("NNS");
        }
        return role;
    }

    /** Whether a verb stands among tokens [from, to). */
    private boolean verbBetween(int from, int to) {
        for (int k = from; k < to; k++) {
            if (doc.tokens().get(k).pos().startsWith("VB") || doc.tokens().get(k).pos().equals("MD")) {
                return true;
            }
        }
        return false;
    }

    /** Where a sentence starts after its dateline ({@link Dateline}), looking no further than {@code limit}. */
    private int afterDateline(Sentence s, int limit) {
        return Dateline.end(doc.tokens(), s, limit);
    }

    /**
     * Whether token {@code k} opens a clause of the author's own, which stops a reporting verb before it from
     * speaking for a claim after it: "Washington calls these facts disinformation, but it has never explained
     * why ...", "...; the labs ...".
     */
    private boolean contrastAt(int k) {
        List<Token> tokens = doc.tokens();
        String text = tokens.get(k).text();
        return text.equals(";")
                || tokens.get(k - 1).text().equals(",") && CONTRAST.contains(text.toLowerCase(Locale.ROOT));
    }

    /**
     * The last token of sentence {@code s} before {@code at} that opens a clause of the author's own, else the
     * sentence's first token.
     */
    private int lastContrastBefore(Sentence s, int at) {
        int[] contrasts = reporters(s).contrasts();
        int last = firstAtOrAfter(contrasts, at) - 1;
        return last >= 0 ? contrasts[last] : s.firstToken();
    }

    /**
     * Whether token {@code i} is a verb that introduces reported speech: not an infinitive that reports
     * nobody's speech ("evidence to suggest"), nor a past participle that modifies the noun before it ("a
     * so-called war", "a town called X", "videos tweeted out by a politician"), nor one whose object is a thing
     * ("believe what they are told"), nor a verb that relates X to Y as a preposition or passive ("compared to
     * 2015", "linked to the drugs trade"), nor one that joins things ("the road linking Yerevan to Gyumri"), nor
     * a noun the tagger reads as a verb ({@link #nounReadAsVerb}: "the Baltic states"); a denouncing verb only
     * with its "as" ("condemned the removal as Russophobia").
     */
    private boolean reporting(Sentence s, int i) {
        Token t = doc.tokens().get(i);
        return t.pos().startsWith("VB") && !bareInfinitive(i) && !modifiesNoun(i) && !inFreeRelative(i)
                && !nounReadAsVerb(i)
                && (REPORTING.contains(t.lemma()) && !(RELATING.contains(t.lemma()) && prepositional(i))
                && (!CONNECTING.contains(t.lemma()) || speakerSubject(i))
                || DENOUNCING.contains(t.lemma()) && asFollows(s, i)
                || REPORTING_BEFORE_CLAIM.contains(t.lemma())
                        && (claimFollows(i) || reportsThroughClaimNoun(i)
                        || CLOSING_TAG.contains(t.lemma()) && closesSpeakerTag(s, i)));
    }

    /**
     * Whether the verb at token {@code i} is a noun the tagger reads as one ("states", "claims", "reports"): a word
     * inside a tracked entity's name ("the Baltic states", "the Baltic States"), or a present-tense form right after
     * an adjective the gazetteer links (a demonym), which is no verb's subject: "Russian claims that ...". Not after
     * any adjective: one may stand for a noun ("The first says that ...", "the other holds that ...") and the
     * tagger reads some given names as one ("Annegret claims").
     */
    private boolean nounReadAsVerb(int i) {
        List<Token> tokens = doc.tokens();
        Token t = tokens.get(i);
        if (inMention(t)) {
            return true;
        }
        return i > 0 && t.pos().equals("VBZ") && tokens.get(i - 1).pos().equals("JJ") && inMention(tokens.get(i - 1));
    }

    /** Whether a token lies inside a tracked entity mention. */
    private boolean inMention(Token t) {
        return !mentions.overlapping(t.start(), t.end()).isEmpty();
    }

    /**
     * Whether the verb at token {@code i} of sentence {@code s} closes a speaker tag after the claim: it follows a
     * comma or a closing quotation mark with nothing between but its subject (", Zakharova added.", "," he noted in
     * a statement.", ", added Lavrov."), and has no object: after it, and any adverbs, the sentence ends or a
     * preposition, a comma or a name follows, and nothing after it but the time, place or audience
     * ({@link #adverbialsOnly}) and no agent ("..., a policy continued to this day by the current US envoy" is a
     * participle that modifies its noun). "NATO holds exercises" and ", and the army pushed the enemy back" report
     * nothing.
     */
    private boolean closesSpeakerTag(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        for (int k = i + 1; k < s.endToken(); k++) {
            if (tokens.get(k).text().equalsIgnoreCase("by")) {
                return false;
            }
        }
        int next = i + 1;
        while (next < s.endToken() && tokens.get(next).pos().startsWith("RB")) {
            next++;
        }
        if (next < s.endToken()) {
            String pos = tokens.get(next).pos();
            if (!pos.equals("IN") && !pos.startsWith("NNP") && !pos.equals(",") && !pos.equals(".")) {
                return false;
            }
        }
        if (!adverbialsOnly(i, i + 1, s.endToken())) {
            return false;
        }
        int stop = Math.max(s.firstToken(), i - TRAILING_SPEAKER_TOKENS - APPOSITIVE_TOKENS) - 1;
        int subjectEnd = auxiliariesBefore(i, stop);
        for (int k = subjectEnd - 1; k > stop; k--) {
            Token t = tokens.get(k);
            if (t.text().equals(",") || QUOTE_CLOSERS.contains(t.text())) {
                return i - k <= TRAILING_SPEAKER_TOKENS || describedPerson(k + 1, subjectEnd);
            }
            if (!speakerWord(k) && !t.pos().equals("DT") && !t.pos().startsWith("RB")
                    && !t.pos().equals("PRP") && !NAME_LINKS.contains(t.text())) {
                return false;
            }
        }
        return false;
    }

    /**
     * The first of the auxiliaries of the perfect, "do" and modals, and of adverbs, that stand right
     * before the verb at token {@code verb} (", Russian officials have said.", ", Kremlin aides have repeatedly
     * said.", ", analysts had warned."), walking back no further than {@code stop} (exclusive); {@code verb} itself
     * when there are none. Not "be": ", it was claimed." and ", sources were told." are passives that name no speaker.
     */
    private int auxiliariesBefore(int verb, int stop) {
        List<Token> tokens = doc.tokens();
        int k = verb;
        while (k - 1 > stop && (tokens.get(k - 1).pos().startsWith("RB") || tokens.get(k - 1).pos().equals("MD")
                || tokens.get(k - 1).pos().startsWith("VB") && TENSE_AUXILIARY.contains(tokens.get(k - 1).lemma()))) {
            k--;
        }
        return k;
    }

    /**
     * Whether token {@code i} may be part of a speaker's name or description ({@link #SPEAKER_POS}), or is a plural
     * noun the tagger reads as a verb: a present-tense verb right before another finite verb ("Kremlin
     * propagandists allege that ...", "propagandists/VBZ allege/VBP"), which no auxiliary can be.
     */
    private boolean speakerWord(int i) {
        List<Token> tokens = doc.tokens();
        Token t = tokens.get(i);
        if (SPEAKER_POS.contains(t.pos()) || hyphenInName(i)) {
            return true;
        }
        return t.pos().equals("VBZ") && !AUXILIARY.contains(t.lemma()) && i + 1 < tokens.size()
                && (tokens.get(i + 1).pos().equals("VBP") || tokens.get(i + 1).pos().equals("VBD"));
    }

    /**
     * Whether token {@code i} is the hyphen of a hyphenated name, which the tokenizer splits ("Thomas-Greenfield",
     * "Kramp-Karrenbauer"): no space on either side, and a word of a name on both. Not a dash between spaces, as
     * in a dateline ("MOSCOW, March 3 - Russian Foreign Minister Sergei Lavrov said").
     */
    private boolean hyphenInName(int i) {
        List<Token> tokens = doc.tokens();
        if (!tokens.get(i).pos().equals("HYPH") || i == 0 || i + 1 >= tokens.size()) {
            return false;
        }
        Token before = tokens.get(i - 1);
        Token after = tokens.get(i + 1);
        return before.end() == tokens.get(i).start() && tokens.get(i).end() == after.start()
                && SPEAKER_POS.contains(before.pos()) && SPEAKER_POS.contains(after.pos());
    }

    /**
     * Whether the subject of the joining verb at token {@code i} ({@link #CONNECTING}) is one that can speak: a
     * name, a plural noun or a personal pronoun ("Moscow links ...", "critics have linked ...", "they tie ..."),
     * not a thing ("the road links ...", "it connects ..."). A participle right after its noun phrase modifies it
     * ("the road linking Yerevan to Gyumri", "a pipeline linking Russia to Germany") unless "with" makes that
     * noun phrase its subject ("with the opposition Sweden Democrats linking crime to immigrants").
     */
    private boolean speakerSubject(int i) {
        List<Token> tokens = doc.tokens();
        if (i == 0) {
            return false;
        }
        if (tokens.get(i).pos().equals("VBG") && tokens.get(i - 1).pos().startsWith("NN")) {
            for (int k = i - 1; k >= Math.max(0, i - NOUN_PHRASE_TOKENS); k--) {
                Token t = tokens.get(k);
                if (t.text().equalsIgnoreCase("with")) {
                    return true;
                }
                if (!NOUN_PHRASE_POS.contains(t.pos())) {
                    return false;
                }
            }
            return false;
        }
        int before = skipToName(i - 1, -1, -1);
        if (before < 0) {
            return false;
        }
        Token subject = tokens.get(before);
        return subject.pos().equals("NNP") || subject.pos().equals("NNPS") || subject.pos().equals("NNS")
                || subject.pos().equals("PRP") && !subject.text().equalsIgnoreCase("it");
    }

    /**
     * Whether the verb at token {@code i} has a free relative for its object ("believe what they are told"; not
     * a verb whose claim follows its object, {@link #OBJECT_THEN_CLAIM}) or is a passive in one ("what they are
     * told by the elites"): what it reports is a thing, not the claim beside it. An active verb in one still
     * names its speaker's words: "what he calls the Global War Party", "what it said were documents".
     */
    private boolean inFreeRelative(int i) {
        List<Token> tokens = doc.tokens();
        if (i + 1 < tokens.size() && tokens.get(i + 1).text().toLowerCase(Locale.ROOT).startsWith("what")
                && !OBJECT_THEN_CLAIM.contains(tokens.get(i).lemma())) {
            return true;
        }
        int k = i - 1;
        boolean passive = false;
        while (k >= 0 && (AUXILIARY.contains(tokens.get(k).lemma()) || tokens.get(k).pos().startsWith("RB")
                || tokens.get(k).pos().equals("MD"))) {
            passive |= tokens.get(k).lemma().equals("be");
            k--;
        }
        if (k >= 0 && (tokens.get(k).pos().equals("PRP") || tokens.get(k).pos().startsWith("NN"))) {
            k--;
        }
        return passive && tokens.get(i).pos().equals("VBN") && k >= 0 && tokens.get(k).text().equalsIgnoreCase("what");
    }

    /**
     * Whether "as" follows the verb at token {@code i} after its object, within {@value #DENOUNCED_OBJECT_TOKENS}
     * tokens and before any other verb or punctuation: "denounced the decision as an act of Russophobia",
     * "condemned as Russophobia the removal of ...".
     */
    private boolean asFollows(Sentence s, int i) {
        List<Token> tokens = doc.tokens();
        for (int k = i + 1; k < Math.min(s.endToken(), i + 2 + DENOUNCED_OBJECT_TOKENS); k++) {
            Token t = tokens.get(k);
            if (t.text().equalsIgnoreCase("as")) {
                return true;
            }
            if (t.pos().startsWith("VB") || t.pos().equals("MD") || !Character.isLetterOrDigit(t.text().charAt(0))
                    && !t.pos().equals("POS") && !t.pos().equals("HYPH")) {
                return false;
            }
        }
        return false;
    }

    /** Whether "to" or "with" follows token {@code i} at once: "compared to 2015" compares, it reports no one. */
    private boolean prepositional(int i) {
        List<Token> tokens = doc.tokens();
        return i + 1 < tokens.size() && (tokens.get(i + 1).text().equalsIgnoreCase("to")
                || tokens.get(i + 1).text().equalsIgnoreCase("with"));
    }

    /**
     * Whether a claim follows token {@code i} at once, or after adverbs and a time ("repeated this week that",
     * "reiterated on Monday that", "added again that", {@link #afterAdverbials}): "that", a colon or an opening
     * quotation mark.
     */
    private boolean claimFollows(int i) {
        List<Token> tokens = doc.tokens();
        int at = afterAdverbials(i + 1);
        if (at >= tokens.size()) {
            return false;
        }
        String next = tokens.get(at).text();
        return next.equalsIgnoreCase("that") || next.equals(":") || next.equals("\"") || next.equals("``")
                || next.equals("“") || next.equals("«") || next.equals(",") && at + 1 < tokens.size()
                && (tokens.get(at + 1).text().equals("\"") || tokens.get(at + 1).text().equals("“"));
    }

    /**
     * Whether the verb at token {@code i} reports only through a claim noun after it, after adverbs and a time as in
     * {@link #claimFollows}: "push the line that ...", "echoed the narrative that ..." ({@link #claimNounThat}).
     */
    private boolean reportsThroughClaimNoun(int i) {
        return REPORTING_BEFORE_CLAIM.contains(doc.tokens().get(i).lemma()) && claimNounThat(afterAdverbials(i + 1));
    }

    /**
     * The first token from {@code from} on that is neither an adverb nor part of a time adverbial ("again",
     * "yesterday", "this week", "late on Monday", "earlier this month"; {@link #timeAdverbialEnd}). Not "so" or
     * "now", which open a clause of their own with "that" ("pushed forward so that ...").
     */
    private int afterAdverbials(int from) {
        List<Token> tokens = doc.tokens();
        int i = from;
        int skipped;
        do {
            skipped = i;
            while (i < tokens.size() && tokens.get(i).pos().startsWith("RB")
                    && !CLAUSE_ADVERBS.contains(tokens.get(i).text().toLowerCase(Locale.ROOT))) {
                i++;
            }
            i = channelEnd(timeAdverbialEnd(i));
        } while (i != skipped);
        return i;
    }

    /**
     * After "with X" or "in X" at token {@code from} ({@code preposition}, then a name of proper nouns: "with RIA
     * Novosti", "in Moscow"), the token after the name; {@code from} itself when none.
     */
    private int nameAfter(int from, String preposition) {
        List<Token> tokens = doc.tokens();
        if (from >= tokens.size() || !tokens.get(from).text().equals(preposition)) {
            return from;
        }
        int name = from + 1;
        while (name < tokens.size() && name <= from + CHANNEL_TOKENS
                && (tokens.get(name).pos().startsWith("NNP") || tokens.get(name).pos().equals("DT"))) {
            name++;
        }
        return name > from + 1 ? name : from;
    }

    /**
     * The end of a phrase that says where a statement was made ("in a statement", "in an interview with RT", "on
     * Telegram", "at a press conference"), which may stand between a verb and its "that": "reiterated in a
     * statement that ...". A preposition, at most {@value #CHANNEL_TOKENS} tokens of its noun phrase ending in a
     * channel ({@link #CHANNELS}), then "with" whom and "in" where ({@link #nameAfter}); {@code from} itself when none.
     */
    private int channelEnd(int from) {
        List<Token> tokens = doc.tokens();
        if (from >= tokens.size() || !CHANNEL_PREPOSITIONS.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
            return from;
        }
        for (int k = from + 1; k < Math.min(tokens.size(), from + 1 + CHANNEL_TOKENS); k++) {
            Token t = tokens.get(k);
            if (CHANNELS.contains(t.lemma())) {
                int end = nameAfter(nameAfter(k + 1, "with"), "in");
                // "in a statement that was later deleted": a verb after "that" opens a relative clause of the channel
                boolean relative = end + 1 < tokens.size() && tokens.get(end).text().equalsIgnoreCase("that")
                        && (tokens.get(end + 1).pos().startsWith("VB") || tokens.get(end + 1).pos().equals("MD"));
                return relative ? from : end;
            }
            if (!NOUN_PHRASE_POS.contains(t.pos()) || t.text().equals(",")) {
                return from;
            }
        }
        return from;
    }

    /**
     * The token after the time adverbial that opens at token {@code from} ("yesterday", "on Monday", "this week",
     * "late on Tuesday", "on March 3"): openers, then the time; {@code from} itself when none opens there. Unlike
     * {@link #beforeTimeAdverbial}, no article: "continued on the day that ..." opens a relative clause.
     */
    private int timeAdverbialEnd(int from) {
        List<Token> tokens = doc.tokens();
        if (from < tokens.size() && DEICTIC_TIMES.contains(tokens.get(from).text().toLowerCase(Locale.ROOT))) {
            return from + 1;
        }
        int k = from;
        boolean opener = false;
        while (k < tokens.size() && TIME_OPENERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
            opener = true;
            k++;
        }
        boolean timeWord = false;
        while (opener && k < tokens.size() && (timeWord(tokens.get(k)) || tokens.get(k).pos().equals("CD"))) {
            timeWord |= timeWord(tokens.get(k));
            k++;
        }
        return timeWord ? k : from;
    }

    /**
     * Whether a short noun phrase whose head names a claim, and then "that", open at token {@code from}: "the line
     * that ...", "the same old narrative that ...", "Moscow's idea that ...". The head is a claim noun ({@link
     * Rebuttal#CLAIM_NOUNS}) or a line pushed ({@link #PUSHED_CLAIM_NOUNS}); a verb right after "that" makes it a
     * relative clause ("held the line that runs along the river"), as {@link #claimThatAt} reads it.
     */
    private boolean claimNounThat(int from) {
        List<Token> tokens = doc.tokens();
        for (int k = from; k < Math.min(tokens.size() - 1, from + CLAIM_OBJECT_TOKENS); k++) {
            Token t = tokens.get(k);
            if (t.pos().startsWith("NN") && tokens.get(k + 1).text().equalsIgnoreCase("that")
                    && (Rebuttal.CLAIM_NOUNS.contains(t.lemma()) || PUSHED_CLAIM_NOUNS.contains(t.lemma()))) {
                return k + 2 < tokens.size() && !tokens.get(k + 2).pos().startsWith("VB")
                        && !tokens.get(k + 2).pos().equals("MD");
            }
            if (!NOUN_PHRASE_POS.contains(t.pos()) || t.pos().equals(",")) {
                return false;
            }
        }
        return false;
    }

    /**
     * A past participle that modifies the noun before it rather than says anything: "the so-called war", "a
     * town called Bucha", "videos tweeted out by a British politician", "people suspected of vote buying" (a
     * participle other than "called" only with its agent after it, or "of" after a verb that takes it only in the
     * passive, {@link #PASSIVE_WITH_OF}: "officials have for years described X as" is a verb the tagger reads as
     * one). The tagger reads "suspected" and "accused" after a noun as a past tense as often: "of" says which.
     */
    private boolean modifiesNoun(int i) {
        List<Token> tokens = doc.tokens();
        if (i == 0 || !tokens.get(i).pos().equals("VBN") && !tokens.get(i).pos().equals("VBD")) {
            return false;
        }
        Token before = tokens.get(i - 1);
        boolean afterNoun = before.pos().startsWith("NN") || before.pos().equals("HYPH") || before.text().equals("so");
        boolean passiveWithOf = PASSIVE_WITH_OF.contains(tokens.get(i).lemma()) && i + 1 < tokens.size()
                && tokens.get(i + 1).text().equalsIgnoreCase("of");
        return afterNoun && (passiveWithOf || tokens.get(i).pos().equals("VBN")
                && (tokens.get(i).lemma().equals("call") || agentFollows(i)));
    }

    /** Whether "by" follows the participle at token {@code i}, at once or after a particle: "tweeted out by". */
    private boolean agentFollows(int i) {
        List<Token> tokens = doc.tokens();
        for (int k = i + 1; k < Math.min(tokens.size(), i + 3); k++) {
            if (tokens.get(k).text().equalsIgnoreCase("by")) {
                return true;
            }
            if (!tokens.get(k).pos().equals("RP")) {
                return false;
            }
        }
        return false;
    }

    /** "evidence to suggest", "a reason to believe": an infinitive reports nobody's speech, unless a verb carries it ("continues to argue"). */
    private boolean bareInfinitive(int i) {
        List<Token> tokens = doc.tokens();
        return i > 0 && tokens.get(i - 1).pos().equals("TO") && !(i > 1 && CATENATIVE.contains(tokens.get(i - 2).lemma()));
    }

    private Sentence sentenceAt(int offset) {
        int i = doc.sentenceAt(offset);
        return doc.sentences().get(i >= 0 ? i : doc.sentences().size() - 1);
    }

    /**
     * The run of name-like tokens from {@code from} towards {@code stop} (exclusive). Before the run it
     * skips what stands between a verb and its subject (a determiner, adverbs, auxiliaries, "continues
     * to", going back a parenthesis or a time adverbial: "Lavrov on Monday said"); inside it, "of", "for"
     * and "the" between capitalised words ("Institute for the Study of War").
     */
    private String chunk(int from, int stop, int step) {
        List<Token> tokens = doc.tokens();
        int i = skipToName(from, stop, step);
        int a = i;
        int b = i;
        while (i != stop) {
            if (speakerWord(i)) {
                b = i;
                i += step;
                continue;
            }
            int paper = i - 1; // at "on" of "The Mail on Sunday", whatever the tagger makes of "Mail"
            if (sundayPaperAt(paper) && (step < 0 ? paper > stop : paper + 2 < stop)) {
                b = step < 0 ? paper : paper + 2;
                i = b + step;
                continue;
            }
            int j = i;
            while (j != stop && NAME_LINKS.contains(tokens.get(j).text())) {
                j += step;
            }
            if (j == i || j == stop || !tokens.get(b).pos().startsWith("NNP") || !tokens.get(j).pos().startsWith("NNP")) {
                break;
            }
            i = j;
        }
        if (i == a) {
            return null;
        }
        while (step > 0 && b > a && tokens.get(b).pos().equals("JJ")) {
            b--; // "an adviser close to the government": an adjective after a noun is no part of its name
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return doc.text().substring(tokens.get(lo).start(), tokens.get(hi).end());
    }

    /**
     * The speaker named before token {@code from} (walking back no further than {@code stop}, exclusive), as {@link
     * #chunk} reads it, with the common noun that a preposition ties the name to: "diplomats in Brussels", "a
     * source close to the Kremlin", "officials at the Russian embassy" speak, not Brussels or the Kremlin.
     */
    private String speakerBefore(int from, int stop) {
        String who = chunk(from, stop, -1);
        if (who == null) {
            return null;
        }
        List<Token> tokens = doc.tokens();
        int first = skipToName(from, stop, -1);
        int end = tokens.get(first).end();
        while (first != stop && tokens.get(first).start() > end - who.length()) {
            first--;
        }
        int k = first - 1;
        while (k != stop && (tokens.get(k).pos().equals("DT") || tokens.get(k).pos().equals("PRP$"))) {
            k--;
        }
        if (k == stop || !SPEAKER_MODIFIERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))) {
            return who;
        }
        if (tokens.get(k).text().equalsIgnoreCase("to") && k - 1 != stop
                && CLOSE_TO.contains(tokens.get(k - 1).text().toLowerCase(Locale.ROOT))) {
            k--; // "a source close to the Kremlin"
        }
        String head = chunk(k - 1, stop, -1);
        int headEnd = skipToName(k - 1, stop, -1);
        if (head == null || headEnd != k - 1 || !tokens.get(headEnd).pos().startsWith("NN")) {
            return who;
        }
        if (tokens.get(headEnd).pos().startsWith("NNP")) {
            return head; // "Putin in Moscow said": a name with a place, and the name speaks
        }
        return doc.text().substring(tokens.get(headEnd).end() - head.length(), end);
    }

    private int skipToName(int from, int stop, int step) {
        List<Token> tokens = doc.tokens();
        int i = from;
        if (step < 0 && i != stop && tokens.get(i).text().equals(")")) {
            // "The Associated Press (AP) reported": the name stands before the parenthesis
            int open = i;
            while (open != stop && !tokens.get(open).text().equals("(")) {
                open += step;
            }
            i = open == stop ? i : open + step;
        }
        int skipped;
        do {
            skipped = i;
            while (i != stop && (tokens.get(i).pos().equals("DT") || tokens.get(i).pos().startsWith("RB")
                    || tokens.get(i).pos().equals("MD") || tokens.get(i).pos().equals("TO")
                    || AUXILIARY.contains(tokens.get(i).lemma()) || CATENATIVE.contains(tokens.get(i).lemma())
                    || adverbTaggedAdjective(i))) {
                i += step;
            }
            if (step < 0) {
                i = beforeTimeAdverbial(i, stop); // "Lavrov on Monday said", "Lavrov also on Monday said"
            }
        } while (i != skipped);
        return i;
    }

    /**
     * Whether token {@code i} is an adverb the tagger reads as an adjective: one between an auxiliary and a verb
     * ("have long blamed"), where no noun phrase stands.
     */
    private boolean adverbTaggedAdjective(int i) {
        List<Token> tokens = doc.tokens();
        return tokens.get(i).pos().equals("JJ") && i > 0 && i + 1 < tokens.size()
                && (AUXILIARY.contains(tokens.get(i - 1).lemma()) || tokens.get(i - 1).pos().equals("MD"))
                && tokens.get(i + 1).pos().startsWith("VB");
    }

    /**
     * The token before the time adverbial that ends at token {@code end} ("on Monday", "late on Tuesday", "last
     * week", "on March 3", "earlier this month"), walking back no further than {@code stop} (exclusive); {@code
     * end} itself when no time adverbial ends there.
     */
    private int beforeTimeAdverbial(int end, int stop) {
        List<Token> tokens = doc.tokens();
        if (end != stop && DEICTIC_TIMES.contains(tokens.get(end).text().toLowerCase(Locale.ROOT))) {
            return end - 1; // "Lavrov yesterday said": an adverbial on its own, whatever its tag
        }
        int k = end;
        boolean timeWord = false;
        while (k != stop && (timeWord(tokens.get(k)) || tokens.get(k).pos().equals("CD"))) {
            timeWord |= timeWord(tokens.get(k));
            k--;
        }
        boolean opener = false;
        while (timeWord && k != stop && (TIME_OPENERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))
                || tokens.get(k).pos().equals("DT"))) {
            opener |= TIME_OPENERS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT));
            k--;
        }
        return opener && !(k != stop && k + 2 == end && sundayPaperAt(k)) ? k : end;
    }

    /** Whether a token ends a time adverbial ({@link #TIME_WORDS}), or is a year: "since 2014", "in 2022". */
    private static boolean timeWord(Token t) {
        return TIME_WORDS.contains(t.text().toLowerCase(Locale.ROOT))
                || t.pos().equals("CD") && YEAR.matcher(t.text()).matches();
    }

    /** Whether tokens {@code k} to {@code k + 2} are the name of a Sunday paper: "Mail on Sunday". */
    private boolean sundayPaperAt(int k) {
        List<Token> tokens = doc.tokens();
        return k >= 0 && k + 2 < tokens.size() && ON_SUNDAY_TITLES.contains(tokens.get(k).text().toLowerCase(Locale.ROOT))
                && tokens.get(k + 1).text().equals("on") && tokens.get(k + 2).text().equals("Sunday");
    }

    /** Spans of double-quoted passages of reported speech, paired within a paragraph. */
    static List<Span> quotations(String text) {
        List<Span> out = new ArrayList<>();
        int open = -1;
        char closer = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                open = -1;
            } else if (open < 0 && (c == '“' || c == '«' || c == '"' || c == '„')) {
                open = i;
                closer = c == '“' ? '”' : c == '«' ? '»' : c == '„' ? '“' : '"';
            } else if (open >= 0 && (c == closer || (closer == '“' && c == '”'))) {
                if (text.substring(open + 1, i).strip().split("\\s+").length >= MIN_QUOTE_WORDS) {
                    out.add(new Span(open, i + 1));
                }
                open = -1;
            }
        }
        return out;
    }
}
