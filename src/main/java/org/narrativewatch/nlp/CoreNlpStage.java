package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.NerMention;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;
import org.narrativewatch.pipeline.Stage;

/**
 * Tokens, sentences, part-of-speech tags, lemmas and named entities from Stanford CoreNLP. The
 * text it sees has dropped parts blanked out (same length), so every offset is an offset into the
 * article text. One CoreNLP pipeline is built per process and shared by all worker threads.
 */
public final class CoreNlpStage implements Stage {
    private final StanfordCoreNLP pipeline;
    private final boolean ner;

    public CoreNlpStage(StanfordCoreNLP pipeline, boolean ner) {
        this.pipeline = pipeline;
        this.ner = ner;
    }

    /**
     * The CoreNLP configuration: blank lines end sentences (titles and paragraphs), NER uses the
     * 3-class CRF model (PERSON, ORGANIZATION, LOCATION) without SUTime, numeric or fine-grained
     * classifiers, whose output nothing here reads.
     */
    public static Properties properties(boolean ner) {
        Properties props = new Properties();
        props.setProperty("annotators", ner ? "tokenize,ssplit,pos,lemma,ner" : "tokenize,ssplit,pos,lemma");
        props.setProperty("tokenize.language", "en");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.additionalRegexNer", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        props.setProperty("ner.combinationMode", "NORMAL");
        return props;
    }

    @Override
    public String name() {
        return "nlp";
    }

    @Override
    public void process(Doc doc) {
        String original = doc.text();
        Annotation annotation = new Annotation(doc.article().analysedText());
        pipeline.annotate(annotation);
        List<Token> tokens = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            if (labels.isEmpty()) {
                continue;
            }
            int index = sentences.size();
            int first = tokens.size();
            for (CoreLabel t : labels) {
                int start = t.beginPosition();
                int end = t.endPosition();
                String lemma = t.lemma() == null ? t.word() : t.lemma();
                tokens.add(new Token(start, end, original.substring(start, end), t.tag(),
                        lemma.toLowerCase(Locale.ROOT), index));
            }
            sentences.add(new Sentence(index, labels.get(0).beginPosition(),
                    labels.get(labels.size() - 1).endPosition(), first, tokens.size()));
        }
        doc.setTokens(tokens, sentences);
        if (ner) {
            List<NerMention> mentions = new ArrayList<>();
            List<CoreMap> found = annotation.get(CoreAnnotations.MentionsAnnotation.class);
            if (found != null) {
                for (CoreMap m : found) {
                    mentions.add(new NerMention(m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                            m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
                            m.get(CoreAnnotations.NamedEntityTagAnnotation.class)));
                }
            }
            doc.setNerMentions(mentions);
        }
    }
}
