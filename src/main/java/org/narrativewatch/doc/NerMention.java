package org.narrativewatch.doc;

/** A named-entity mention found by the statistical NER model: span and type (PERSON, LOCATION, ...). */
public record NerMention(int start, int end, String type) {
}
