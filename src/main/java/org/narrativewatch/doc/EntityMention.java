package org.narrativewatch.doc;

/**
 * A named-entity mention after linking.
 *
 * @param kbId      canonical id of the tracked entity (a Wikidata QID where one exists), or null for an
 *                  untracked NER entity
 * @param canonical display name of the tracked entity, or null
 * @param type      entity type: the catalog type for tracked entities (state, person, ...), the NER type
 *                  otherwise (PERSON, ORGANIZATION, LOCATION, MISC)
 * @param via       how the mention was found: alias, demonym, metonymy or ner
 */
public record EntityMention(int start, int end, String text, int sentence, String kbId, String canonical,
                            String type, String via) {

    public boolean tracked() {
        return kbId != null;
    }
}
