package org.narrativewatch.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.NerMention;
import org.narrativewatch.doc.Token;
import org.narrativewatch.doc.Sentence;

/**
 * Decides from context whether a name the gazetteer found really is the entity.
 *
 * <p>Any person's name followed by a generational suffix is another person's ("Donald Trump Jr.").
 *
 * <p>Names the catalog marks ambiguous ("Georgia", "Jordan", "Washington", "Clinton") are decided in
 * this order:
 * <ol>
 *   <li>inside a longer NER mention, the name is part of another name ("Rep. Jim Jordan", "Washington
 *       Free Beacon", "National Security Council"): not linked; without the statistical NER (the
 *       default), a proper noun right after the name in its sentence ("Washington Institute"), or
 *       right before a name of several words ("Florida Department of State"), says so;</li>
 *   <li>when the article names a person whose name ends with it and that is not this entity ("Jim
 *       Jordan", "Bill Clinton"), a bare mention may be that person: not linked;</li>
 *   <li>inside a cue phrase of the entity ("state of Georgia"), that cue decides;</li>
 *   <li>else the entity's positive cues minus its negative cues in the sentence and its neighbours
 *       decide, when they differ;</li>
 *   <li>else the same count over the whole article decides, when it differs;</li>
 *   <li>else the name is linked: in this field the tracked reading is the usual one.</li>
 * </ol>
 * Cues are words or phrases matched in any case.
 */
final class AmbiguityRules {
    private static final String PERSON = "PERSON";
    /** Characters on each side of a name that is in no sentence, as its cue window. */
    private static final int WINDOW_CHARS = 200;
    /** A generational suffix right after a name: "Jr.", ", Sr.", "III". */
    private static final Pattern GENERATION = Pattern.compile(",?\\s+(?:Jr|Sr|II|III|IV)\\b");

    /** A cue: the entity it speaks for, +1 for it, -1 against. */
    private record Cue(String entityId, int polarity) {
    }

    private final PhraseTrie<Cue> cues = new PhraseTrie<>(false);

    AmbiguityRules(EntityCatalog catalog) {
        for (TrackedEntity e : catalog.entities()) {
            for (String cue : e.context().positive()) {
                cues.add(cue, new Cue(e.id(), 1));
            }
            for (String cue : e.context().negative()) {
                cues.add(cue, new Cue(e.id(), -1));
            }
        }
    }

    /**
     * The context of one article.
     *
     * @param candidates every name the gazetteer found, before any is judged
     */
    Article article(Doc doc, String text, List<PhraseTokens.Tok> tokens, List<GazetteerMatch> candidates) {
        return new Article(doc, text, tokens, candidates);
    }

    final class Article {
        private final Doc doc;
        private final String text;
        private final List<GazetteerMatch> candidates;
        private final List<NerMention> persons = new ArrayList<>();
        private final List<PhraseTrie.Hit<Cue>> cueHits;

        private Article(Doc doc, String text, List<PhraseTokens.Tok> tokens, List<GazetteerMatch> candidates) {
            this.doc = doc;
            this.text = text;
            this.candidates = candidates;
            for (NerMention m : doc.nerMentions()) {
                if (PERSON.equals(m.type())) {
                    persons.add(m);
                }
            }
            this.cueHits = cues.find(tokens);
        }

        /** Whether a name found by the gazetteer is linked; {@code ambiguous} when the catalog says so. */
        boolean confirms(GazetteerMatch match, boolean ambiguous) {
            if ("person".equals(match.entity().type()) && GENERATION.matcher(text).region(match.end(), text.length())
                    .lookingAt()) {
                return false;
            }
            if (!ambiguous) {
                return true;
            }
            if (insideLongerNerMention(match) || anotherPersonsSurname(match)) {
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
            return score(id, 0, text.length()) >= 0;
        }

        private boolean insideLongerNerMention(GazetteerMatch match) {
            if (doc.nerMentions().isEmpty()) {
                return inLongerName(match);
            }
            for (NerMention m : doc.nerMentions()) {
                if (m.start() <= match.start() && match.end() <= m.end()
                        && m.end() - m.start() > match.end() - match.start()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the name is part of a longer proper name: a proper noun follows it in its sentence
         * ("Washington Institute"), or precedes a name of several words ("Florida Department of
         * State"; a single word after a title is the person or place itself: "Secretary Clinton").
         */
        private boolean inLongerName(GazetteerMatch match) {
            List<Token> tokens = doc.tokens();
            int first = firstTokenFrom(tokens, match.start());
            int after = firstTokenFrom(tokens, match.end());
            if (first >= tokens.size() || first == after) {
                return false;
            }
            int sentence = tokens.get(first).sentence();
            boolean followed = after < tokens.size() && tokens.get(after).sentence() == sentence
                    && capitalisedProperNoun(tokens.get(after));
            boolean preceded = after - first > 1 && first > 0 && tokens.get(first - 1).sentence() == sentence
                    && capitalisedProperNoun(tokens.get(first - 1));
            return followed || preceded;
        }

        private static int firstTokenFrom(List<Token> tokens, int offset) {
            int lo = 0;
            int hi = tokens.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (tokens.get(mid).start() < offset) {
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

        private boolean anotherPersonsSurname(GazetteerMatch match) {
            String name = text.substring(match.start(), match.end());
            for (NerMention p : persons) {
                int surname = p.end() - name.length();
                if (surname > p.start() && text.startsWith(name, surname)
                        && Character.isWhitespace(text.charAt(surname - 1)) && !namesEntity(p, match.entity())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the gazetteer found the whole of a NER mention as a name of this entity. */
        private boolean namesEntity(NerMention m, TrackedEntity entity) {
            for (GazetteerMatch c : candidates) {
                if (c.entity() == entity && c.start() <= m.start() && m.end() <= c.end()) {
                    return true;
                }
            }
            return false;
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
