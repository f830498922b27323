package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;

/**
 * Whether an article's own vocabulary takes the mainstream side on Russia's war: a wire report or a
 * fact-check writes "Russia's full-scale invasion", "Russian state media", "Russian disinformation"; a
 * pro-Kremlin outlet writes "the special military operation", "the Kyiv regime", "the collective West". Only words in the article's own voice count: a term
 * in quotation marks or after a reporting verb is someone else's ("what Moscow calls a 'special military
 * operation'"). A fact-check that refutes a claim by setting out the facts, with no cue of refutation near
 * the claim, still names the side it writes from; and a mainstream article that mentions a narrative's topic
 * in its own voice (a front-line report on Avdiivka) does not make the pro-Kremlin claim.
 */
final class Framing {
    /**
     * Terms of Western and independent media on Russia's war, its occupation and its information operations,
     * each naming Russia (or its "state media", as only others call them): partisan outlets of any side write
     * "invasion" and "disinformation" of their enemies.
     */
    private static final Map<String, List<String[]>> MAINSTREAM = phrases("full-scale invasion", "invasion of ukraine",
            "russia 's invasion", "russian invasion", "invaded ukraine", "russia invaded", "annexation of crimea",
            "annexed crimea", "illegal annexation", "illegally annexed", "russia 's annexation", "seizure of crimea",
            "russia 's seizure", "war of aggression", "aggression against ukraine", "russia 's war", "russia 's aggression",
            "russian aggression", "kremlin propaganda", "russian propaganda", "kremlin disinformation",
            "russian disinformation", "pro-kremlin", "kremlin-backed", "kremlin-controlled", "kremlin-linked",
            "kremlin-friendly", "russian state", "russia 's state", "russian-occupied", "russian occupation",
            "occupied ukrainian", "russian-installed", "russian-backed", "kremlin-aligned", "full-scale war",
            "state media", "state television", "state tv", "state outlets", "state-controlled");
    /**
     * Terms of pro-Kremlin outlets: the war, Ukraine's government, the West and its media as they name them.
     * Broad on purpose: one of them in the article's own voice is enough to keep it from the mainstream side.
     * So none of them is a word that wire services write too: "Kiev" (their spelling until 2019), "liberated"
     * and "the liberation of" (a village Ukraine retook, a city in 1944), "reunification" (Germany's),
     * "junta" (Myanmar's), "sponsors" (a resolution's), "curators" (a museum's), "Western media" and "the
     * Western press" ("Western media reported"): only the phrase that makes each a side's name for something.
     */
    private static final Map<String, List<String[]>> PRO_KREMLIN = phrases("special military operation", "kyiv regime",
            "kiev regime", "kiev junta", "kyiv junta", "junta in kiev", "junta in kyiv", "collective west",
            "anglo-saxons", "anglo-saxon", "neo-nazi regime", "nazi regime", "neo-nazis", "banderites", "banderite",
            "reunification with russia", "crimea 's reunification", "reunification of crimea", "denazification",
            "de-nazification", "globalists", "so-called fact-checkers", "western fact-checkers",
            "so-called debunkers", "mainstream media", "western sponsors", "ukraine 's sponsors", "kyiv 's sponsors",
            "kiev 's sponsors", "western curators", "foreign curators", "proxy war", "hegemon", "unipolar",
            "our boys", "our fighters", "our troops", "our country", "russophobia", "russophobes", "russophobic");
    /** Words in which an article calls a claim false. */
    private static final Map<String, List<String[]>> REFUTING = phrases("disinformation", "misinformation", "propaganda",
            "false", "falsely", "baseless", "unfounded", "groundless", "debunked", "debunk", "myth", "myths",
            "fabricated", "fabrication", "conspiracy theory", "conspiracy theories", "talking point",
            "talking points", "falsehood", "falsehoods", "no evidence", "fact-check", "fact check", "lie", "lies");
    /**
     * Words in which a fact-check answers a claim from the record rather than calling it names: partisan
     * outlets call the other side's claims lies, fakes and "baseless nonsense", but seldom write "the record
     * shows" or "debunked" in their own voice. Narrower than {@link #REFUTING}, since they decide for an
     * article that takes no side by its terms.
     */
    private static final Map<String, List<String[]>> FACT_CHECKING = phrases("no evidence", "debunked",
            "false claim", "false claims", "the record shows", "the record tells", "public record", "not supported by",
            "the evidence shows", "evidence shows", "records show", "documents show");
    /**
     * Terms in which partisan outlets of any side answer the other side's media ("fake news", "the deep
     * state", "a witch hunt"): an article that uses one in its own voice debunks as a partisan, not as a
     * fact-check of the narratives this tool tracks.
     */
    private static final Map<String, List<String[]>> PARTISAN = phrases("fake news", "deep state", "witch hunt",
            "msm", "presstitutes", "corporate media", "establishment media", "legacy media", "russiagate");
    /**
     * How many times an article must answer from the record to read as a fact-check: once is how an op-ed
     * argues too ("The record shows what happened next."); a fact-check answers claim by claim.
     */
    private static final int FACT_CHECKING_TERMS = 2;
    /** How many mainstream terms, with no pro-Kremlin one, make an article mainstream. */
    private static final int MAINSTREAM_TERMS = 2;

