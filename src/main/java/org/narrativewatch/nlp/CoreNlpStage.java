package org.narrativewatch.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.util.CoreMap;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.NerMention;
import org.narrativewatch.doc.Sentence;
import org.narrativewatch.doc.Token;
import org.narrativewatch.pipeline.Stage;

/**
 * Tokens, sentences, part-of-speech tags, lemmas and (optionally) statistical named entities. CoreNLP
 * tokenizes and splits sentences, the {@link PerceptronTagger} assigns Penn tags, CoreNLP's
 * morphology gives lemmas from word and tag (exactly what its {@code lemma} annotator does), and
 * CoreNLP's 3-class CRF finds PERSON/ORGANIZATION/LOCATION mentions when asked for. The text it
 * sees has dropped parts blanked out (same length), so every offset is an offset into the article
 * text. Everything here is loaded once per process and shared by all worker threads.
 */
public final class CoreNlpStage implements Stage {
    /** The part-of-speech model, packaged under models/ (made by {@code narrative-watch train-tagger}). */
    public static final String TAGGER_MODEL = "pos-tagger.bin.gz";

    private final StanfordCoreNLP tokenizer;
    private final PerceptronTagger tagger;
    private final Lemmatizer lemmatizer = new Lemmatizer();
    private final StanfordCoreNLP ner;

    /**
     * @param tokenizer a CoreNLP pipeline built from {@link #tokenizerProperties()}
     * @param tagger    the part-of-speech tagger
     * @param ner       a CoreNLP pipeline built from {@link #nerProperties()}, or null for no statistical NER
     */
    public CoreNlpStage(StanfordCoreNLP tokenizer, PerceptronTagger tagger, StanfordCoreNLP ner) {
        this.tokenizer = tokenizer;
        this.tagger = tagger;
        this.ner = ner;
    }

