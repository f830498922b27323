package org.narrativewatch.narratives;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.narrativewatch.doc.Doc;
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
            "maintain", "contend", "tweet", "speculate", "believe", "think", "suspect");
    /** A quotation shorter than this many words is a scare quote or a term, not reported speech. */
    private static final int MIN_QUOTE_WORDS = 4;
    /** Parts of speech of a speaker's name or description. */
    private static final Set<String> SPEAKER_POS = Set.of("NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD");

    private static final Set<String> AUXILIARY = Set.of("be", "have", "do");

    private final Doc doc;
    private final List<Span> quotes;

    Attribution(Doc doc) {
        this.doc = doc;
        this.quotes = quotations(doc.text());
    }

    /** The speaker of a claim whose trigger starts at token {@code at} of sentence {@code s}, or null. */
    String speaker(Sentence s, int at) {
        List<Token> tokens = doc.tokens();
        int offset = tokens.get(at).start();
        Span quote = null;
        for (Span q : quotes) {
            if (q.contains(offset)) {
                quote = q;
                break;
            }
        }
        for (int i = s.firstToken(); i + 1 < s.endToken(); i++) {
            if (tokens.get(i).lemma().equals("accord") && tokens.get(i + 1).lemma().equals("to")
                    && (quote == null || !quote.contains(tokens.get(i).start()))) {
                String who = chunk(i + 2, s.endToken(), +1);
                if (who != null) {
                    return who;
                }
            }
        }
        for (int i = s.firstToken(); i < s.endToken(); i++) {
            Token t = tokens.get(i);
            boolean verb = t.pos().startsWith("VB") && REPORTING.contains(t.lemma());
            boolean inQuote = quote != null && quote.contains(t.start());
            if (!verb || inQuote || (quote == null && i >= at)) {
                continue;
            }
            String who = chunk(i - 1, s.firstToken() - 1, -1);
            if (who == null) {
                who = chunk(i + 1, s.endToken(), +1);
            }
            if (who != null) {
                return who;
            }
        }
        return quote != null ? "unnamed speaker (quoted)" : null;
    }

    /** The run of name-like tokens from {@code from} towards {@code stop} (exclusive), skipping a leading determiner. */
    private String chunk(int from, int stop, int step) {
        List<Token> tokens = doc.tokens();
        int i = from;
        while (i != stop && (tokens.get(i).pos().equals("DT") || tokens.get(i).pos().startsWith("RB")
                || tokens.get(i).pos().equals("MD") || AUXILIARY.contains(tokens.get(i).lemma()))) {
            i += step;
        }
        int a = i;
        int b = i;
        while (i != stop && SPEAKER_POS.contains(tokens.get(i).pos())) {
            b = i;
            i += step;
        }
        if (i == a) {
            return null;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return doc.text().substring(tokens.get(lo).start(), tokens.get(hi).end());
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
