package org.narrativewatch.entities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Sentence;

/**
 * Finds the tracked entities of a catalog in text: every alias, demonym (and its plural) and metonym
 * in one {@link PhraseTrie}, longest match first, then each is kept or dropped from its context
 * ({@link AmbiguityRules}). The longer names that only borrow a name ("Russian roulette") are in the
 * trie too, so that they win over the name they hold, and then give no mention. Nothing inside a
 * web address is a mention (a link's slug names no entity in the text). Immutable and
 * thread-safe once built.
 */
public final class Gazetteer {
    /**
     * A name in the trie: the entity it stands for, how, and whether context must confirm it; or,
     * with {@code borrowed}, a longer name that only borrows one of the entity's names.
     */
    record Name(TrackedEntity entity, String via, boolean ambiguous, boolean borrowed) {
    }

    private final EntityCatalog catalog;
    private final PhraseTrie<Name> names = new PhraseTrie<>(PhraseTrie.Case.NAMES);
    private final AmbiguityRules ambiguity;
    private int borrowedNames;

    public Gazetteer(EntityCatalog catalog) {
        this.catalog = catalog;
        for (TrackedEntity e : catalog.entities()) {
            Set<String> ambiguous = Set.copyOf(e.context().ambiguous());
            addAll(e, e.aliases(), GazetteerMatch.ALIAS, ambiguous);
            addAll(e, e.metonyms(), GazetteerMatch.METONYMY, ambiguous);
            addAll(e, e.demonyms(), GazetteerMatch.DEMONYM, ambiguous);
        }
        // Derived forms come last, so a name written in the catalog always wins over a derived one; a
        // plural the entry lists itself is not derived again.
        for (TrackedEntity e : catalog.entities()) {
            Set<String> ambiguous = Set.copyOf(e.context().ambiguous());
            for (String demonym : e.demonyms()) {
                String plural = plural(demonym);
                if (plural != null && !e.demonyms().contains(plural)) {
                    names.add(plural, new Name(e, GazetteerMatch.DEMONYM, ambiguous.contains(demonym), false));
                }
            }
            for (String longer : e.borrowedIn()) {
                if (names.add(longer, new Name(e, null, false, true))) {
                    borrowedNames++;
                }
            }
        }
        this.ambiguity = new AmbiguityRules(catalog);
    }

    private void addAll(TrackedEntity e, Collection<String> forms, String via, Set<String> ambiguous) {
        for (String form : forms) {
            names.add(form, new Name(e, via, ambiguous.contains(form), false));
        }
    }

    public EntityCatalog catalog() {
        return catalog;
    }

    /** Number of surface forms the matcher links, derived plurals included (the borrowing names are not). */
    public int size() {
        return names.size() - borrowedNames;
    }

