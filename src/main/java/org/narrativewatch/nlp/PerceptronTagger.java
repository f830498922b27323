package org.narrativewatch.nlp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A greedy averaged-perceptron part-of-speech tagger with Penn Treebank tags (the design of
 * Collins 2002 and Honnibal's "good POS tagger in about 200 lines"). It tags about ten times faster
 * than CoreNLP's left3words maximum-entropy tagger, from which the shipped model is distilled (see
 * {@link Trainer} and docs/performance.md for how it was trained and how closely it agrees).
 *
 * <p>Immutable after loading and safe to share across threads.
 */
public final class PerceptronTagger {
    private static final int FORMAT = 1;
    private static final String START = "-START-";
    private static final String START2 = "-START2-";
    private static final String END = "-END-";
    private static final String END2 = "-END2-";

    private final String[] tags;
    /** Words seen often enough with one tag only; tagged without scoring. */
    private final Map<String, String> tagDictionary;
    private final Map<String, Weights> weights;

    /** The non-zero weights of one feature: parallel arrays of tag index and weight. */
    private record Weights(byte[] tags, float[] values) {
    }

    private PerceptronTagger(String[] tags, Map<String, String> tagDictionary, Map<String, Weights> weights) {
        this.tags = tags;
        this.tagDictionary = tagDictionary;
        this.weights = weights;
    }

    /** Tags one sentence: its tokens' words in order, one Penn tag each. */
    public String[] tag(String[] words) {
        String[] context = context(words);
        String[] out = new String[words.length];
        String prev = START;
        String prev2 = START2;
        float[] scores = new float[tags.length];
        List<String> features = new ArrayList<>(24);
        for (int i = 0; i < words.length; i++) {
            String tag = tagDictionary.get(words[i]);
            if (tag == null) {
                features.clear();
                addFeatures(features, i, words[i], context, prev, prev2);
                java.util.Arrays.fill(scores, 0f);
                for (String f : features) {
                    Weights w = weights.get(f);
                    if (w != null) {
                        for (int k = 0; k < w.tags.length; k++) {
                            scores[w.tags[k]] += w.values[k];
                        }
                    }
                }
                tag = tags[argmax(scores)];
            }
            out[i] = tag;
            prev2 = prev;
            prev = tag;
        }
        return out;
    }

    /** Number of features with weights, for messages. */
    public int features() {
        return weights.size();
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The normalised words of a sentence with two sentinels either side. */
    private static String[] context(String[] words) {
        String[] context = new String[words.length + 4];
        context[0] = START;
        context[1] = START2;
        for (int i = 0; i < words.length; i++) {
            context[i + 2] = normalise(words[i]);
        }
        context[words.length + 2] = END;
        context[words.length + 3] = END2;
        return context;
    }

    /** Lower case, with numbers and hyphenated compounds folded into classes, as sparse data needs. */
    static String normalise(String word) {
        if (word.indexOf('-') > 0 && word.indexOf('-') < word.length() - 1 && !Character.isDigit(word.charAt(0))) {
            return "!HYPHEN";
        }
        if (word.length() == 4 && allDigits(word)) {
            return "!YEAR";
        }
        if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
            return "!DIGITS";
        }
        return word.toLowerCase(Locale.ROOT);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A coarse shape: capitalisation, digits and punctuation, which carry most of what unseen words reveal. */
    private static String shape(String word) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        boolean initialCap = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
        return (upper && !lower ? "A" : initialCap ? "Aa" : lower ? "a" : "")
                + (digit ? "9" : "") + (other ? "." : "");
    }

    private static String suffix(String word, int n) {
        return word.length() > n ? word.substring(word.length() - n) : word;
    }