    private final boolean mainstream;
    private final boolean refutes;
    private final boolean checksFacts;

    /** Reads {@code doc}, whose tokens' lower-cased texts are {@code lowers}. */
    Framing(Doc doc, String[] lowers, Attribution attribution, Refutations refutations) {
        int mainstreamTerms = 0;
        int proKremlinTerms = 0;
        boolean refuting = refutations.any();
        int factCheckingTerms = 0;
        boolean partisan = false;
        for (Sentence s : doc.sentences()) {
            for (int i = s.firstToken(); i < s.endToken(); i++) {
                int m = length(lowers, s, i, MAINSTREAM);
                int p = length(lowers, s, i, PRO_KREMLIN);
                int r = length(lowers, s, i, REFUTING);
                int f = length(lowers, s, i, FACT_CHECKING);
                int q = length(lowers, s, i, PARTISAN);
                factCheckingTerms += f > 0 && ownVoice(doc, s, i, f, attribution) ? 1 : 0;
                partisan |= q > 0 && ownVoice(doc, s, i, q, attribution);
                if ((m > 0 || p > 0 || r > 0) && ownVoice(doc, s, i, Math.max(m, Math.max(p, r)), attribution)) {
                    mainstreamTerms += m > 0 ? 1 : 0;
                    proKremlinTerms += p > 0 ? 1 : 0;
                    refuting |= r > 0;
                    i += Math.max(m, Math.max(p, r)) - 1; // "Russia's seizure of Crimea" is one term
                }
            }
        }
        mainstream = proKremlinTerms == 0 && mainstreamTerms >= MAINSTREAM_TERMS;
        refutes = refuting;
        checksFacts = proKremlinTerms == 0 && !partisan && !mainstream && factCheckingTerms >= FACT_CHECKING_TERMS;
    }

    /** Whether the article's own words take the mainstream side, and none the pro-Kremlin one. */
    boolean mainstream() {
        return mainstream;
    }

    /**
     * Whether an article that takes no side by its terms (neither mainstream nor using a pro-Kremlin or
     * partisan one) answers claims as a fact-check does, in its own voice: "there is no evidence", "the record
     * shows", "debunked". It disputes what it carries: a fact-check that argues from the record restates each
     * claim and sets out the facts of its topic, and says so once.
     */
    boolean checksFacts() {
        return checksFacts;
    }

    /** Whether the article calls something false, disinformation or a myth in its own voice. */
    boolean refutes() {
        return refutes;
    }

    /** Whether the term of {@code length} tokens at {@code i} is the article's own: not quoted, not reported. */
    private static boolean ownVoice(Doc doc, Sentence s, int i, int length, Attribution attribution) {
        List<Token> tokens = doc.tokens();
        int start = tokens.get(i).start();
        int end = tokens.get(i + length - 1).end();
        if (attribution.quoteAt(start) != null) {
            return false;
        }
        String text = doc.text();
        if (start > 0 && isQuote(text.charAt(start - 1)) || end < text.length() && isQuote(text.charAt(end))) {
            return false; // a scare-quoted term: "the so-called 'special military operation'"
        }
        return attribution.speaker(s, i, i + length, false) == null;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '”' || c == '‘' || c == '’' || c == '«' || c == '»';
    }

    /** The number of tokens of the first of {@code terms} that starts at token {@code i}, or 0. */
    private static int length(String[] lowers, Sentence s, int i, Map<String, List<String[]>> terms) {
        for (String[] term : terms.getOrDefault(lowers[i], List.of())) {
            if (i + term.length > s.endToken()) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < term.length && match; k++) {
                match = lowers[i + k].equals(term[k]);
            }
            if (match) {
                return term.length;
            }
        }
        return 0;
    }

    /**
     * Terms as the tokenizer splits them ("full-scale" is "full", "-", "scale"; "Russia's" is "russia",
     * "'s"), by their first token.
     */
    private static Map<String, List<String[]>> phrases(String... terms) {
        Map<String, List<String[]>> out = new HashMap<>();
        for (String t : terms) {
            String[] tokens = t.replace("-", " - ").split(" +");
            out.computeIfAbsent(tokens[0], k -> new ArrayList<>()).add(tokens);
        }
        return out;
    }
}
