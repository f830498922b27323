package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;

/**
 * `evaluate narratives`: what cannot score anything is a usage error; an undated line in a date range is named;
 * --predictions never replaces a file the command reads, and a gold file that cannot be parsed is named.
 */
class EvaluateNarrativesCommandTest {
    @TempDir
    static Path dir;
    static Path gold;

    /** Exit code, the report on stdout and the messages on stderr of one run. */
    record Run(int exit, String out, String err) {
        JsonNode report() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void writeGold() throws Exception {
        gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, String.join("\n",
                "{\"id\": \"a\", \"date\": \"2019-03-01\", \"text\": \"Ukraine is ruled by neo-Nazis.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"b\", \"text\": \"There was a coup in Kyiv in 2014.\", \"labels\": [\"Coup\"]}",
                "{\"id\": \"c\", \"date\": \"2019-05-02\", \"text\": \"The EU is falling apart.\", \"labels\": []}",
                ""));
    }

    private static Run run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "evaluate";
        all[1] = "narratives";
        all[2] = "--gold";
        all[3] = gold.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        Printed run = Printed.run(all);
        return new Run(run.code(), run.stdout(), run.stderr());
    }

    /** Three cases as the EUvsDisinfo export has them (2019-12-31 and 2019-12-30 in cases-2015-2019.csv). */
    private static final String EUVSDISINFO_CASES = String.join("\n",
            "date,id,title,countries,keywords,languages,outlets",
            "2019-12-31,https://euvsdisinfo.eu/report/employees-sputnik-estonia-forced-resign-threat-imprisonment/,"
                    + "Estonian openly persecutes journalists,Estonia,Freedom of speech+Sputnik,Spanish+Castilian,"
                    + "Sputnik Spain",
            "2019-12-31,https://euvsdisinfo.eu/report/the-regime-in-estonia-publicly-persecutes-is-citizens/,"
                    + "The regime in Estonia publicly persecutes its citizens,Estonia,"
                    + "Dmitry Kiselyov+Sanctions+Sputnik,Estonian,Sputnik Estonia",
            "2019-12-30,https://euvsdisinfo.eu/report/the-us-is-ready-to-transfer-50-atomic-bombs-from-turkey-to-the-"
                    + "aviano-base-in-italy/,The US is ready to transfer 50 atomic bombs from Turkey to the Aviano base "
                    + "in Italy,Italy+Turkey+US,Winter War+Nuclear issues+NATO,Italian,Sputnik Italia",
            "");

    /**
     * --predictions naming the gold file, a link to it, or a file of the --narratives catalog would
     * replace it by a rename (its read-only mode is no protection) and exit 0: a usage error before
     * the models load, and the file is left byte for byte as it was.
     */
    @Test
    void predictionsThatNameAFileTheCommandReadsAreAUsageErrorAndTheFileStaysWhole() throws Exception {
        Path cases = Files.writeString(dir.resolve("cases.csv"), EUVSDISINFO_CASES);
        Files.setPosixFilePermissions(cases, PosixFilePermissions.fromString("r--r--r--"));
        Path link = Files.createSymbolicLink(dir.resolve("cases-link.csv"), cases);
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        try (Stream<Path> files = Files.list(Path.of("models/narratives"))) {
            for (Path yaml : files.toList()) {
                Files.copy(yaml, catalog.resolve(yaml.getFileName()));
            }
        }
        Path west = catalog.resolve("west.yaml");
        byte[] casesBytes = Files.readAllBytes(cases);
        byte[] westBytes = Files.readAllBytes(west);

        for (Path predictions : List.of(cases, link)) {
            Printed run = Printed.run("evaluate", "narratives", "--gold", cases.toString(), "--predictions",
                    predictions.toString());
            assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
            assertTrue(run.stderr().contains("--predictions " + predictions + ": is read by this command (--gold "
                    + cases + "); name a file it does not read"), run.stderr());
            assertEquals("", run.stdout());
            assertArrayEquals(casesBytes, Files.readAllBytes(cases));
            assertTrue(Files.isSymbolicLink(link));
        }
        Map<String, Path> catalogs = Map.of("folder", catalog, "file", west);
        for (Map.Entry<String, Path> given : catalogs.entrySet()) {
            Printed run = Printed.run("evaluate", "narratives", "--gold", cases.toString(), "--narratives",
                    given.getValue().toString(), "--predictions", west.toString());
            assertEquals(ExitCodes.USAGE, run.code(), given.getKey() + ": " + run.stderr());
            assertTrue(run.stderr().contains("--predictions " + west + ": "), run.stderr());
            assertTrue(run.stderr().contains("(--narratives"), run.stderr());
            assertArrayEquals(westBytes, Files.readAllBytes(west), given.getKey());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /**
     * As README says of --jsonl: "-" is standard output, which carries the scores here, so it is a
     * usage error rather than a file called "-"; a folder that does not exist is a usage error
     * that creates nothing (a typo must not make folders). A plain file gets one line per text.
     */
    @Test
    void predictionsToStandardOutputOrIntoAMissingFolderAreUsageErrorsThatCreateNothing() throws Exception {
        Run dash = run("--predictions", "-");
        assertEquals(ExitCodes.USAGE, dash.exit(), dash.err());
        assertTrue(dash.err().contains("--predictions -: standard output carries the scores; to name a file or folder "
                + "called -, write ./-"), dash.err());
        assertFalse(Files.exists(Path.of("-")), "no file called - in the working folder");

        Path missing = dir.resolve("no-such/folder/p.jsonl");
        Run typo = run("--predictions", missing.toString());
        assertEquals(ExitCodes.USAGE, typo.exit(), typo.err());
        assertTrue(typo.err().contains("--predictions " + missing + ": no such folder " + missing.getParent()),
                typo.err());
        assertFalse(Files.exists(dir.resolve("no-such")));

        Run folder = run("--predictions", dir.toString());
        assertEquals(ExitCodes.USAGE, folder.exit(), folder.err());
        assertTrue(folder.err().contains("--predictions " + dir + ": is a folder; name a file"), folder.err());

        Path predictions = dir.resolve("predictions.jsonl");
        Run written = run("--predictions", predictions.toString());
        assertEquals(ExitCodes.OK, written.exit(), written.err());
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(predictions)) {
            ids.add(new ObjectMapper().readTree(line).path("id").asText());
        }
        assertEquals(List.of("a", "b", "c"), ids);
    }

    /** A floor copied from the printed macro-F1 passes on the same tool; one step above fails, naming the score. */
    @Test
    void theMinimumIsComparedWithThePrintedMacroF1() throws Exception {
        double printed = run().report().path("macro_f1").asDouble();
        assertTrue(printed > 0 && printed < 1, "the gold lines must leave room above the score: " + printed);
        assertEquals(ExitCodes.OK, run("--min-macro-f1", String.valueOf(printed)).exit());
        Run above = run("--min-macro-f1", String.valueOf(printed + 0.0001));
        assertEquals(ExitCodes.CHECK_FAILED, above.exit(), above.err());
        assertTrue(above.err().contains("macro-F1 " + printed + " is below --min-macro-f1 " + (printed + 0.0001)),
                above.err());
    }

    /**
     * A gold file the CSV parser cannot read (here the predictions JSONL saved under a .csv name)
     * is a fatal error whose message names the file, not only "Invalid character ... at line: 1".
     */
    @Test
    void aGoldFileThatIsNoCsvIsAFatalErrorNamingIt() throws Exception {
        Path notCsv = Files.writeString(dir.resolve("not-really.csv"), "{\"id\":\"https://euvsdisinfo.eu/report/"
                + "employees-sputnik-estonia\",\"date\":\"2019-12-31\",\"text\":\"Estonian openly persecutes "
                + "journalists\",\"gold\":[\"Sputnik\"]}\n");
        Printed run = Printed.run("evaluate", "narratives", "--gold", notCsv.toString());
        assertEquals(ExitCodes.FATAL, run.code(), run.stderr());
        assertTrue(run.stderr().startsWith("narrative-watch: " + notCsv + ": not a readable gold file (--gold): "
                + "Invalid character between encapsulated token and delimiter at line: 1"), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void aSchemeNoNarrativeHasIsAUsageErrorNamingTheSchemes() {
        Run r = run("--scheme", "nope");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--scheme nope: no narrative of the catalog has labels in that scheme; "
                + "schemes in the catalog: euvsdisinfo, euvsdisinfo-topics"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aLabelNoNarrativeMapsIsAUsageErrorNamingTheLabels() throws Exception {
        Run r = run("--labels", "Nazi/Fascist,Nonexistent label");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--labels: no narrative maps 'Nonexistent label' in scheme euvsdisinfo; "
                + "labels the catalog maps in it: "), r.err());
        assertTrue(r.err().contains("Nazi/Fascist"), r.err());
        assertEquals("", r.out());

        Run respelt = run("--labels", "nazi / fascist,COUP"); // labels compare as the scores do
        assertEquals(ExitCodes.OK, respelt.exit(), respelt.err());
        assertEquals(2, respelt.report().path("label_count").asInt(), respelt.out() + "\n" + respelt.err());
    }

    @Test
    void aNegativeErrorCountOrAMinimumOutsideZeroToOneIsAUsageError() {
        Run errors = run("--errors", "-1");
        assertEquals(ExitCodes.USAGE, errors.exit(), errors.err());
        assertTrue(errors.err().contains("--errors must be 0 or more, not -1"), errors.err());
        Run min = run("--min-macro-f1", "45");
        assertEquals(ExitCodes.USAGE, min.exit(), min.err());
        assertTrue(min.err().contains("--min-macro-f1 is an F1 score between 0 and 1, not 45.0"), min.err());
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate",
                "entities", "--gold", "gold.jsonl", "--min-f1", "5"));
        assertTrue(err.toString().contains("--min-f1 is an F1 score between 0 and 1, not 5.0"), err.toString());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsAUsageError() {
        Run r = run("--from", "2019-06-01", "--to", "2019-01-01");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--from 2019-06-01 is after --to 2019-01-01"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUndatedLineLeftOutOfADateRangeIsNamedAndTheExitCodeSaysSo() throws Exception {
        Run ranged = run("--from", "2019-01-01");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, ranged.exit(), ranged.err());
        assertTrue(ranged.err().contains(gold + ":2: no date, the item is left out of the date range"), ranged.err());
        assertEquals(2, ranged.report().path("documents").asInt());

        Run all = run(); // without a range an undated line is scored like any other
        assertEquals(ExitCodes.OK, all.exit(), all.err());
        assertEquals("", all.err());
        assertEquals(3, all.report().path("documents").asInt());
    }

    /**
     * docs/narratives-format.md: a line with no text is skipped and named, and the exit code is 1. A blank
     * text scored as a document would lower recall without a word (here from 1 to 0.5).
     */
    @Test
    void aBlankTextIsSkippedNamedAndMakesTheExitCodeOne() throws Exception {
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), String.join("\n",
                "{\"id\": \"a\", \"text\": \"Ukraine is ruled by neo-Nazis.\", \"labels\": [\"Nazi/Fascist\"]}",
                "{\"id\": \"f\", \"text\": \"\", \"labels\": [\"Nazi/Fascist\"]}",
                ""));
        Printed run = Printed.run("evaluate", "narratives", "--gold", blank.toString(), "--labels", "Nazi/Fascist");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        assertEquals(List.of("narrative-watch: " + blank + ":2: \"text\" is empty, line skipped"),
                run.stderr().lines().toList());
        JsonNode report = new ObjectMapper().readTree(run.stdout());
        assertEquals(1, report.path("documents").asInt());
        assertEquals(1.0, report.path("labels").path("Nazi/Fascist").path("recall").asDouble(), report.toString());
    }

    /**
     * The audit's claims-latin1.jsonl: its Latin-1 line is skipped and named with file and line (exit 1),
     * as README says of a gold line that cannot be used, not "Input length = 1" stopping the evaluation.
     */
    @Test
    void aLineThatIsNotUtf8IsSkippedNamedAndMakesTheExitCodeOne() throws Exception {
        Path latin1 = Files.write(dir.resolve("claims-latin1.jsonl"), ("{\"text\":\"Russia betrayed Armenia, caf\u00e9.\","
                + "\"labels\":[\"Nazi/Fascist\"]}\n{\"text\":\"Ukraine is ruled by neo-Nazis.\",\"labels\":[\"Nazi/Fascist\"]}\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Printed run = Printed.run("evaluate", "narratives", "--gold", latin1.toString(), "--labels", "Nazi/Fascist");
        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
        assertEquals(List.of("narrative-watch: " + latin1 + ":1: byte 0xE9 (column 38) is not UTF-8; save the file as "
                + "UTF-8, line skipped"), run.stderr().lines().filter(l -> l.startsWith("narrative-watch")).toList());
        assertEquals(1, new ObjectMapper().readTree(run.stdout()).path("documents").asInt());
    }

    /** A gold file is scraped data: a date it holds is quoted on stderr with its control characters escaped. */
    @Test
    void controlCharactersOfAGoldDateReachStderrEscaped() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("ctl.jsonl"), "{\"id\": \"a\", \"text\": \"Ukraine is ruled by "
                + "neo-Nazis.\", \"labels\": [], \"date\": \"\\u001b[31mRED\\u001b]0;pwned\\u0007\"}\n");
        Path csv = Files.writeString(dir.resolve("ctl.csv"), "date,id,title,keywords\n"
                + "\u001b]0;pwn\u0007,u1,Ukraine is ruled by neo-Nazis.,Nazi/Fascist\n");
        Map<Path, String> quoted = Map.of(jsonl, jsonl + ":1: date '\\u001b[31mRED\\u001b]0;pwned\\u0007' unreadable",
                csv, csv + ":2: date '\\u001b]0;pwn\\u0007' unreadable");
        for (Map.Entry<Path, String> gold : quoted.entrySet()) {
            Printed run = Printed.run("evaluate", "narratives", "--gold", gold.getKey().toString());
            assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.code(), run.stderr());
            assertTrue(run.stderr().contains(gold.getValue()), run.stderr());
            assertFalse(run.stderr().chars().anyMatch(c -> c == 0x1b || c == 0x07), "raw control character on stderr");
        }
    }

    /**
     * docs/narratives-format.md: what could score nothing is a usage error. An empty label list, a gold
     * file without a usable line (empty, a CSV header alone, only blank texts) and a date range that keeps
     * none of its texts would print macro-F1 0 and exit 0, as if the catalog had found nothing.
     */
    @Test
    void nothingToScoreIsAUsageErrorSayingWhy() throws Exception {
        Run noLabels = run("--labels", ",");
        assertEquals(ExitCodes.USAGE, noLabels.exit(), noLabels.err());
        assertTrue(noLabels.err().startsWith("narrative-watch: --labels names no label; name at least one, or leave "
                + "the option out to score every label the catalog maps\n"), noLabels.err());
        assertEquals("", noLabels.out());

        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        Path header = Files.writeString(dir.resolve("header.csv"), "date,id,title,countries,keywords,languages,outlets\r\n");
        Path blank = Files.writeString(dir.resolve("blank-only.jsonl"), "{\"text\": \" \", \"labels\": [\"Coup\"]}\n");
        for (Path file : List.of(empty, header, blank)) {
            Printed run = Printed.run("evaluate", "narratives", "--gold", file.toString());
            assertEquals(ExitCodes.USAGE, run.code(), run.stderr());
            assertTrue(run.stderr().contains("narrative-watch: --gold " + file + ": no labelled text to score (the file "
                    + "holds no usable line)\n"), run.stderr());
            assertEquals("", run.stdout());
        }

        Run future = run("--from", "2030-01-01");
        assertEquals(ExitCodes.USAGE, future.exit(), future.err());
        assertTrue(future.err().contains("narrative-watch: --from 2030-01-01: none of the 3 labelled texts of " + gold
                + " is dated in that range, so there is nothing to score\n"), future.err());
        assertEquals("", future.out());
        Run past = run("--from", "2010-01-01", "--to", "2010-12-31");
        assertEquals(ExitCodes.USAGE, past.exit(), past.err());
        assertTrue(past.err().contains("--from 2010-01-01 --to 2010-12-31: none of the 3"), past.err());
    }
}