    /**
     * Tokenizer and sentence splitter: every line break ends a sentence, and {@link LineBreaks} joins
     * the lines that continue one.
     */
    public static Properties tokenizerProperties() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        props.setProperty("tokenize.language", "en");
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        return props;
    }

    /**
     * How the tokenizer splits each word as it would in running text: the texts of its tokens, one when
     * it stays whole ("can't" gives "ca", "n't"; "cannot" gives "can", "not"; "u.s." stays whole). All
     * words go through one tokenizer run: making a tokenizer costs more than tokenizing a word, and a
     * catalog has thousands of words.
     */
    public static Map<String, List<String>> split(Collection<String> words) {
        // Each word sits between two others, as in a sentence: a word that ends the text can have a
        // sentence-final period split off ("u.s." as "u.s" and "."), which it keeps in running text.
        List<String> distinct = List.copyOf(new LinkedHashSet<>(words));
        StringBuilder text = new StringBuilder("and");
        int[] starts = new int[distinct.size()];
        for (int i = 0; i < distinct.size(); i++) {
            starts[i] = text.append(' ').length();
            text.append(distinct.get(i)).append(" and");
        }
        List<CoreLabel> tokens = WordTokenizer.INSTANCE.getTokenizer(new StringReader(text.toString())).tokenize();
        Map<String, List<String>> out = new HashMap<>();
        int next = 0;
        for (int i = 0; i < distinct.size(); i++) {
            String word = distinct.get(i);
            int start = starts[i];
            int end = start + word.length();
            while (next < tokens.size() && tokens.get(next).endPosition() <= start) {
                next++;
            }
            int last = next;
            while (last < tokens.size() && tokens.get(last).beginPosition() < end) {
                last++;
            }
            List<CoreLabel> own = tokens.subList(next, last);
            boolean runsOn = !own.isEmpty() && (own.get(0).beginPosition() < start
                    || own.get(own.size() - 1).endPosition() > end + " and".length());
            if (runsOn && distinct.size() > 1) {
                // A token that runs across the words around this one (an SGML tag "<b and x>" may hold
                // spaces): this word's tokens are the ones it gives on its own.
                out.put(word, split(List.of(word)).get(word));
                continue;
            }
            out.put(word, own.stream()
                    .map(t -> text.substring(t.beginPosition(), Math.min(t.endPosition(), end))).toList());
        }
        return out;
    }

    /** The tokenizer of {@link #tokenizerProperties()}, built on first use: catalogs check their words with it. */
    private static final class WordTokenizer {
        static final TokenizerAnnotator INSTANCE = new TokenizerAnnotator(false, tokenizerProperties());
    }

    /**
     * The 3-class CRF model (PERSON, ORGANIZATION, LOCATION) without SUTime, numeric or fine-grained
     * classifiers, whose output nothing here reads. It runs on tokens this stage made, so
     * CoreNLP's own requirement check (it would ask for its POS tagger) is off.
     */
    public static Properties nerProperties() {
        Properties props = new Properties();
        props.setProperty("annotators", "ner");
        props.setProperty("enforceRequirements", "false");
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
        String analysed = doc.article().analysedText();
        Annotation annotation = new Annotation(analysed);
        tokenizer.annotate(annotation);
        List<List<CoreLabel>> split = new ArrayList<>();
        for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            split.add(s.get(CoreAnnotations.TokensAnnotation.class));
        }

        List<Token> tokens = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        for (List<CoreLabel> labels : LineBreaks.join(analysed, split)) {
            tagAndLemmatize(labels);
            int index = sentences.size();
            int first = tokens.size();
            for (CoreLabel t : labels) {
                int start = t.beginPosition();
                int end = t.endPosition();
                tokens.add(new Token(start, end, original.substring(start, end), t.tag(), t.lemma(), index));
            }
            sentences.add(new Sentence(index, labels.get(0).beginPosition(),
                    labels.get(labels.size() - 1).endPosition(), first, tokens.size()));
        }
        doc.setTokens(tokens, sentences);
        if (ner != null) {
            ner.annotate(annotation);
            doc.setNerMentions(mentions(annotation));
        }
    }

    private void tagAndLemmatize(List<CoreLabel> labels) {
        String[] words = new String[labels.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = labels.get(i).word();
        }
        String[] tags = tagger.tag(words);
        if (inHeadlineCase(words)) {
            verbsOfHeadline(words, tags);
        }
        for (int i = 0; i < words.length; i++) {
            CoreLabel label = labels.get(i);
            label.setTag(tags[i]);
            label.setLemma(lemmatizer.lemma(words[i], tags[i]));
        }
    }

    /**
     * Whether every word of four letters or more starts with a capital ("Russia Betrayed Armenia", "West is
     * Blocking Chemical Weapons Inspections"), as headlines are written: the tagger then takes every word
     * for a name, so "Betrayed" matched no rule on "betray".
     */
    static boolean inHeadlineCase(String[] words) {
        int content = 0;
        boolean mixedCase = false;
        for (String word : words) {
            if (word.length() >= 4 && Character.isLetter(word.charAt(0))) {
                if (!Character.isUpperCase(word.charAt(0))) {
                    return false;
                }
                content++;
                mixedCase |= !word.equals(word.toUpperCase(Locale.ROOT));
            }
        }
        return content >= 3 && mixedCase;
    }

    /**
     * Gives the verbs of a headline-case sentence the tags they have in sentence case: a word tagged a name
     * that the sentence-case reading tags a verb is a verb. Only names turn into verbs, so names that read as
     * words in lower case ("Turkey", "Georgia") stay names.
     */
    private void verbsOfHeadline(String[] words, String[] tags) {
        String[] retagged = tagger.tagInSentenceCase(words);
        for (int i = 1; i < words.length; i++) {
            if (tags[i].startsWith("NNP") && (retagged[i].startsWith("VB") || retagged[i].equals("MD"))) {
                tags[i] = retagged[i];
            }
        }
    }

    private static List<NerMention> mentions(Annotation annotation) {
        List<NerMention> mentions = new ArrayList<>();
        List<CoreMap> found = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        if (found != null) {
            for (CoreMap m : found) {
                mentions.add(new NerMention(m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                        m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
                        m.get(CoreAnnotations.NamedEntityTagAnnotation.class)));
            }
        }
        return mentions;
    }
}
