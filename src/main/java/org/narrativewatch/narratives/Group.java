package org.narrativewatch.narratives;

import java.util.List;
import java.util.Set;

/**
 * A named set of things a rule can refer to with {@code @name}, {@code actor} or {@code target}:
 * tracked entities (Wikidata ids), entity types, and words that stand for them when the entity
 * layer did not tag them. Included groups are already folded in.
 */
record Group(String name, Set<String> kbIds, Set<String> types, List<Phrase> words, String file, int line) {
}
