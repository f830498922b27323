package org.narrativewatch.doc;

/** A part of the article text that is kept in the output but never analysed, and why. */
public record Dropped(Span span, String reason) {
}