    /**
     * Tracked entities in an article's analysed text (dropped parts are blanked, so nothing is found
     * there), in order. Its sentences, when set, bound every name (none runs from one into the
     * next) and are the window in which ambiguous names are judged, and its part-of-speech tags
     * tell longer names and person names apart. Its NER mentions are not read: the result is the
     * same with and without the statistical NER.
     */
    public List<GazetteerMatch> find(Doc doc) {
        String text = doc.article().analysedText();
        List<PhraseTokens.Tok> tokens = withSentenceBreaks(PhraseTokens.of(text), doc.sentences());
        List<Name> found = new ArrayList<>();
        List<GazetteerMatch> candidates = new ArrayList<>();
        List<int[]> addresses = AmbiguityRules.webAddresses(text);
        for (PhraseTrie.Hit<Name> hit : names.find(withoutQuotationMarks(tokens))) {
            Name name = hit.values().get(0);
            if (!name.borrowed() && !AmbiguityRules.inside(addresses, hit.start(), hit.endChar())) {
                found.add(name);
                int end = withClosingQuotationMark(text, hit.start(), hit.endChar());
                candidates.add(new GazetteerMatch(hit.start(), end, name.entity(), name.via()));
            }
        }
        // From the end, so that in a list ("the Donetsk, Luhansk, Zaporizhzhia and Kherson regions") each
        // name before a comma finds the plural that the name after it took its ending from.
        GazetteerMatch[] pluralEnding = new GazetteerMatch[candidates.size()];
        for (int i = candidates.size() - 2; i >= 0; i--) {
            GazetteerMatch next = candidates.get(i + 1);
            GazetteerMatch plural = COORDINATION.matcher(text).region(candidates.get(i).end(), next.start()).matches() ? next
                    : LIST_COMMA.matcher(text).region(candidates.get(i).end(), next.start()).matches() ? pluralEnding[i + 1]
                    : null;
            Name coordinated = plural == null ? null : firstOfCoordinatedPlural(text, candidates.get(i), plural);
            if (coordinated != null) {
                found.set(i, coordinated);
                GazetteerMatch first = candidates.get(i);
                candidates.set(i, new GazetteerMatch(first.start(), first.end(), coordinated.entity(), coordinated.via()));
                pluralEnding[i] = plural;
            }
        }
        AmbiguityRules.Article context = ambiguity.article(doc, text, tokens, addresses, candidates);
        List<GazetteerMatch> matches = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (context.confirms(candidates.get(i), found.get(i).ambiguous())) {
                matches.add(candidates.get(i));
            }
        }
        return matches;
    }

    /** Double quotation marks and guillemets: no tracked name holds one. */
    private static final Pattern DOUBLE_QUOTATION_MARK = Pattern.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]");
    /** A single quotation mark, as {@link PhraseTokens} writes all its variants. */
    private static final String SINGLE_QUOTATION_MARK = "'";

    /**
     * The tokens without the quotation marks that writers put around part of a name to keep their
     * distance from it: the Luhansk "People's Republic", the Donetsk ‘People’s Republic’. Double
     * marks and guillemets go wherever they are; a single mark goes only where it opens a quotation
     * (after a space, before a word), so the apostrophe of "People's" stays. The gap before a
     * dropped mark passes to the token after it, so no name runs across a paragraph break it opens.
     */
    private static List<PhraseTokens.Tok> withoutQuotationMarks(List<PhraseTokens.Tok> tokens) {
        List<PhraseTokens.Tok> kept = new ArrayList<>(tokens.size());
        int carriedGap = -1;
        for (int i = 0; i < tokens.size(); i++) {
            PhraseTokens.Tok t = tokens.get(i);
            boolean opensSingle = SINGLE_QUOTATION_MARK.equals(t.form()) && t.gapBefore()
                    && i + 1 < tokens.size() && !tokens.get(i + 1).gapBefore();
            if (opensSingle || DOUBLE_QUOTATION_MARK.matcher(t.form()).matches()) {
                carriedGap = Math.max(carriedGap, t.gap());
                continue;
            }
            kept.add(carriedGap > t.gap() ? new PhraseTokens.Tok(t.start(), t.end(), t.form(), t.key(), carriedGap) : t);
            carriedGap = -1;
        }
        return kept;
    }

    /**
     * The end of a name found across an opening quotation mark, taken past the mark that closes it
     * right after the name, so the mention reads the Luhansk “People’s Republic”, not the Luhansk
     * “People’s Republic.
     */
    private static int withClosingQuotationMark(String text, int start, int end) {
        if (end >= text.length()) {
            return end;
        }
        String closing = switch (text.charAt(end)) {
            case '"' -> "\"";
            case '\u201d' -> "\u201c\u201e";
            case '\u2019' -> "\u2018";
            case '\'' -> "'";
            case '\u00bb' -> "\u00ab";
            default -> null;
        };
        if (closing == null) {
            return end;
        }
        int opened = 0;
        for (int i = start; i < end; i++) {
            if (closing.indexOf(text.charAt(i)) >= 0 && (i == start || Character.isWhitespace(text.charAt(i - 1)))) {
                opened++;
            }
        }
        return opened % 2 == 1 ? end + 1 : end;
    }

    /** "X and Y Zs" (or "X, and Y Zs", "X or Y Zs"), where "Y Zs" is a tracked name: the names that share the plural ending. */
    private static final Pattern COORDINATION = Pattern.compile(",?\\s+(?:and|or)\\s+");
    /** "X, Y and Z Zs": a name of the list before the last two. */
    private static final Pattern LIST_COMMA = Pattern.compile(",\\s+");

    /**
     * The name a coordinated name stands for when the last of its list, a name in the plural ("Donetsk
     * People's Republics", "Kherson regions"), gives it its ending: in "the Luhansk and Donetsk People's
     * Republics", "Luhansk" is short for "Luhansk People's Republic", not the city. Null when the
     * plural is no name of several words, or the name with that ending in the singular is no tracked name.
     */
    private Name firstOfCoordinatedPlural(String text, GazetteerMatch first, GazetteerMatch second) {
        String plural = text.substring(second.start(), second.end());
        List<PhraseTokens.Tok> words = PhraseTokens.of(plural);
        if (words.size() < 2 || !plural.endsWith("s")) {
            return null;
        }
        String full = text.substring(first.start(), first.end()) + " "
                + plural.substring(words.get(1).start(), plural.length() - 1);
        List<PhraseTrie.Hit<Name>> hits = names.find(PhraseTokens.of(full));
        if (hits.size() != 1 || hits.get(0).start() != 0 || hits.get(0).endChar() != full.length()) {
            return null;
        }
        Name name = hits.get(0).values().get(0);
        return name.borrowed() ? null : name;
    }

    /**
     * The tokens, with a break before each one that lies in another sentence than the token before
     * it. A mention's {@code sentence} must be the sentence that holds all of it: a name wrapped
     * onto the next line where that line break ends a sentence ("the Russian⏎Federation.") is
     * matched in its first sentence only ("Russian"), not across the boundary.
     */
    private static List<PhraseTokens.Tok> withSentenceBreaks(List<PhraseTokens.Tok> tokens, List<Sentence> sentences) {
        List<PhraseTokens.Tok> broken = new ArrayList<>(tokens.size());
        int sentence = 0;
        int previousSentence = -1;
        for (PhraseTokens.Tok t : tokens) {
            while (sentence < sentences.size() && sentences.get(sentence).end() <= t.start()) {
                sentence++;
            }
            int current = sentence < sentences.size() && sentences.get(sentence).start() <= t.start() ? sentence : -1;
            boolean newSentence = !broken.isEmpty() && current != previousSentence;
            broken.add(newSentence && t.gap() != PhraseTokens.BREAK
                    ? new PhraseTokens.Tok(t.start(), t.end(), t.form(), t.key(), PhraseTokens.BREAK) : t);
            previousSentence = current;
        }
        return broken;
    }

    /**
     * A demonym that is already a plural or a collective with no plural of the +s form: "-sh" ("British",
     * "the English"), "-ch" after a consonant ("French", "Dutch"; not "Czech", which gives "Czechs"),
     * "-ese" ("Chinese"), "-s", "-x", "-z" ("Swiss"), and a compound's "-men" ("Frenchmen").
     */
    private static final Pattern NO_PLURAL = Pattern.compile(".*(?:s|sh|[^aeiou]ch|x|z|ese|(?:sh|ch|se|s|x)men)");
    /**
     * A compound of a demonym and "man" ("Englishman", "Frenchman", "Dutchman", "Scotsman", "Norseman",
     * "Manxman"), whose plural is "-men"; a demonym that merely ends in "man" ("German", "Roman",
     * "Ottoman") takes +s.
     */
    private static final Pattern COMPOUND_MAN = Pattern.compile(".*(?:sh|ch|se|s|x)man");

    /**
     * The plural of a demonym ("Armenian" to "Armenians", "Czech" to "Czechs", "German" to "Germans"),
     * or null for those that have none of that form ({@link #NO_PLURAL}); "Englishman" gives "Englishmen".
     */
    static String plural(String demonym) {
        String lower = demonym.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || !Character.isLetter(lower.charAt(lower.length() - 1)) || NO_PLURAL.matcher(lower).matches()) {
            return null;
        }
        if (COMPOUND_MAN.matcher(lower).matches()) {
            return demonym.substring(0, demonym.length() - 2) + "en";
        }
        return demonym + "s";
    }
}
