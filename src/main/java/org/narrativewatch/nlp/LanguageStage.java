package org.narrativewatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
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
 *   <li>The detector judges a text's Latin-script part: the text without its words in other scripts,
 *       so a quote in Russian or Armenian in an English report is no evidence for Danish or Dutch
 *       (OpenNLP's Latin-script models rank such letters as noise that fits some language best). A
 *       Latin-script part under {@value #MIN_CHARS_TO_JUDGE} characters is too short to judge:
 *       English, with a warning.</li>
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
    private final LanguageCodes codes = LanguageCodes.get();

    public LanguageStage(LanguageDetectorModel model) {
        this.model = model;
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
        String declared = declaredAs == null ? null : codes.fromInput(declaredAs);
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
            String code = codes.recorded(guess.getLang());
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
        String judged = latinPart(text);
        if (judged.length() < MIN_CHARS_TO_JUDGE) {
            doc.setLanguage("en", 0.0);
            doc.warn("text too short to detect its language; analysed as English");
            return;
        }
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample(judged));
        Language best = ranked[0];
        String code = codes.recorded(best.getLang());
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
     * A text without its words in scripts other than Latin (and the space after each), the text itself
     * when it has none. A word is a run of letters and marks: one with a letter of another script goes whole.
     */
    static String latinPart(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int wordEnd = i;
            boolean otherScript = false;
            while (wordEnd < text.length() && isWordChar(text.codePointAt(wordEnd))) {
                int cp = text.codePointAt(wordEnd);
                otherScript |= Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN;
                wordEnd += Character.charCount(cp);
            }
            if (wordEnd == i) {
                latin.appendCodePoint(text.codePointAt(i));
                i += Character.charCount(text.codePointAt(i));
            } else if (otherScript) {
                i = wordEnd;
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                latin.append(text, i, wordEnd);
                i = wordEnd;
            }
        }
        return latin.length() == text.length() ? text : latin.toString();
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
