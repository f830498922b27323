package org.narrativewatch.doc;

/** A sentence: its span in the article text and its tokens as [firstToken, endToken) indices. */
public record Sentence(int index, int start, int end, int firstToken, int endToken) {
}
