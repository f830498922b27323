package org.narrativewatch.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The language codes and English language names inputs give, and the code a record carries for each:
 * ISO 639-1 where the language has one, else ISO 639-3. An individual language that Unicode CLDR
 * replaces by its macrolanguage is recorded as the macrolanguage when that has an ISO 639-1 code
 * ({@code azj}, North Azerbaijani, as {@code az}), so a declared or detected individual language and
 * its macrolanguage count as one language; one whose macrolanguage has none keeps its own code.
 * The JDK knows the ISO 639-1 languages; the tables in {@value #TABLES} (their headers and
 * {@code scripts/languages/make-tables.sh} say where they come from) know every ISO 639-3 code and
 * the twenty ISO 639-2 bibliographic codes ({@code ger}, {@code fre}) that library and feed metadata use.
 */
final class LanguageCodes {
    private static final String TABLES = "/languages/";
    private static final LanguageCodes INSTANCE = new LanguageCodes();

    private final Set<String> iso1 = new HashSet<>();
    private final Map<String, String> iso1ByIso3 = new HashMap<>();
    private final Set<String> iso3 = new HashSet<>();
    private final Map<String, String> iso3ByBibliographic = new HashMap<>();
    private final Map<String, String> macrolanguageOf = new HashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();

    private LanguageCodes() {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = new Locale(code);
            iso1.add(code);
            iso1ByIso3.put(locale.getISO3Language(), code);
            codeByName.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        read("iso-639-3.tsv", (code, name) -> {
            iso3.add(code);
            codeByName.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
        });
        read("other-names.tsv", (code, name) -> codeByName.putIfAbsent(name.toLowerCase(Locale.ROOT), code));
        read("iso-639-2b.tsv", iso3ByBibliographic::put);
        read("macrolanguages.tsv", macrolanguageOf::put);
    }

    static LanguageCodes get() {
        return INSTANCE;
    }

    /**
     * The code a record carries for a language as an input gives it, or null when it names no language:
     * a tag's primary subtag ("en-GB", "pt_BR"), an ISO 639-1 or 639-3 code or an ISO 639-2 bibliographic
     * code ("ger") in any case, or an English language name ("German", "Crimean Tatar").
     */
    String fromInput(String declared) {
        String s = declared.strip().toLowerCase(Locale.ROOT);
        String primary = s.split("[-_]", 2)[0];
        if (primary.length() == 2 && iso1.contains(primary)) {
            return primary;
        }
        if (primary.length() == 3 && (iso3.contains(primary) || iso1ByIso3.containsKey(primary))) {
            return recorded(primary);
        }
        if (iso3ByBibliographic.containsKey(primary)) {
            return recorded(iso3ByBibliographic.get(primary));
        }
        String named = codeByName.get(s.replaceAll("\\s+", " "));
        return named == null ? null : recorded(named);
    }

    /** The code a record carries for a language's ISO 639-1 or 639-3 code (the detector's codes are 639-3). */
    String recorded(String code) {
        if (code.length() == 2) {
            return code;
        }
        String own = iso1ByIso3.get(code);
        if (own != null) {
            return own;
        }
        String macrolanguage = macrolanguageOf.get(code);
        if (macrolanguage != null) {
            String iso1OfMacrolanguage = macrolanguage.length() == 2 ? macrolanguage : iso1ByIso3.get(macrolanguage);
            if (iso1OfMacrolanguage != null && iso1.contains(iso1OfMacrolanguage)) {
                return iso1OfMacrolanguage;
            }
        }
        return code;
    }

    private static void read(String table, BiConsumer<String, String> row) {
        try (InputStream in = LanguageCodes.class.getResourceAsStream(TABLES + table)) {
            if (in == null) {
                throw new IllegalStateException("language table " + TABLES + table + " not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 2) {
                    throw new IllegalStateException("language table " + table + ": not two columns: " + line);
                }
                row.accept(columns[0], columns[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language table " + table, e);
        }
    }
}
