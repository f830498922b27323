package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a locale that is not UTF-8 (LANG=C) Java cannot name files that are not ASCII: the launcher
 * starts Java under a UTF-8 locale, and the jar, started otherwise, says so once and how to fix it.
 */
class LocaleTest {
    private static final String WARNING = "narrative-watch: warning: file names are read as ";

    @TempDir
    Path tmp;

    @Test
    void onlyAFileNameCharsetOtherThanUtf8IsWarnedAbout() {
        assertEquals(Optional.empty(), Main.fileNameCharsetWarning("UTF-8"));
        assertEquals(Optional.empty(), Main.fileNameCharsetWarning("utf8"));
        String warning = Main.fileNameCharsetWarning("ANSI_X3.4-1968").orElseThrow();
        assertTrue(warning.startsWith(WARNING + "ANSI_X3.4-1968, not UTF-8"), warning);
        assertTrue(warning.contains("LC_ALL=C.UTF-8") && warning.contains("./narrative-watch"), warning);
    }

    @Test
    void theJarStartedUnderLangCWarnsOnce() throws Exception {
        String stderr = run(jar("--version"), Map.of("LC_ALL", "C", "LANG", "C"), true);
        assertEquals(1, stderr.split(WARNING, -1).length - 1, stderr);
    }

    @Test
    void standardOutputIsUtf8UnderLangC() throws Exception {
        // The exported gazetteer is meant to be edited and read back with --entities: a "?" for each "ș" broke it.
        String exported = run(jar("entities", "export", "-"), Map.of("LC_ALL", "C", "LANG", "C"), false);
        assertTrue(exported.contains("Chi\u0219in\u0103u") && !exported.contains("Chi?in?u"), exported.substring(0, 200));
    }

    @Test
    void countsArePrintedInAsciiDigitsUnderAnArabicLocale() throws Exception {
        // Scripts parse "ok: 32 narratives" and "N passed, M failed"; an Arabic locale wrote "٣٢".
        ProcessBuilder validate = jar("narratives", "validate");
        validate.command().addAll(1, List.of("-Duser.language=ar", "-Duser.country=EG"));
        String printed = run(validate, Map.of("LANG", "C.UTF-8"), false);
        assertTrue(printed.matches("(?s)ok: [0-9]+ narratives, [0-9]+ rules, [0-9]+ groups in [0-9]+ file\\(s\\).*"), printed);
    }

    /** The tool's main class with {@code args}, in a JVM of its own (the locale is read once, at start-up). */
    private static ProcessBuilder jar(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void theLauncherStartsJavaUnderAUtf8Locale() throws Exception {
        assumeTrue(utf8LocaleInstalled(), "no UTF-8 locale installed");
        // A checkout with a built jar (and class-data archive) and a "java" that reports its locale's charset.
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("narrative-watch"), checkout.resolve("narrative-watch"));
        Path jar = Files.createFile(Files.createDirectories(checkout.resolve("target")).resolve("narrative-watch.jar"));
        Path jsa = Files.createFile(checkout.resolve("target/narrative-watch.jsa"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = Files.writeString(bin.resolve("java"), "#!/bin/sh\nlocale charmap\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Map<String, String> locale : List.of(Map.of("LC_ALL", "C", "LANG", "C"), Map.of("LANG", "C"))) {
            ProcessBuilder launcher = new ProcessBuilder("sh", checkout.resolve("narrative-watch").toString(), "--version");
            launcher.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            assertEquals("UTF-8", run(launcher, locale, false).strip(), locale.toString());
        }
        assertTrue(Files.exists(jsa));
    }

    /** Runs a process under {@code locale} alone (no other LC_ variable); returns its stderr or its stdout. */
    private String run(ProcessBuilder process, Map<String, String> locale, boolean stderr)
            throws IOException, InterruptedException {
        process.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        process.environment().putAll(locale);
        Path log = tmp.resolve("run.log");
        if (stderr) {
            process.redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            process.redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        assertEquals(0, process.start().waitFor(), Files.readString(log));
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static boolean utf8LocaleInstalled() throws IOException, InterruptedException {
        Process locales = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
        String all = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
        return locales.waitFor() == 0 && all.lines().anyMatch(l -> l.matches("(c|en_us)\\.utf-?8"));
    }
}
