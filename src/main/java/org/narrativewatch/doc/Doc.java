package org.narrativewatch.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * An article and the layers the pipeline stages add to it. Each stage reads the layers before it
 * and sets its own; a Doc belongs to one worker thread at a time.
 */
public final class Doc {
    private final Article article;
    private String language;
    private double languageConfidence;
    private List<Token> tokens = List.of();
    private List<Sentence> sentences = List.of();
    private List<NerMention> nerMentions = List.of();
    private List<EntityMention> entities = List.of();
    private List<NarrativeHit> narratives = List.of();
    private String skipReason;
    private final List<String> warnings = new ArrayList<>();

    public Doc(Article article) {
        this.article = article;
    }

    public Article article() {
        return article;
    }

    public String text() {
        return article.text();
    }

    public String language() {
        return language;
    }

    public double languageConfidence() {
        return languageConfidence;
    }

    public void setLanguage(String language, double confidence) {
        this.language = language;
        this.languageConfidence = confidence;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    public void setTokens(List<Token> tokens, List<Sentence> sentences) {
        this.tokens = List.copyOf(tokens);
        this.sentences = List.copyOf(sentences);
    }

    public List<NerMention> nerMentions() {
        return nerMentions;
    }

    public void setNerMentions(List<NerMention> nerMentions) {
        this.nerMentions = List.copyOf(nerMentions);
    }

    public List<EntityMention> entities() {
        return entities;
    }

    public void setEntities(List<EntityMention> entities) {
        this.entities = List.copyOf(entities);
    }

    public List<NarrativeHit> narratives() {
        return narratives;
    }

    public void setNarratives(List<NarrativeHit> narratives) {
        this.narratives = List.copyOf(narratives);
    }

    /** Marks the article as not analysed (for instance, not English); later stages leave it alone. */
    public void skip(String reason) {
        this.skipReason = reason;
    }

    public boolean skipped() {
        return skipReason != null;
    }

    public String skipReason() {
        return skipReason;
    }

    public List<String> warnings() {
        return warnings;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Index of the sentence containing the given offset, or -1 when it falls between sentences. */
    public int sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