    private static void addFeatures(List<String> f, int i, String word, String[] context, String prev, String prev2) {
        int c = i + 2;
        String w = context[c];
        f.add("b");
        f.add("s3 " + suffix(w, 3));
        f.add("s2 " + suffix(w, 2));
        f.add("p1 " + (word.isEmpty() ? "" : word.substring(0, 1)));
        f.add("sh " + shape(word));
        f.add("sh0 " + shape(word) + ' ' + (i == 0));
        f.add("t1 " + prev);
        f.add("t2 " + prev2);
        f.add("t12 " + prev + ' ' + prev2);
        f.add("w " + w);
        f.add("t1w " + prev + ' ' + w);
        f.add("w-1 " + context[c - 1]);
        f.add("s3-1 " + suffix(context[c - 1], 3));
        f.add("w-2 " + context[c - 2]);
        f.add("w+1 " + context[c + 1]);
        f.add("s3+1 " + suffix(context[c + 1], 3));
        f.add("w+2 " + context[c + 2]);
        f.add("ww+1 " + w + ' ' + context[c + 1]);
    }

    public static PerceptronTagger load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        if (data.readInt() != FORMAT) {
            throw new IOException("unknown POS model format");
        }
        String[] tags = new String[data.readInt()];
        for (int k = 0; k < tags.length; k++) {
            tags[k] = data.readUTF();
        }
        int dictionarySize = data.readInt();
        Map<String, String> dictionary = new HashMap<>(dictionarySize * 2);
        for (int k = 0; k < dictionarySize; k++) {
            dictionary.put(data.readUTF(), tags[data.readByte()]);
        }
        int featureCount = data.readInt();
        Map<String, Weights> weights = new HashMap<>(featureCount * 2);
        for (int k = 0; k < featureCount; k++) {
            String feature = data.readUTF();
            int n = data.readUnsignedByte();
            byte[] t = new byte[n];
            float[] v = new float[n];
            for (int j = 0; j < n; j++) {
                t[j] = data.readByte();
                v[j] = data.readFloat();
            }
            weights.put(feature, new Weights(t, v));
        }
        return new PerceptronTagger(tags, dictionary, weights);
    }

    public void save(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(FORMAT);
        data.writeInt(tags.length);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < tags.length; k++) {
            data.writeUTF(tags[k]);
            index.put(tags[k], k);
        }
        Map<String, String> dictionary = new TreeMap<>(tagDictionary);
        data.writeInt(dictionary.size());
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeByte(index.get(e.getValue()));
        }
        Map<String, Weights> sorted = new TreeMap<>(weights);
        data.writeInt(sorted.size());
        for (Map.Entry<String, Weights> e : sorted.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeByte(e.getValue().tags.length);
            for (int j = 0; j < e.getValue().tags.length; j++) {
                data.writeByte(e.getValue().tags[j]);
                data.writeFloat(e.getValue().values[j]);
            }
        }
        data.flush();
        gzip.finish();
    }

    /**
     * Trains a tagger from tagged sentences (averaged perceptron, a fixed number of passes in a
     * seeded shuffled order, so the same data always gives the same model).
     */
    public static final class Trainer {
        private static final int PASSES = 8;
        private static final int DICTIONARY_MIN_COUNT = 20;
        private static final double DICTIONARY_MIN_SHARE = 0.97;
        private static final float PRUNE_BELOW = 0.01f;

        private final List<String[]> words = new ArrayList<>();
        private final List<String[]> gold = new ArrayList<>();

        public void add(String[] sentenceWords, String[] sentenceTags) {
            words.add(sentenceWords);
            gold.add(sentenceTags);
        }

        public int sentences() {
            return words.size();
        }

        public PerceptronTagger train() {
            Map<String, Integer> tagIndex = new TreeMap<>();
            Map<String, Map<String, Integer>> counts = new HashMap<>();
            for (int s = 0; s < words.size(); s++) {
                for (int i = 0; i < words.get(s).length; i++) {
                    tagIndex.putIfAbsent(gold.get(s)[i], 0);
                    counts.computeIfAbsent(words.get(s)[i], k -> new HashMap<>()).merge(gold.get(s)[i], 1, Integer::sum);
                }
            }
            String[] tags = tagIndex.keySet().toArray(new String[0]);
            for (int k = 0; k < tags.length; k++) {
                tagIndex.put(tags[k], k);
            }
            if (tags.length > 127) {
                throw new IllegalArgumentException("too many tags: " + tags.length);
            }
            Map<String, String> dictionary = new HashMap<>();
            counts.forEach((word, byTag) -> {
                int total = byTag.values().stream().mapToInt(Integer::intValue).sum();
                byTag.forEach((tag, n) -> {
                    if (total >= DICTIONARY_MIN_COUNT && n >= DICTIONARY_MIN_SHARE * total) {
                        dictionary.put(word, tag);
                    }
                });
            });

            Map<String, float[]> w = new HashMap<>();
            Map<String, double[]> totals = new HashMap<>();
            Map<String, int[]> stamps = new HashMap<>();
            int clock = 0;
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < words.size(); s++) {
                order.add(s);
            }
            Random random = new Random(42);
            List<String> features = new ArrayList<>(24);
            float[] scores = new float[tags.length];
            for (int pass = 0; pass < PASSES; pass++) {
                java.util.Collections.shuffle(order, random);
                for (int s : order) {
                    String[] sw = words.get(s);
                    String[] context = context(sw);
                    String prev = START;
                    String prev2 = START2;
                    for (int i = 0; i < sw.length; i++) {
                        String truth = gold.get(s)[i];
                        String guess = dictionary.get(sw[i]);
                        if (guess == null) {
                            features.clear();
                            addFeatures(features, i, sw[i], context, prev, prev2);
                            java.util.Arrays.fill(scores, 0f);
                            for (String f : features) {
                                float[] fw = w.get(f);
                                if (fw != null) {
                                    for (int k = 0; k < scores.length; k++) {
                                        scores[k] += fw[k];
                                    }
                                }
                            }
                            guess = tags[argmax(scores)];
                            clock++;
                            if (!guess.equals(truth)) {
                                int t = tagIndex.get(truth);
                                int g = tagIndex.get(guess);
                                for (String f : features) {
                                    float[] fw = w.computeIfAbsent(f, k -> new float[tags.length]);
                                    double[] tot = totals.computeIfAbsent(f, k -> new double[tags.length]);
                                    int[] st = stamps.computeIfAbsent(f, k -> new int[tags.length]);
                                    for (int k : new int[] {t, g}) {
                                        tot[k] += (double) (clock - st[k]) * fw[k];
                                        st[k] = clock;
                                        fw[k] += k == t ? 1 : -1;
                                    }
                                }
                            }
                        }
                        prev2 = prev;
                        prev = guess;
                    }
                }
            }
            Map<String, Weights> averaged = new HashMap<>();
            for (Map.Entry<String, float[]> e : w.entrySet()) {
                double[] tot = totals.get(e.getKey());
                int[] st = stamps.get(e.getKey());
                List<Integer> keep = new ArrayList<>();
                float[] avg = new float[tags.length];
                for (int k = 0; k < tags.length; k++) {
                    avg[k] = (float) ((tot[k] + (double) (clock - st[k]) * e.getValue()[k]) / clock);
                    if (Math.abs(avg[k]) * 1000 >= PRUNE_BELOW) {
                        keep.add(k);
                    }
                }
                if (!keep.isEmpty()) {
                    byte[] t = new byte[keep.size()];
                    float[] v = new float[keep.size()];
                    for (int j = 0; j < keep.size(); j++) {
                        t[j] = (byte) (int) keep.get(j);
                        v[j] = avg[keep.get(j)] * 1000;
                    }
                    averaged.put(e.getKey(), new Weights(t, v));
                }
            }
            return new PerceptronTagger(tags, dictionary, averaged);
        }
    }
}
