package org.narrativewatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.pipeline.Stage;

/**
 * Decides each article's language and marks articles that are not English as skipped, so they are
 * reported and never mis-analysed. The rules, in order (documented in README.md, "analyze"):
 *
 * <ol>
 *   <li>A language the input gives (the JSON/JSONL/CSV {@code language} field, the HTML {@code lang}
 *       attribute) is trusted over detection, with confidence 1: another language than English is
 *       skipped as that language.</li>
 *   <li>A text whose letters are mostly not Latin script is never English, whatever the input says
 *       or however short it is: it is skipped, as the detector's best guess other than English.</li>
 *   <li>English given by the input is analysed as English.</li>
 *   <li>A text under {@value #MIN_CHARS_TO_JUDGE} characters is too short to judge: English, with a
 *       warning.</li>
 *   <li>Otherwise OpenNLP's detector (103 languages) ranks the languages. English is chosen when it
 *       ranks first, at any confidence, or when it scores at least {@value #ENGLISH_NEAR_BEST} of
 *       the best language (with a warning); else the text is skipped as the best language. On short
 *       texts every language scores low (on the EUvsDisinfo claims of 60 characters or more, English
 *       ranks first with a median confidence of 0.05), so a minimum confidence would skip most short
 *       English texts; what separates English from another language there is how English scores next
 *       to the best one: at least 0.70 of it on every such claim that another language tops, at most
 *       0.16 of it on news paragraphs of 68 to 323 characters in eight other Latin-script languages.</li>
 * </ol>
 */
public final class LanguageStage implements Stage {
    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /**
     * Enough text to decide; detection cost grows with length. 500 characters decide as 3,000 do
     * on the PTC articles at a sixth of the cost (docs/performance.md).
     */
    private static final int SAMPLE_CHARS = 500;
    static final int MIN_CHARS_TO_JUDGE = 60;
    /** English is chosen when its score is at least this share of the best language's score. */
    static final double ENGLISH_NEAR_BEST = 0.5;
    /** Codes that say the language is not known or not one language (ISO 639-2 special codes). */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

    private final LanguageDetectorModel model;
    private final Map<String, String> iso1ByIso3 = new HashMap<>();
    private final Set<String> iso1 = new HashSet<>();
    private final Set<String> detectable = new HashSet<>();
    private final Map<String, String> iso1ByName = new HashMap<>();

    public LanguageStage(LanguageDetectorModel model) {
        this.model = model;
        for (String code : Locale.getISOLanguages()) {
            Locale locale = new Locale(code);
            iso1.add(code);
            iso1ByIso3.put(locale.getISO3Language(), code);
            iso1ByName.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        for (String code : new LanguageDetectorME(model).getSupportedLanguages()) {
            detectable.add(code);
        }
    }

    public static LanguageDetectorModel loadModel() throws IOException {
        try (InputStream in = LanguageStage.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IOException("language model " + MODEL_RESOURCE + " not on the class path");
            }
            return new LanguageDetectorModel(in);
        }
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public void process(Doc doc) {
        String text = doc.article().analysedText().strip();
        String declaredAs = doc.article().declaredLanguage();
        String declared = declaredAs == null ? null : code(declaredAs);
        if (declaredAs != null && declared == null && !NO_LANGUAGE.contains(declaredAs.strip().toLowerCase(Locale.ROOT))) {
            doc.warn("the input's language '" + declaredAs + "' is not a language code or name; detected instead");
        }
        if (declared != null && !"en".equals(declared)) {
            doc.setLanguage(declared, 1.0);
            doc.skip("language " + declared + ", as the input gives it, is not analysed (only English is)");
            return;
        }
        String script = mostlyNotLatin(text);
        if (script != null) {
            Language guess = bestNotEnglish(text);
            String code = iso1(guess.getLang());
            doc.setLanguage(code, round(guess.getConfidence()));
            doc.skip("en".equals(declared)
                    ? "the input gives language en, but the text is mostly in " + script + " script (detected "
                            + code + "); not analysed (only English is)"
                    : "language " + code + " is not analysed (only English is): the text is mostly in " + script
                            + " script");
            return;
        }
        if (declared != null) {
            doc.setLanguage("en", 1.0);
            return;
        }
        if (text.length() < MIN_CHARS_TO_JUDGE) {
            doc.setLanguage("en", 0.0);
            doc.warn("text too short to detect its language; analysed as English");
            return;
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample(text));
        Language best = ranked[0];
        String code = iso1(best.getLang());
        if ("en".equals(code)) {
            doc.setLanguage("en", round(best.getConfidence()));
            return;
        }
        double english = 0;
        for (Language l : ranked) {
            if ("eng".equals(l.getLang())) {
                english = l.getConfidence();
            }
        }
        if (english >= ENGLISH_NEAR_BEST * best.getConfidence()) {
            doc.setLanguage("en", round(english));
            doc.warn("language uncertain (best guess " + code + ", English nearly as likely); analysed as English");
        } else {
            doc.setLanguage(code, round(best.getConfidence()));
            doc.skip("language " + code + " is not analysed (only English is)");
        }
    }

    /**
     * The language a text is in when its letters are mostly not Latin script: the detector's best
     * guess other than English, even for a text too short to judge (the script alone rules English out).
     */
    private Language bestNotEnglish(String text) {
        for (Language l : new LanguageDetectorME(model).predictLanguages(sample(text))) {
            if (!"eng".equals(l.getLang())) {
                return l;
            }
        }
        throw new IllegalStateException("the language model knows only English");
    }

    /**
     * The script most of a text's letters are in, in words ("Cyrillic"), when fewer than half of
     * its letters are Latin; null when most are Latin or it has no letters. Marks and digits do not count.
     */
    static String mostlyNotLatin(String text) {
        int letters = 0;
        int latin = 0;
        Map<Character.UnicodeScript, Integer> others = new HashMap<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                others.merge(script, 1, Integer::sum);
            }
        }
        if (letters == 0 || latin * 2 >= letters) {
            return null;
        }
        Character.UnicodeScript top = others.entrySet().stream()
                .max(Map.Entry.<Character.UnicodeScript, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().name(), java.util.Comparator.reverseOrder()))
                .orElseThrow().getKey();
        String name = top.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A language as an input gives it, as the code records carry (ISO 639-1 where one exists, else
     * ISO 639-3), or null when it names no language: a tag's primary subtag ("en-GB", "pt_BR"), an
     * ISO 639-1 or 639-3 code in any case, or an English language name ("German").
     */
    String code(String declared) {
        String s = declared.strip().toLowerCase(Locale.ROOT);
        String primary = s.split("[-_]", 2)[0];
        if (primary.length() == 2 && iso1.contains(primary)) {
            return primary;
        }
        if (primary.length() == 3 && !NO_LANGUAGE.contains(primary)
                && (iso1ByIso3.containsKey(primary) || detectable.contains(primary))) {
            return iso1(primary);
        }
        return iso1ByName.get(s);
    }

    private String iso1(String iso3) {
        return iso1ByIso3.getOrDefault(iso3, iso3);
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
