package org.narrativewatch.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Token;
import org.narrativewatch.doc.Sentence;

/**
 * Decides from context whether a name the gazetteer found really is the entity. It reads the text,
 * its sentences and part-of-speech tags, never the statistical NER ({@code --ner}), so the tracked
 * entities are the same with and without it.
 *
 * <p>Any person's name followed by a generational suffix is another person's ("Donald Trump Jr.").
 * A name spelled like an English pronoun ("US", "WHO"), written in capitals right after an ordinary
 * word in capitals, and not followed by a capitalised word it could qualify ("US Diplomats"), is the
 * pronoun ("THEY TOLD US NOTHING", "PEOPLE WHO are barred"): not linked. An ambiguous one is still
 * linked when its cues (rules 3 to 5 below) speak for the entity ("THE WHO SAID THE VIRUS SPREADS");
 * another is linked when the run of capitals around it names another tracked entity (a headline
 * about them: "NEW US SANCTIONS ON RUSSIA").
 *
 * <p>Names the catalog marks ambiguous ("Georgia", "Jordan", "Washington", "Clinton") are decided in
 * this order:
 * <ol>
 *   <li>part of a longer proper name: a proper noun right after the name in its sentence
 *       ("Washington Free Beacon", "Jordan Peterson"), right before a name of several words
 *       ("Florida Department of State", "National Security Council"), or a given name right before
 *       it ("Vernon Jordan"; not a title: "Secretary Clinton", "Mr. Clinton"): not linked; nor is a
 *       name of several words that another owns ("Virginia's General Assembly", "the student
 *       union's General Assembly"; an owner that is a positive cue is the entity's own: "the UN's
 *       General Assembly"), or that an indefinite article makes one of many ("a General Assembly is
 *       no longer possible", but "a General Assembly resolution");</li>
 *   <li>when the nearest full name ending with it before it (else the first after it) is another
 *       person's or body's ("Vernon Jordan ... Jordan added", "Bill Clinton and Clinton's chief of
 *       staff", "Florida Department of State ... the Department of State's", "SSMU's General
 *       Assembly ... the General Assembly ratification"), the bare mention is that person: not
 *       linked; after this entity's own full name ("Hillary Clinton ... Clinton was aware") the
 *       rules below decide;</li>
 *   <li>inside a cue phrase of the entity ("state of Georgia"), that cue decides; a phrase that ends
 *       with "of" and the name is not there when the name is possessive ("the state of Georgia's
 *       democracy" is the state of a democracy);</li>
 *   <li>else the entity's positive cues minus its negative cues in the sentence and its neighbours
 *       decide, when they differ;</li>
 *   <li>else the same count over the whole article decides, when it differs;</li>
 *   <li>else the name is linked: in this field the tracked reading is the usual one; unless the
 *       catalog says {@code default: unlinked} for an entity whose tracked reading is not
 *       ("Indians").</li>
 * </ol>
 * A cue in lower case is a word and matches in any case ("county", "County"). A cue with a capital
 * letter is a name: it matches as written (or in capitals, or with its first letter capitalised), so
 * "Bill" is not "bill", and it does not count inside a longer capitalised name that holds no tracked
 * name, which is then another, untracked name ("Chelsea" in "Chelsea Manning", "Valley" in "Rio
 * Grande Valley", "Twitter" in a "SHARES Facebook Twitter" share bar; but "Trump" in "President
 * Donald Trump", "Michael" in "Michael Jordan" and "Valley" in "Jordan Valley" count). A title is no
 * part of a longer name, so the cue "Irakli Kobakhidze" counts in "Prime Minister Irakli Kobakhidze";
 * a person's surname cue ("Kobakhidze") does not count inside their full name, which the catalog
 * lists as a cue of its own. No cue counts inside a web address ("pic.twitter.com/..."), and no name
 * found there is a mention ({@link Gazetteer}).
 *
 * <p>A person's name of one word right after another person's given name is that other person's
 * ("Heydar Aliyev", "Ivanka Trump"): not linked, ambiguous or not.
 */
