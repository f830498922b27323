package org.narrativewatch.narratives;

import org.narrativewatch.doc.EntityMention;

/**
 * A group mention in a sentence as a token range [start, end); {@code entity} is the tracked entity
 * behind it, or null when a group word matched.
 */
record Mention(int start, int end, EntityMention entity) {
}
