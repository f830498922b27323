package org.narrativewatch.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.EntityMention;
import org.narrativewatch.doc.NerMention;
import org.narrativewatch.pipeline.Stage;

/**
 * The entity layer: tracked entities from the gazetteer, linked to their catalog id, plus the
 * statistical NER mentions that no tracked entity covers (kept with their NER type and no id). The
 * gazetteer decides wherever it matches: a NER mention that overlaps a tracked match is absorbed by it.
 * Runs after {@link org.narrativewatch.nlp.CoreNlpStage}.
 */
public final class EntityStage implements Stage {
    public static final String VIA_NER = "ner";

    private final Gazetteer gazetteer;

    public EntityStage(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public void process(Doc doc) {
        String text = doc.text();
        List<GazetteerMatch> tracked = gazetteer.find(doc);
        List<EntityMention> mentions = new ArrayList<>();
        for (GazetteerMatch m : tracked) {
            TrackedEntity e = m.entity();
            mentions.add(new EntityMention(m.start(), m.end(), text.substring(m.start(), m.end()),
                    doc.sentenceAt(m.start()), e.id(), e.name(), e.type(), m.via()));
        }
        int next = 0;
        for (NerMention n : doc.nerMentions()) {
            if (!isName(text, n)) {
                continue;
            }
            while (next < tracked.size() && tracked.get(next).end() <= n.start()) {
                next++;
            }
            if (!overlapsFrom(tracked, next, n)) {
                mentions.add(new EntityMention(n.start(), n.end(), text.substring(n.start(), n.end()),
                        doc.sentenceAt(n.start()), null, null, n.type(), VIA_NER));
            }
        }
        mentions.sort(Comparator.comparingInt(EntityMention::start).thenComparingInt(EntityMention::end));
        doc.setEntities(mentions);
    }

    /** A name has a capital letter or a digit; the NER model sometimes tags pronouns ("he") as PERSON. */
    private static boolean isName(String text, NerMention n) {
        for (int i = n.start(); i < n.end(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a tracked match from index {@code from} on (all ending after n starts) overlaps n. */
    private static boolean overlapsFrom(List<GazetteerMatch> tracked, int from, NerMention n) {
        return from < tracked.size() && tracked.get(from).start() < n.end();
    }
}
