package org.narrativewatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.pipeline.Stage;

/**
 * Detects each article's language with OpenNLP's language detector (103 languages) and marks
 * articles that are not English as skipped, so they are reported and never mis-analysed. Texts too
 * short to judge are analysed as English with a warning.
 */
public final class LanguageStage implements Stage {
    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /**
     * Enough text to decide; detection cost grows with length. 500 characters decide as 3,000 do
     * on the PTC articles at a sixth of the cost (docs/performance.md).
     */
    private static final int SAMPLE_CHARS = 500;
    private static final int MIN_CHARS_TO_JUDGE = 60;
    private static final double MIN_CONFIDENCE = 0.5;

    private final LanguageDetectorModel model;
    private final Map<String, String> iso1ByIso3;

    public LanguageStage(LanguageDetectorModel model) {
        this.model = model;
        this.iso1ByIso3 = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            iso1ByIso3.put(new Locale(iso1).getISO3Language(), iso1);
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
        if (text.length() < MIN_CHARS_TO_JUDGE) {
            doc.setLanguage("en", 0.0);
            doc.warn("text too short to detect its language; analysed as English");
            return;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        // LanguageDetectorME keeps per-call state; it is cheap next to the shared model.
        Language best = new LanguageDetectorME(model).predictLanguage(sample);
        String code = iso1ByIso3.getOrDefault(best.getLang(), best.getLang());
        double confidence = Math.round(best.getConfidence() * 1000) / 1000.0;
        doc.setLanguage(code, confidence);
        if (!"en".equals(code)) {
            if (confidence < MIN_CONFIDENCE) {
                doc.setLanguage("en", confidence);
                doc.warn("language uncertain (best guess " + code + "); analysed as English");
            } else {
                doc.skip("language " + code + " is not analysed (only English is)");
            }
        }
    }
}