final class AmbiguityRules {
    private static final String PERSON = "person";
    /** Characters on each side of a name that is in no sentence, as its cue window. */
    private static final int WINDOW_CHARS = 200;
    /** A generational suffix right after a name: "Jr.", ", Sr.", "III". */
    private static final Pattern GENERATION = Pattern.compile(",?\\s+(?:Jr|Sr|II|III|IV)\\b");
    /** English personal and relative pronouns, a closed class: in capitals some are also acronyms ("US", "WHO"). */
    private static final Set<String> PRONOUNS = Set.of("i", "me", "we", "us", "you", "he", "him", "she", "her", "it",
            "they", "them", "who", "whom");
    /**
     * Words that stand before a surname without being a given name: titles and the descriptions the
     * press puts in their place ("Secretary Clinton", "Democrat Clinton"). Abbreviated titles with a
     * dot ("Mr.", "Rep.") are recognised by their dot.
     */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "madam", "dr", "sir", "lady", "lord",
            "president", "secretary", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
            "governor", "gov", "mayor", "judge", "justice", "general", "gen", "minister", "ambassador", "king",
            "queen", "prince", "princess", "sheikh", "emir", "pope", "cardinal", "archbishop", "bishop", "chairman",
            "speaker", "director", "candidate", "nominee", "democrat", "republican", "former", "chancellor",
            "premier", "leader", "chief", "vice", "deputy", "commissioner", "envoy", "spokesman", "spokeswoman",
            "commander", "colonel", "col", "captain", "capt", "admiral", "marshal", "lieutenant", "lt", "sergeant",
            "sgt", "professor", "prof", "patriarch", "ayatollah", "imam", "rabbi", "sultan", "emperor", "tsar",
            "czar", "citizen", "comrade");
    /** A sentence whose words of this many letters or more are all capitalised is in title case (a headline). */
    private static final int TITLE_CASE_WORD = 4;
    /** A web address: with its scheme or "www.", or a host name followed by a path ("pic.twitter.com/4IXG"). */
    private static final Pattern WEB_ADDRESS = Pattern.compile(
            "(?:https?://|www\\.)\\S+|\\b[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}/\\S*");

    /** The web addresses of a text, as [start, end) spans: no name and no cue counts inside one. */
    static List<int[]> webAddresses(String text) {
        List<int[]> addresses = new ArrayList<>();
        for (Matcher m = WEB_ADDRESS.matcher(text); m.find(); ) {
            addresses.add(new int[] {m.start(), m.end()});
        }
        return addresses;
    }

    static boolean inside(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(a -> a[0] <= start && end <= a[1]);
    }
    /** The words before a name that make it one of many: an indefinite article. */
    private static final Set<String> INDEFINITE = Set.of("a", "an");

    /**
     * A cue: the entity it speaks for, +1 for it, -1 against; {@code name} when it is written with a
     * capital letter (so matched as a name, not in any case).
     */
    private record Cue(String entityId, int polarity, boolean name) {
    }

    private final PhraseTrie<Cue> cues = new PhraseTrie<>(PhraseTrie.Case.WORDS);

    AmbiguityRules(EntityCatalog catalog) {
        for (TrackedEntity e : catalog.entities()) {
            addCues(e, e.context().positive(), 1);
            addCues(e, e.context().negative(), -1);
        }
    }

    /**
     * Adds an entity's cues of one polarity. A cue in lower case matches its capitalised spelling
     * too, so where the catalog lists both ("county", "County") the capitalised one is left out:
     * each occurrence counts once.
     */
    private void addCues(TrackedEntity e, List<String> phrases, int polarity) {
        Set<String> anyCase = new HashSet<>();
        for (String cue : phrases) {
            if (!isName(cue)) {
                anyCase.add(EntityCatalog.nameKey(cue));
            }
        }
        for (String cue : phrases) {
            if (!isName(cue) || !anyCase.contains(EntityCatalog.nameKey(cue))) {
                cues.add(cue, new Cue(e.id(), polarity, isName(cue)));
            }
        }
    }

    private static boolean isName(String cue) {
        return !cue.equals(cue.toLowerCase(Locale.ROOT));
    }

    /**
     * The context of one article.
     *
     * @param tokens     the gazetteer's tokens of its text
     * @param addresses  the {@link #webAddresses} of its text
     * @param candidates every name the gazetteer found, before any is judged
     */
    Article article(Doc doc, String text, List<PhraseTokens.Tok> tokens, List<int[]> addresses,
                    List<GazetteerMatch> candidates) {
        return new Article(doc, text, tokens, addresses, candidates);
    }

    final class Article {
        private final Doc doc;
        private final String text;
        private final List<PhraseTokens.Tok> tokens;
        private final List<GazetteerMatch> candidates;
        private final List<PhraseTrie.Hit<Cue>> cueHits;

        private Article(Doc doc, String text, List<PhraseTokens.Tok> tokens, List<int[]> addresses,
                        List<GazetteerMatch> candidates) {
            this.doc = doc;
            this.text = text;
            this.tokens = tokens;
            this.candidates = candidates;
            this.cueHits = counted(cues.find(tokens), addresses);
        }

        /**
         * The cue hits that count: none inside a web address, none that ends with "of" and a
         * possessive name ({@link #ofAPossessiveName}), and a cue written as a name not where it is
         * part of a longer capitalised name that holds no tracked name ("Chelsea Manning", "Rio Grande
         * Valley", "Facebook Twitter"; but "President Donald Trump", "Michael Jordan", "Jordan
         * Valley"): that is another, untracked name, not the one the cue was written for. A title
         * before a name is no part of it: "Prime Minister Irakli Kobakhidze" holds the cue "Irakli
         * Kobakhidze" and no longer name.
         */
        private List<PhraseTrie.Hit<Cue>> counted(List<PhraseTrie.Hit<Cue>> hits, List<int[]> addresses) {
            List<PhraseTrie.Hit<Cue>> counted = new ArrayList<>(hits.size());
            for (PhraseTrie.Hit<Cue> hit : hits) {
                if (inside(addresses, hit.start(), hit.endChar())) {
                    continue;
                }
                if (ofAPossessiveName(hit)) {
                    continue;
                }
                int from = hit.first();
                while (from > 0 && tokens.get(from).gap() == PhraseTokens.SPACE
                        && tokens.get(from - 1).gap() != PhraseTokens.BREAK && capitalisedWord(tokens.get(from - 1))
                        && !TITLES.contains(tokens.get(from - 1).key())) {
                    from--;
                }
                int to = hit.end();
                while (to < tokens.size() && tokens.get(to).gap() == PhraseTokens.SPACE && capitalisedWord(tokens.get(to))) {
                    to++;
                }
                boolean untrackedName = (from < hit.first() || to > hit.end())
                        && !overlapsCandidate(tokens.get(from).start(), tokens.get(to - 1).end());
                List<Cue> values = new ArrayList<>(hit.values().size());
                for (Cue cue : hit.values()) {
                    if (!cue.name() || !untrackedName) {
                        values.add(cue);
                    }
                }
                if (!values.isEmpty()) {
                    counted.add(new PhraseTrie.Hit<>(hit.first(), hit.end(), hit.start(), hit.endChar(), values));
                }
            }
            return counted;
        }

        /**
         * Whether a cue phrase ends with "of" and a tracked name that is possessive: in "the state of
         * Georgia's democracy" the "of" takes "Georgia's democracy", not the name, so the phrase
         * "state of Georgia" (the US state) is not there.
         */
        private boolean ofAPossessiveName(PhraseTrie.Hit<Cue> hit) {
            int end = hit.end();
            if (end + 1 >= tokens.size() || !"'".equals(tokens.get(end).form()) || !"s".equals(tokens.get(end + 1).key())
                    || tokens.get(end).gapBefore() || tokens.get(end + 1).gapBefore()) {
                return false;
            }
            for (GazetteerMatch c : candidates) {
                if (c.end() == hit.endChar() && c.start() > hit.start()) {
                    int name = tokenAt(c.start());
                    return "of".equals(tokens.get(name - 1).key());
                }
            }
            return false;
        }

        /**
         * A word starting with a capital letter. A longer name is never extended onto the first word of
         * a sentence or paragraph: there every word is capitalised ("The Valley").
         */
        private static boolean capitalisedWord(PhraseTokens.Tok t) {
            // A token can have no form: an emoji's variation selector ("⚡️") is none.
            return !t.form().isEmpty() && Character.isUpperCase(t.form().codePointAt(0))
                    && t.form().chars().allMatch(Character::isLetterOrDigit);
        }

        /** Whether a tracked name the gazetteer found (judged or not) overlaps [start, end). */
        private boolean overlapsCandidate(int start, int end) {
            for (GazetteerMatch c : candidates) {
                if (c.start() < end && start < c.end()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a name found by the gazetteer is linked; {@code ambiguous} when the catalog says so. */
        boolean confirms(GazetteerMatch match, boolean ambiguous) {
            if (PERSON.equals(match.entity().type()) && GENERATION.matcher(text).region(match.end(), text.length())
                    .lookingAt()) {
                return false;
            }
            if (afterAnotherPersonsGivenName(match)) {
                return false;
            }
            boolean pronoun = pronounInCapitals(match);
            if (!ambiguous) {
                return !pronoun || capitalsRunNamesAnother(match);
            }
            if (inLongerName(match) || anotherPersonsSurname(match)) {
                return false;
            }
            String id = match.entity().id();
            for (PhraseTrie.Hit<Cue> hit : cueHits) {
                if (hit.start() <= match.start() && match.end() <= hit.endChar()) {
                    int polarity = polarity(hit, id);
                    if (polarity != 0) {
                        return polarity > 0;
                    }
                }
            }
            int window = score(id, windowStart(match), windowEnd(match));
            if (window != 0) {
                return window > 0;
            }
            int article = score(id, 0, text.length());
            return article > 0 || article == 0 && !pronoun && match.entity().context().linkedByDefault();
        }

        /**
         * Whether the name is spelled like a pronoun and written in capitals after an ordinary word
         * in capitals (one that is no tracked name) of its sentence, with no capitalised word after it
         * that it could qualify: "TOLD US NOTHING", "MEN WHO BETRAYED", "PEOPLE WHO are", but not
         * "US SANCTIONS RUSSIA" (nothing before it) nor "ATTACK US Diplomats".
         */
        private boolean pronounInCapitals(GazetteerMatch match) {
            String name = text.substring(match.start(), match.end());
            if (!PRONOUNS.contains(name.toLowerCase(Locale.ROOT)) || !name.equals(name.toUpperCase(Locale.ROOT))) {
                return false;
            }
            int at = tokenAt(match.start());
            if (at <= 0 || at >= tokens.size() || tokens.get(at).gap() == PhraseTokens.BREAK) {
                return false;
            }
            PhraseTokens.Tok before = tokens.get(at - 1);
            if (!wordInCapitals(before.form()) || insideCandidate(before.start())) {
                return false;
            }
            if (at + 1 < tokens.size() && tokens.get(at + 1).gap() != PhraseTokens.BREAK) {
                String after = tokens.get(at + 1).form();
                return after.isEmpty() || !Character.isUpperCase(after.codePointAt(0)) || wordInCapitals(after);
            }
            return true;
        }

        /**
         * Whether the run of words in capitals around the name, within its sentence, holds another
         * tracked name: then it is a headline about the entities ("NEW US SANCTIONS ON RUSSIA").
         */
        private boolean capitalsRunNamesAnother(GazetteerMatch match) {
            int at = tokenAt(match.start());
            for (int i = at - 1; i >= 0 && capitalsRunGoesOn(i + 1, i); i--) {
                if (insideCandidate(tokens.get(i).start())) {
                    return true;
                }
            }
            for (int i = at + 1; i < tokens.size() && capitalsRunGoesOn(i, i); i++) {
                if (insideCandidate(tokens.get(i).start())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether token {@code word} is a word in capitals and no sentence starts at token {@code joint}. */
        private boolean capitalsRunGoesOn(int joint, int word) {
            return tokens.get(joint).gap() != PhraseTokens.BREAK && capitalLetters(tokens.get(word).form());
        }

        private int tokenAt(int offset) {
            return firstFrom(tokens, PhraseTokens.Tok::start, offset);
        }

        private static boolean wordInCapitals(String form) {
            return form.length() >= 2 && capitalLetters(form);
        }

        private static boolean capitalLetters(String form) {
            return form.chars().allMatch(Character::isLetter) && form.equals(form.toUpperCase(Locale.ROOT));
        }

        private boolean insideCandidate(int offset) {
            for (GazetteerMatch c : candidates) {
                if (c.start() <= offset && offset < c.end()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a person's name of one word (a surname or a by-name: "Aliyev", "al-Assad", "Bibi")
         * follows another person's given name: "Heydar Aliyev", "Ivanka Trump", "Maher al-Assad", "Bushra
         * Bibi". The given name is one as {@link #givenNameBefore} has it (no title: "President Aliyev",
         * "Mr Trump"), none of the person's own names or their initials ("Ilham", "V. Putin"), and no
         * ordinary word that the article also writes in lower case ("Art of the Deal Trump" and "the
         * deal"): the person's full names are aliases, matched as a whole, so a one-word match after a
         * given name is another person of that family or name.
         */
        private boolean afterAnotherPersonsGivenName(GazetteerMatch match) {
            if (!PERSON.equals(match.entity().type())
                    || text.substring(match.start(), match.end()).codePoints().anyMatch(Character::isWhitespace)) {
                return false;
            }
            List<Token> words = doc.tokens();
            int first = firstTokenFrom(words, match.start());
            if (first >= words.size() || words.get(first).start() != match.start() || !givenNameBefore(first)) {
                return false;
            }
            String given = words.get(first - 1).text();
            return !ownName(match.entity(), given) && !writtenInLowerCase(given);
        }

        private boolean writtenInLowerCase(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            return !lower.equals(word) && Pattern.compile("\\b" + Pattern.quote(lower) + "\\b").matcher(text).find();
        }

        /** Whether a word is one of a person's own names ("Ilham") or the initial of one ("V."). */
        private static boolean ownName(TrackedEntity person, String word) {
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            for (String alias : person.aliases()) {
                for (String name : alias.split("\\s+")) {
                    if (name.equalsIgnoreCase(bare) || bare.length() == 1 && name.regionMatches(true, 0, bare, 0, 1)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Whether the name is part of a longer proper name, or another body's of the same name: a proper
         * noun follows it in its sentence ("Washington Institute"), precedes a name of several words
         * ("Florida Department of State"), or is a given name before it ("Vernon Jordan"); or a name of
         * several words has an owner ("Virginia's General Assembly") or an indefinite article ("a General
         * Assembly is no longer possible"). What follows is no part of it when it starts a tracked
         * person's name ("president of Georgia Mikheil Saakashvili"), when the name is joined by a hyphen to
         * another tracked name (such a compound is about both: "EU-Georgia Association Agreement"), or
         * in a sentence in title case, where every word is capitalised ("Georgia Signs Trade Deal"),
         * unless the article writes the two together in a sentence that is not ("Linking Clinton
         * Foundation To ..." and "the Clinton Foundation received").
         */
        private boolean inLongerName(GazetteerMatch match) {
            List<Token> words = doc.tokens();
            int first = firstTokenFrom(words, match.start());
            int after = firstTokenFrom(words, match.end());
            if (first >= words.size() || first == after) {
                return false;
            }
            int sentence = words.get(first).sentence();
            boolean followed = after < words.size() && words.get(after).sentence() == sentence
                    && capitalisedProperNoun(words.get(after)) && !startsPersonsName(words.get(after).start())
                    && !hyphenedToAnother(match) && (!titleCase(sentence) || writtenTogetherOutsideTitleCase(match, words.get(after)));
            boolean preceded = after - first > 1 && first > 0 && words.get(first - 1).sentence() == sentence
                    && capitalisedProperNoun(words.get(first - 1));
            return followed || preceded || givenNameBefore(first) || ownedByAnother(match) || oneOfMany(match);
        }

        private boolean startsPersonsName(int offset) {
            return candidates.stream().anyMatch(c -> c.start() == offset && PERSON.equals(c.entity().type()));
        }

        /** Whether the name and the word after it stand together in a sentence of the article not in title case. */
        private boolean writtenTogetherOutsideTitleCase(GazetteerMatch match, Token next) {
            Pattern together = Pattern.compile(Pattern.quote(text.substring(match.start(), match.end())) + "\\s+"
                    + Pattern.quote(next.text()) + "\\b");
            for (Matcher m = together.matcher(text); m.find(); ) {
                int sentence = doc.sentenceAt(m.start());
                if (sentence >= 0 && !titleCase(sentence)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the name is joined by a hyphen to another tracked name: "EU-Georgia", "Georgia-Russia". */
        private boolean hyphenedToAnother(GazetteerMatch match) {
            int at = tokenAt(match.start());
            int end = tokenAt(match.end());
            boolean joinedBefore = at >= 2 && "-".equals(tokens.get(at - 1).form())
                    && tokens.get(at - 1).gap() == PhraseTokens.ADJACENT && tokens.get(at).gap() == PhraseTokens.ADJACENT
                    && insideCandidate(tokens.get(at - 2).start());
            boolean joinedAfter = end + 1 < tokens.size() && "-".equals(tokens.get(end).form())
                    && tokens.get(end).gap() == PhraseTokens.ADJACENT && tokens.get(end + 1).gap() == PhraseTokens.ADJACENT
                    && insideCandidate(tokens.get(end + 1).start());
            return joinedBefore || joinedAfter;
        }

        /**
         * Whether a name of several words has a possessive owner right before it that is not a
         * positive cue of the entity: "Virginia's General Assembly", "the student union's General
         * Assembly", "Russia's Security Council"; not "the UN's General Assembly".
         */
        private boolean ownedByAnother(GazetteerMatch match) {
            List<Token> words = doc.tokens();
            int first = firstTokenFrom(words, match.start());
            if (firstTokenFrom(words, match.end()) - first < 2 || first < 2) {
                return false;
            }
            Token possessive = words.get(first - 1);
            Token owner = words.get(first - 2);
            if (!"POS".equals(possessive.pos()) || owner.sentence() != words.get(first).sentence()) {
                return false;
            }
            for (PhraseTrie.Hit<Cue> hit : cueHits) {
                if (hit.endChar() == owner.end() && polarity(hit, match.entity().id()) > 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a name of several words follows an indefinite article that determines it, not a
         * noun after it: "a General Assembly is no longer possible", but not "a General Assembly
         * resolution".
         */
        private boolean oneOfMany(GazetteerMatch match) {
            List<Token> words = doc.tokens();
            int first = firstTokenFrom(words, match.start());
            int after = firstTokenFrom(words, match.end());
            if (after - first < 2 || first < 1 || !INDEFINITE.contains(words.get(first - 1).text().toLowerCase(Locale.ROOT))) {
                return false;
            }
            return after >= words.size() || words.get(after).sentence() != words.get(first).sentence()
                    || !words.get(after).pos().startsWith("NN");
        }

        /**
         * Whether the word before token {@code first} is a given name (or, before a name of several
         * words, the first word of a longer one: "Florida Department of State"): a capitalised proper noun of
         * the same sentence, not in capitals, not a title ("Secretary", "Mr."), not part of a tracked
         * name ("Soviet Georgia"), in a sentence that is not in title case (where every word is
         * capitalised: "WikiLeaks Exposed Clinton"). An initial ("Booker T. Washington") counts.
         */
        private boolean givenNameBefore(int first) {
            List<Token> words = doc.tokens();
            if (first == 0 || first >= words.size()) {
                return false;
            }
            Token before = words.get(first - 1);
            String word = before.text();
            boolean initial = word.length() == 2 && word.charAt(1) == '.';
            boolean title = !initial && word.endsWith(".") || TITLES.contains(word.toLowerCase(Locale.ROOT));
            return before.sentence() == words.get(first).sentence() && capitalisedProperNoun(before)
                    && (initial || !word.equals(word.toUpperCase(Locale.ROOT))) && !title
                    && !insideCandidate(before.start()) && !titleCase(before.sentence());
        }

        private boolean titleCase(int sentence) {
            for (Token t : doc.tokens()) {
                if (t.sentence() == sentence && t.text().length() >= TITLE_CASE_WORD
                        && Character.isLowerCase(t.text().charAt(0))) {
                    return false;
                }
            }
            return true;
        }

        private static int firstTokenFrom(List<Token> tokens, int offset) {
            return firstFrom(tokens, Token::start, offset);
        }

        /** The index of the first of {@code items} (in order of their start) that starts at {@code offset} or later. */
        private static <T> int firstFrom(List<T> items, ToIntFunction<T> start, int offset) {
            int lo = 0;
            int hi = items.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (start.applyAsInt(items.get(mid)) < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static boolean capitalisedProperNoun(Token t) {
            return t.pos().startsWith("NNP") && Character.isUpperCase(t.text().charAt(0));
        }

        /**
         * Whether the bare name stands for another person: the full name that ends with it nearest
         * before it in the article (else the first after it) is not this entity's. Full names are
         * this entity's longer names ("Hillary Clinton"), other tracked persons' ("Bill Clinton"), and
         * the name itself after a given name ("Vernon Jordan ... Jordan added").
         */
        private boolean anotherPersonsSurname(GazetteerMatch match) {
            String name = text.substring(match.start(), match.end());
            GazetteerMatch before = null;
            GazetteerMatch after = null;
            for (GazetteerMatch c : candidates) {
                if (c != match && fullName(c, match.entity(), name)) {
                    if (c.start() < match.start()) {
                        before = c;
                    } else if (after == null) {
                        after = c;
                    }
                }
            }
            GazetteerMatch antecedent = before != null ? before : after;
            return antecedent != null && (antecedent.entity() != match.entity()
                    || antecedent.end() - antecedent.start() == name.length());
        }

        /** Whether a candidate is a full name that ends with {@code name}: see {@link #anotherPersonsSurname}. */
        private boolean fullName(GazetteerMatch c, TrackedEntity entity, String name) {
            int surname = c.end() - name.length();
            if (surname > c.start()) {
                return text.startsWith(name, surname) && Character.isWhitespace(text.charAt(surname - 1))
                        && (c.entity() == entity || PERSON.equals(c.entity().type()));
            }
            return surname == c.start() && c.entity() == entity && text.startsWith(name, c.start())
                    && (givenNameBefore(firstTokenFrom(doc.tokens(), c.start())) || ownedByAnother(c));
        }

        private int score(String entityId, int from, int to) {
            int score = 0;
            for (PhraseTrie.Hit<Cue> hit : cueHits) {
                if (hit.start() >= from && hit.endChar() <= to) {
                    score += polarity(hit, entityId);
                }
            }
            return score;
        }

        private static int polarity(PhraseTrie.Hit<Cue> hit, String entityId) {
            int polarity = 0;
            for (Cue cue : hit.values()) {
                if (cue.entityId().equals(entityId)) {
                    polarity += cue.polarity();
                }
            }
            return polarity;
        }

        private int windowStart(GazetteerMatch match) {
            int s = doc.sentenceAt(match.start());
            return s < 0 ? Math.max(0, match.start() - WINDOW_CHARS) : doc.sentences().get(Math.max(0, s - 1)).start();
        }

        private int windowEnd(GazetteerMatch match) {
            int s = doc.sentenceAt(match.start());
            List<Sentence> sentences = doc.sentences();
            return s < 0 ? Math.min(text.length(), match.end() + WINDOW_CHARS)
                    : sentences.get(Math.min(sentences.size() - 1, s + 1)).end();
        }
    }
}
