package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntitiesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Writes {@code yaml} as a catalog in {@code dir} and runs {@code entities validate} on it. */
    private int validate(Path dir, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("catalog.yaml"), yaml);
        return run("entities", "validate", "--entities", file.toString());
    }

    @Test
    void validatePassesOnThePackagedCatalog() {
        assertEquals(ExitCodes.OK, run("entities", "validate"), err.toString());
        assertTrue(out.toString().startsWith("jar:models/entities.yaml: valid, "), out.toString());
    }

    /** {@code entities export} gives the packaged gazetteer to extend, to a file (never replaced without --force) or stdout. */
    @Test
    void exportWritesThePackagedGazetteerToAFileOrStandardOutput(@TempDir Path dir) throws IOException {
        String packaged = Files.readString(Path.of("models/entities.yaml"));
        Path file = dir.resolve("entities.yaml");
        assertEquals(ExitCodes.OK, run("entities", "export", file.toString()), err.toString());
        assertEquals(packaged, Files.readString(file));
        assertEquals(ExitCodes.OK, run("entities", "validate", "--entities", file.toString()), out.toString());

        Files.writeString(file, "# my edits\n");
        assertEquals(ExitCodes.USAGE, run("entities", "export", file.toString()));
        assertTrue(err.toString().contains(file + " exists; pass --force to replace it"), err.toString());
        assertEquals("# my edits\n", Files.readString(file));
        assertEquals(ExitCodes.OK, run("entities", "export", "--force", file.toString()), err.toString());
        assertEquals(packaged, Files.readString(file));

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("entities", "export", "-"), err.toString());
        assertEquals(packaged, out.toString());
    }

    /**
     * What FILE is (a folder, empty, a device) is checked before whether it exists (audit 8a): the
     * message must not ask for --force that would then fail anyway.
     */
    @Test
    void exportToAFolderAnEmptyPathOrADeviceIsAUsageErrorWhateverForceSays(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("afolder"));
        for (boolean force : List.of(false, true)) {
            for (List<String> target : List.of(List.of(folder.toString(), "FILE " + folder + ": is a folder; name a file"),
                    List.of("", "(FILE): an empty path names no file or folder"),
                    List.of("/dev/null", "FILE /dev/null: is not a regular file (a pipe or a device); name a file"))) {
                err.getBuffer().setLength(0);
                List<String> args = new ArrayList<>(List.of("entities", "export", target.get(0)));
                if (force) {
                    args.add("--force");
                }
                assertEquals(ExitCodes.USAGE, run(args.toArray(String[]::new)), args + ": " + err);
                assertTrue(err.toString().contains(target.get(1)), args + ": " + err);
                assertFalse(err.toString().contains("pass --force"), args + ": " + err);
            }
        }
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void validateCountsWikidataAndProjectIds(@TempDir Path dir) throws IOException {
        assertEquals(ExitCodes.OK, validate(dir, """
                version: 1
                entities:
                  - {id: Q159, name: Russia, type: state, aliases: [Russia], metonyms: [Moscow]}
                  - {id: Q399, name: Armenia, type: state, aliases: [Armenia]}
                  - {id: nw:louis-bono, name: Louis Bono, type: person, aliases: [Louis Bono]}
                """), err.toString());
        assertTrue(out.toString().contains(": valid, 3 entities (2 with a Wikidata QID, 1 with a project id), "),
                out.toString());
    }

    @Test
    void validateNamesEveryBrokenEntryAndField(@TempDir Path dir) throws IOException {
        assertEquals(ExitCodes.CHECK_FAILED, validate(dir, """
                version: 1
                entities:
                  - {id: Q159, name: Russia, type: state, aliases: [Russia], metonyms: [Moscow]}
                  - {id: Q-1, name: Moscow City, type: town, aliases: [Moscow]}
                """));
        String report = out.toString();
        assertTrue(report.contains("entities[1] Q-1 (Moscow City): id: malformed id 'Q-1'"), report);
        assertTrue(report.contains("entities[1] Q-1 (Moscow City): type: unknown type 'town'"), report);
        assertTrue(report.contains("entities[1] Q-1 (Moscow City): aliases[0]: duplicate alias 'Moscow' across "
                + "entities, also in entities[0] Q159 (Russia) metonyms[0]"), report);
        assertTrue(report.endsWith(dir.resolve("catalog.yaml") + ": 3 problem(s)\n"), report);
    }

    @Test
    void analysisRefusesABrokenCatalog(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("broken.yaml");
        Files.writeString(yaml, "version: 1\nentities:\n  - {id: Q159, name: Russia, type: country, aliases: [Russia]}\n");
        assertEquals(ExitCodes.FATAL, run("entities", "list", "--entities", yaml.toString()));
        assertTrue(err.toString().contains("entities[0] Q159 (Russia): type: unknown type 'country'"), err.toString());
    }

    /** docs/narratives-format.md: analysing commands refuse an empty gazetteer as they refuse an empty catalog. */
    @Test
    void anEmptyGazetteerIsAProblemForValidateAndFatalForAnalyze(@TempDir Path dir) throws IOException {
        assertEquals(ExitCodes.CHECK_FAILED, validate(dir, "version: 1\nentities: []\n"), err.toString());
        Path catalog = dir.resolve("catalog.yaml");
        assertEquals(catalog + ":2: entities: the list is empty, so no entity would ever be found in an article\n"
                + catalog + ": 1 problem(s)\n", out.toString());

        Path input = Files.writeString(dir.resolve("article.txt"), "Russia betrayed Armenia.\n");
        assertEquals(ExitCodes.FATAL, run("analyze", input.toString(), "--out", dir.resolve("out").toString(), "--no-db",
                "--quiet", "--entities", catalog.toString()), err.toString());
        assertTrue(err.toString().contains("entities: the list is empty"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/articles")), "analyze must not run without entities");
    }

    @Test
    void listPrintsTheEntitiesOfAType() {
        assertEquals(ExitCodes.OK, run("entities", "list", "--type", "alliance"));
        String[] lines = out.toString().split("\n");
        assertEquals("id\ttype\tname\taliases\tdemonyms\tmetonyms", lines[0]);
        assertTrue(out.toString().contains("Q318693\talliance\tCollective Security Treaty Organization\t"
                + "Collective Security Treaty Organization | Collective Security Treaty Organisation | CSTO"), out.toString());
        for (int i = 1; i < lines.length; i++) {
            assertEquals("alliance", lines[i].split("\t")[1]);
        }
    }

    @Test
    void anUnknownTypeIsAUsageErrorListingTheTypesInOrder() {
        assertEquals(ExitCodes.USAGE, run("entities", "list", "--type", "country"));
        assertTrue(err.toString().startsWith("narrative-watch: --type must be one of [alliance, city, event, group, "
                + "institution, media, organization, party, person, region, state]\n"), err.toString());
    }

    @Test
    void evaluateWithoutWhatIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("evaluate"));
        assertTrue(err.toString().contains("name what to evaluate: entities"), err.toString());
    }
}
