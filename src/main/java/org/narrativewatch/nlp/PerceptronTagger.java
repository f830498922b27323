package org.narrativewatch.nlp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A greedy averaged-perceptron part-of-speech tagger with Penn Treebank tags (Collins 2002; the
 * feature set of Honnibal's "good POS tagger in about 200 lines", plus word shape). It tags about
 * ten times faster than CoreNLP's left3words maximum-entropy tagger, from which the shipped model is
 * distilled ({@link TaggerDistillation}; agreement figures in docs/performance.md).
 *
 * <p>Features are 64-bit hashes of (template, parts), computed without building strings; at
 * 10^5..10^6 features a collision is about as likely as a cosmic-ray bit flip. Immutable after
 * loading and safe to share across threads.
 */
public final class PerceptronTagger {
    private static final int FORMAT = 2;
    private static final int FEATURES_PER_TOKEN = 18;
    private static final long START = hash("-START-");
    private static final long START2 = hash("-START2-");
    private static final long END = hash("-END-");
    private static final long END2 = hash("-END2-");

    private final String[] tags;
    /** Words seen often enough with one tag only; tagged without scoring. */
    private final Map<String, Integer> tagDictionary;
    private final FeatureTable table;

    private PerceptronTagger(String[] tags, Map<String, Integer> tagDictionary, FeatureTable table) {
        this.tags = tags;
        this.tagDictionary = tagDictionary;
        this.table = table;
    }

    /**
     * Tags one sentence as if it were written in sentence case: every word but the first and the acronyms
     * lower-cased. A headline in headline case ("Russia Betrayed Armenia") is otherwise all names to the tagger.
     */
    public String[] tagInSentenceCase(String[] words) {
        String[] sentenceCase = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            sentenceCase[i] = i == 0 || words[i].equals(words[i].toUpperCase(Locale.ROOT))
                    ? words[i] : words[i].toLowerCase(Locale.ROOT);
        }
        return tag(sentenceCase);
    }

    /** Tags one sentence: its tokens' words in order, one Penn tag each. */
    public String[] tag(String[] words) {
        Sentence s = new Sentence(words);
        String[] out = new String[words.length];
        float[] scores = new float[tags.length];
        long[] features = new long[FEATURES_PER_TOKEN];
        int prev = -1;
        int prev2 = -2;
        for (int i = 0; i < words.length; i++) {
            Integer known = tagDictionary.get(words[i]);
            int tag;
            if (known != null) {
                tag = known;
            } else {
                s.features(i, prev, prev2, features);
                Arrays.fill(scores, 0f);
                for (long f : features) {
                    table.addTo(f, scores);
                }
                tag = argmax(scores);
            }
            out[i] = tags[tag];
            prev2 = prev;
            prev = tag;
        }
        return out;
    }

    /** Number of features with weights, for messages. */
    public int features() {
        return table.size();
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

    /** The per-token parts of a sentence's features, hashed once per token. */
    private static final class Sentence {
        private final long[] word;
        private final long[] suffix3;
        private final long[] suffix2;
        private final long[] prefix1;
        private final long[] shape;

        Sentence(String[] words) {
            int n = words.length;
            word = new long[n + 4];
            suffix3 = new long[n + 4];
            suffix2 = new long[n];
            prefix1 = new long[n];
            shape = new long[n];
            word[0] = START;
            word[1] = START2;
            word[n + 2] = END;
            word[n + 3] = END2;
            suffix3[0] = START;
            suffix3[1] = START2;
            suffix3[n + 2] = END;
            suffix3[n + 3] = END2;
            for (int i = 0; i < n; i++) {
                String w = normalise(words[i]);
                word[i + 2] = hash(w);
                suffix3[i + 2] = hash(w, Math.max(0, w.length() - 3));
                suffix2[i] = hash(w, Math.max(0, w.length() - 2));
                prefix1[i] = words[i].isEmpty() ? 0 : words[i].charAt(0);
                shape[i] = shape(words[i]);
            }
        }

        /** The features of token i given the two tags before it (-1, -2 at the sentence start). */
        void features(int i, int prev, int prev2, long[] f) {
            int c = i + 2;
            f[0] = mix(0, 0, 0);
            f[1] = mix(1, suffix3[c], 0);
            f[2] = mix(2, suffix2[i], 0);
            f[3] = mix(3, prefix1[i], 0);
            f[4] = mix(4, shape[i], 0);
            f[5] = mix(5, shape[i], i == 0 ? 1 : 0);
            f[6] = mix(6, prev, 0);
            f[7] = mix(7, prev2, 0);
            f[8] = mix(8, prev, prev2);
            f[9] = mix(9, word[c], 0);
            f[10] = mix(10, prev, word[c]);
            f[11] = mix(11, word[c - 1], 0);
            f[12] = mix(12, suffix3[c - 1], 0);
            f[13] = mix(13, word[c - 2], 0);
            f[14] = mix(14, word[c + 1], 0);
            f[15] = mix(15, suffix3[c + 1], 0);
            f[16] = mix(16, word[c + 2], 0);
            f[17] = mix(17, word[c], word[c + 1]);
        }
    }

    /** Lower case, with numbers and hyphenated compounds folded into classes, as sparse data needs. */
    static String normalise(String word) {
        int hyphen = word.indexOf('-');
        if (hyphen > 0 && hyphen < word.length() - 1 && !Character.isDigit(word.charAt(0))) {
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
    private static long shape(String word) {
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
        int letters = upper && !lower ? 1 : initialCap ? 2 : lower ? 3 : 0;
        return letters * 4 + (digit ? 2 : 0) + (other ? 1 : 0) + 1;
    }

    private static long hash(String s) {
        return hash(s, 0);
    }

    /** FNV-1a over the characters of s from index {@code from}. */
    private static long hash(String s, int from) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** One feature: its template and up to two parts, mixed into 64 bits (murmur3's finaliser). */
    private static long mix(long template, long a, long b) {
        long h = template * 0x9e3779b97f4a7c15L;
        h = fmix(h ^ a);
        h = fmix(h ^ (b * 0xc2b2ae3d27d4eb4fL));
        return h;
    }

    private static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Feature hash to its non-zero weights: an open-addressing table over parallel arrays. */
    private static final class FeatureTable {
        private final long[] slots;
        private final int[] entryAt;
        private final int[] first;
        private final byte[] tag;
        private final float[] weight;

        FeatureTable(long[] keys, int[] first, byte[] tag, float[] weight) {
            int capacity = Integer.highestOneBit(Math.max(keys.length, 1) * 2) * 2;
            this.slots = new long[capacity];
            this.entryAt = new int[capacity];
            Arrays.fill(entryAt, -1);
            for (int e = 0; e < keys.length; e++) {
                int s = slot(keys[e]);
                slots[s] = keys[e];
                entryAt[s] = e;
            }
            this.first = first;
            this.tag = tag;
            this.weight = weight;
        }

        private int slot(long key) {
            int mask = slots.length - 1;
            int s = (int) key & mask;
            while (entryAt[s] >= 0 && slots[s] != key) {
                s = (s + 1) & mask;
            }
            return s;
        }

        void addTo(long key, float[] scores) {
            int e = entryAt[slot(key)];
            if (e >= 0) {
                for (int k = first[e]; k < first[e + 1]; k++) {
                    scores[tag[k]] += weight[k];
                }
            }
        }

        int size() {
            return first.length - 1;
        }
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
        Map<String, Integer> dictionary = new HashMap<>(dictionarySize * 2);
        for (int k = 0; k < dictionarySize; k++) {
            dictionary.put(data.readUTF(), (int) data.readByte());
        }
        int features = data.readInt();
        int weights = data.readInt();
        long[] keys = new long[features];
        int[] first = new int[features + 1];
        byte[] tag = new byte[weights];
        float[] weight = new float[weights];
        int w = 0;
        for (int e = 0; e < features; e++) {
            keys[e] = data.readLong();
            first[e] = w;
            for (int n = data.readUnsignedByte(); n > 0; n--, w++) {
                tag[w] = data.readByte();
                weight[w] = data.readFloat();
            }
        }
        first[features] = w;
        return new PerceptronTagger(tags, dictionary, new FeatureTable(keys, first, tag, weight));
    }

    public void save(OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(FORMAT);
        data.writeInt(tags.length);
        for (String t : tags) {
            data.writeUTF(t);
        }
        Map<String, Integer> dictionary = new TreeMap<>(tagDictionary);
        data.writeInt(dictionary.size());
        for (Map.Entry<String, Integer> e : dictionary.entrySet()) {
            data.writeUTF(e.getKey());
            data.writeByte(e.getValue());
        }
        // Entries in key order, so the same model always gives the same bytes.
        Integer[] order = new Integer[table.size()];
        long[] keys = new long[table.size()];
        for (int s = 0; s < table.slots.length; s++) {
            if (table.entryAt[s] >= 0) {
                keys[table.entryAt[s]] = table.slots[s];
            }
        }
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        data.writeInt(order.length);
        data.writeInt(table.tag.length);
        for (int e : order) {
            data.writeLong(keys[e]);
            data.writeByte(table.first[e + 1] - table.first[e]);
            for (int k = table.first[e]; k < table.first[e + 1]; k++) {
                data.writeByte(table.tag[k]);
                data.writeFloat(table.weight[k]);
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
        /** Averaged weights this small (relative to one update) change no decision worth keeping. */
        private static final double PRUNE_BELOW = 1e-5;

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
            if (tags.length > 127) {
                throw new IllegalArgumentException("too many tags: " + tags.length);
            }
            for (int k = 0; k < tags.length; k++) {
                tagIndex.put(tags[k], k);
            }
            Map<String, Integer> dictionary = new HashMap<>();
            counts.forEach((word, byTag) -> {
                int total = byTag.values().stream().mapToInt(Integer::intValue).sum();
                byTag.forEach((tag, n) -> {
                    if (total >= DICTIONARY_MIN_COUNT && n >= DICTIONARY_MIN_SHARE * total) {
                        dictionary.put(word, tagIndex.get(tag));
                    }
                });
            });

            Map<Long, float[]> w = new HashMap<>();
            Map<Long, double[]> totals = new HashMap<>();
            Map<Long, int[]> stamps = new HashMap<>();
            int clock = 0;
            List<Integer> order = new ArrayList<>();
            for (int s = 0; s < words.size(); s++) {
                order.add(s);
            }
            Random random = new Random(42);
            long[] features = new long[FEATURES_PER_TOKEN];
            float[] scores = new float[tags.length];
            for (int pass = 0; pass < PASSES; pass++) {
                Collections.shuffle(order, random);
                for (int s : order) {
                    String[] sw = words.get(s);
                    Sentence sentence = new Sentence(sw);
                    int prev = -1;
                    int prev2 = -2;
                    for (int i = 0; i < sw.length; i++) {
                        int truth = tagIndex.get(gold.get(s)[i]);
                        Integer known = dictionary.get(sw[i]);
                        int guess;
                        if (known != null) {
                            guess = known;
                        } else {
                            sentence.features(i, prev, prev2, features);
                            Arrays.fill(scores, 0f);
                            for (long f : features) {
                                float[] fw = w.get(f);
                                if (fw != null) {
                                    for (int k = 0; k < scores.length; k++) {
                                        scores[k] += fw[k];
                                    }
                                }
                            }
                            guess = argmax(scores);
                            clock++;
                            if (guess != truth) {
                                for (long f : features) {
                                    float[] fw = w.computeIfAbsent(f, k -> new float[tags.length]);
                                    double[] tot = totals.computeIfAbsent(f, k -> new double[tags.length]);
                                    int[] st = stamps.computeIfAbsent(f, k -> new int[tags.length]);
                                    for (int k : new int[] {truth, guess}) {
                                        tot[k] += (double) (clock - st[k]) * fw[k];
                                        st[k] = clock;
                                        fw[k] += k == truth ? 1 : -1;
                                    }
                                }
                            }
                        }
                        prev2 = prev;
                        prev = guess;
                    }
                }
            }
            List<Long> keys = new ArrayList<>(w.keySet());
            Collections.sort(keys);
            List<Long> kept = new ArrayList<>();
            List<Integer> first = new ArrayList<>();
            List<Byte> tagList = new ArrayList<>();
            List<Float> weightList = new ArrayList<>();
            for (long key : keys) {
                double[] tot = totals.get(key);
                int[] st = stamps.get(key);
                float[] fw = w.get(key);
                int before = tagList.size();
                for (int k = 0; k < tags.length; k++) {
                    double avg = (tot[k] + (double) (clock - st[k]) * fw[k]) / clock;
                    if (Math.abs(avg) >= PRUNE_BELOW) {
                        tagList.add((byte) k);
                        weightList.add((float) (avg * 1000)); // scaled: float keeps precision near 1
                    }
                }
                if (tagList.size() > before) {
                    kept.add(key);
                    first.add(before);
                }
            }
            first.add(tagList.size());
            long[] k = kept.stream().mapToLong(Long::longValue).toArray();
            int[] f = first.stream().mapToInt(Integer::intValue).toArray();
            byte[] t = new byte[tagList.size()];
            float[] v = new float[weightList.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = tagList.get(i);
                v[i] = weightList.get(i);
            }
            return new PerceptronTagger(tags, dictionary, new FeatureTable(k, f, t, v));
        }
    }
}
