package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lemmas exactly as CoreNLP's {@code lemma} annotator gives them (its morphology, from word and Penn
 * tag), remembered per (word, tag): word frequencies are so skewed that almost every token is a
 * repeat, and the morphology lexer costs more than tokenizing. Shared by all worker threads; each
 * thread has its own morphology lexer, which keeps state while it runs.
 */
final class Lemmatizer {
    /** Enough for the vocabulary of a large news corpus; past it, new pairs are computed, not kept. */
    private static final int MAX_REMEMBERED = 300_000;

    private final ConcurrentHashMap<String, String> remembered = new ConcurrentHashMap<>();
    private final ThreadLocal<Morphology> morphology = ThreadLocal.withInitial(Morphology::new);
    private final MorphaAnnotator annotator = new MorphaAnnotator(false);

    /** The lemma, lower-cased as the token layer keeps it. */
    String lemma(String word, String tag) {
        String key = tag + ' ' + word;
        String lemma = remembered.get(key);
        if (lemma == null) {
            lemma = compute(word, tag).toLowerCase(Locale.ROOT);
            if (remembered.size() < MAX_REMEMBERED) {
                remembered.put(key, lemma);
            }
        }
        return lemma;
    }

    private String compute(String given, String tag) {
        // CoreNLP lower-cases every word but a proper noun with the JVM's default locale, which under a Turkish
        // or Azerbaijani one makes "Isolates" "ısolate" (dotless i), a lemma no catalog term matches; a word
        // lower-cased here first comes out as it does under any other locale.
        String word = tag.startsWith("NNP") ? given : given.toLowerCase(Locale.ROOT);
        if (word.indexOf('_') < 0) {
            return morphology.get().lemma(word, tag);
        }
        // Words with underscores may be phrasal verbs ("pick_up"), which the annotator treats apart.
        CoreLabel label = new CoreLabel();
        label.setWord(word);
        label.setValue(word);
        label.setTag(tag);
        Annotation one = new Annotation(word);
        one.set(CoreAnnotations.TokensAnnotation.class, List.of(label));
        CoreMap sentence = new ArrayCoreMap();
        sentence.set(CoreAnnotations.TokensAnnotation.class, List.of(label));
        one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        annotator.annotate(one);
        return label.lemma();
    }
}
