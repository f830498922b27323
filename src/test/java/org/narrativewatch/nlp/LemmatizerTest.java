package org.narrativewatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Lemmas are the same bytes on every machine, whatever its locale. */
class LemmatizerTest {
    @Test
    void aTurkishLocaleGivesTheLemmasEveryOtherLocaleGives() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            Lemmatizer lemmatizer = new Lemmatizer();
            // Under tr-TR, "I".toLowerCase() is a dotless "ı": "ısolate" matched no catalog term.
            assertEquals("isolate", lemmatizer.lemma("Isolates", "VBZ"));
            assertEquals("invade", lemmatizer.lemma("Invaded", "VBD"));
            assertEquals("it", lemmatizer.lemma("It", "PRP"));
            assertEquals("ignore", lemmatizer.lemma("IGNORING", "VBG"));
            // A proper noun keeps its form until the token layer lower-cases it.
            assertEquals("isis", lemmatizer.lemma("ISIS", "NNP"));
            assertEquals("iranian", lemmatizer.lemma("Iranians", "NNPS"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
