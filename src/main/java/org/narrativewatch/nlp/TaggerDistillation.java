package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.narrativewatch.doc.Article;

/**
 * Trains the {@link PerceptronTagger} from CoreNLP's left3words tagger: the teacher tags the
 * articles (tokenized exactly as {@link CoreNlpStage} tokenizes), every fifth article is held out,
 * the student learns from the rest, and its agreement with the teacher on the held-out articles
 * is measured for tags and for the lemmas those tags give.
 */
public final class TaggerDistillation {
    public static final String TEACHER_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
    private static final int HOLD_OUT_EVERY = 5;

    private final StanfordCoreNLP teacher;
    private final PerceptronTagger.Trainer trainer = new PerceptronTagger.Trainer();
    private final List<List<CoreLabel>> heldOut = new ArrayList<>();
    private int articles;

    /** Agreement of student and teacher on held-out articles. */
    public record Agreement(long tokens, double tags, double lemmas, int trainingSentences) {
    }

    public TaggerDistillation() {
        Properties props = CoreNlpStage.tokenizerProperties();
        props.setProperty("annotators", "tokenize,ssplit,pos");
        props.setProperty("pos.model", TEACHER_MODEL);
        teacher = new StanfordCoreNLP(props);
    }

    /** Tags one article with the teacher and keeps it for training or for the held-out check. */
    public void add(Article article) {
        Annotation annotation = new Annotation(article.analysedText());
        teacher.annotate(annotation);
        boolean hold = articles++ % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1;
        for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            if (hold) {
                heldOut.add(labels);
                continue;
            }
            String[] words = new String[labels.size()];
            String[] tags = new String[labels.size()];
            for (int i = 0; i < words.length; i++) {
                words[i] = labels.get(i).word();
                tags[i] = labels.get(i).tag();
            }
            trainer.add(words, tags);
        }
    }

    public PerceptronTagger train() {
        return trainer.train();
    }

    public Agreement agreement(PerceptronTagger student) {
        Morphology morphology = new Morphology();
        long tokens = 0;
        long sameTag = 0;
        long sameLemma = 0;
        for (List<CoreLabel> labels : heldOut) {
            String[] words = new String[labels.size()];
            for (int i = 0; i < words.length; i++) {
                words[i] = labels.get(i).word();
            }
            String[] tags = student.tag(words);
            for (int i = 0; i < words.length; i++) {
                String gold = labels.get(i).tag();
                tokens++;
                if (gold.equals(tags[i])) {
                    sameTag++;
                }
                if (morphology.lemma(words[i], gold).equalsIgnoreCase(morphology.lemma(words[i], tags[i]))) {
                    sameLemma++;
                }
            }
        }
        return new Agreement(tokens, sameTag / (double) Math.max(tokens, 1),
                sameLemma / (double) Math.max(tokens, 1), trainer.sentences());
    }
}
