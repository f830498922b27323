package org.narrativewatch.doc;

/**
 * A token: its span in the article text, the surface form as it appears there, part-of-speech tag
 * (Penn Treebank), lemma (lower-cased) and the index of its sentence.
 */
public record Token(int start, int end, String text, String pos, String lemma, int sentence) {
}
