package org.narrativewatch.narratives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.Printed;
import org.narrativewatch.cli.Main;

/** The catalog format: the documented examples, the packaged catalog, and validation messages. */
class CatalogTest {
    /** The packaged catalog folder, as the build packages it into the jar. */
    private static final Path PACKAGED = Path.of("models/narratives");
    /** The twenty EUvsDisinfo narrative labels the packaged catalog must cover. */
    static final Set<String> EUVSDISINFO_LABELS = Set.of("Russophobia", "Anti-Russian", "Nazi/Fascist",
            "Colour revolutions", "Coup", "Encircling Russia", "EU disintegration", "Ukrainian disintegration",
            "Ukrainian statehood", "Abandoned Ukraine", "Puppets", "Secret elites / global elites",
            "Biological weapons", "Destabilising Russia", "Russian superiority", "Historical revisionism",
            "Manipulated elections/referendum", "election meddling", "Western values", "Sovereignty");

    @Test
    void everyYamlExampleInTheFormatDocCompiles() throws Exception {
        String doc = Files.readString(Path.of("docs/narratives-format.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            Catalog.Checked checked = Catalog.compile(
                    List.of(new CatalogFiles.CatalogFile("docs/narratives-format.md#" + blocks, m.group(1))), "doc");
            assertTrue(checked.ok(), "documented example " + blocks + ": " + checked.problems());
        }
        assertTrue(blocks >= 3, "the format doc should carry worked examples, found " + blocks);
    }

    @Test
    void packagedCatalogLoadsAndCoversTheTrackedLabels() throws Exception {
        Catalog catalog = Catalog.load(null);
        assertTrue(catalog.narratives().size() >= 30, "narratives: " + catalog.narratives().size());
        assertTrue(catalog.labels("euvsdisinfo").containsAll(EUVSDISINFO_LABELS),
                "unmapped: " + EUVSDISINFO_LABELS.stream().filter(l -> !catalog.labels("euvsdisinfo").contains(l)).toList());
        for (String id : List.of("russia-abandons-allies", "russia-sole-guarantor", "west-unity-collapse",
                "ukraine-military-failure")) {
            assertNotNull(catalog.narrative(id), id);
        }
        assertTrue(catalog.hash().startsWith("sha256:"));
    }

    @Test
    void problemsNameFileLineAndNarrative() {
        String yaml = String.join("\n",
                "version: 1",
                "groups:",
                "  russia:",
                "    words: [russia]",
                "narratives:",
                "  - id: broken",
                "    title: Broken",
                "    context: \"@elsewhere\"",
                "    article_threshold: 0",
                "    rules:",
                "      - id: r1",
                "        trigger: [\"abandon ... \"]",
                "        actor: kremlin",
                "      - id: r2",
                "        trigger: \"@nowhere betray\"",
                "        withuot: [x]",
                "      - id: r3",
                "        tokensregex: \"[{word:/unclosed}\"",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "    denial: maybe",
                "    framing: \"@absent\"",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("broken.yaml", yaml)), "test");
        assertFalse(checked.ok());
        List<String> lines = new ArrayList<>();
        checked.problems().forEach(p -> lines.add(p.toString()));
        assertTrue(lines.contains("broken.yaml:12: broken: rule 'r1': trigger: a phrase cannot start or end with a gap: 'abandon ... '"),
                lines.toString());
        assertTrue(lines.contains("broken.yaml:13: broken: rule 'r1': actor refers to unknown group 'kremlin'"), lines.toString());
        assertTrue(lines.contains("broken.yaml:15: broken: rule 'r2': trigger: unknown group 'nowhere'"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("broken.yaml:16: broken: rule 'r2': unknown key 'withuot'")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("broken.yaml:18: broken: rule 'r3': bad TokensRegex pattern")),
                lines.toString());
        assertTrue(lines.contains("broken.yaml:8: broken: context: unknown group 'elsewhere'"), lines.toString());
        assertTrue(lines.contains("broken.yaml:9: broken: article_threshold must be above 0 and at most 1000, not 0"),
                lines.toString());
        assertTrue(lines.contains("broken.yaml:21: broken: denial is true or false"), lines.toString());
        assertTrue(lines.contains("broken.yaml:22: broken: framing: unknown group 'absent'"), lines.toString());
    }

    @Test
    void aClaimReadingIsCheckedLikeARule() {
        String yaml = String.join("\n",
                "narratives:",
                "  - id: n",
                "    title: N",
                "    rules:",
                "      - id: r1",
                "        trigger: [abandon]",
                "        claim:",
                "          id: other",
                "      - id: r2",
                "        trigger: [betray]",
                "        claim: [betray]",
                "      - id: r3",
                "        trigger: [desert]",
                "        claim:",
                "          actor: nowhere",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("claims.yaml", yaml)), "test");
        List<String> lines = checked.problems().stream().map(Object::toString).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("claims.yaml:8: n: rule 'r1': claim: unknown key 'id'")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("claims.yaml:11: n: rule 'r2': claim is a mapping")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("rule 'r3': actor refers to unknown group 'nowhere'")),
                lines.toString());
    }

    @Test
    void aMisspeltKeyOfARuleReadInClaimsTooIsReportedOnceWithTheRule() {
        String yaml = String.join("\n",
                "narratives:",
                "  - id: n",
                "    title: N",
                "    rules:",
                "      - id: r1",
                "        trigger: [abandon]",
                "        withuot: [help]",
                "        actor: nowhere",
                "        claim:",
                "          without: null",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("claims.yaml", yaml)), "test");
        assertEquals(List.of("claims.yaml:7: n: rule 'r1': unknown key 'withuot' (allowed: actor, claim, id, max_gap, "
                        + "negation, target, tokensregex, trigger, weight, with, within, without)",
                "claims.yaml:8: n: rule 'r1': actor refers to unknown group 'nowhere'"),
                checked.problems().stream().map(Object::toString).toList());
    }

    /**
     * A misspelt key whose value is a block is reported at the key, which is what to fix, not at its value
     * on the next line (audit 9b): the documented {@code withuot:} typo, one under {@code claim:}, a
     * narrative's and a top-level key.
     */
    @Test
    void anUnknownKeyWithABlockValueIsReportedAtTheKey() {
        List<String> found = problems("t12/a.yaml", String.join("\n",
                "version: 1",
                "narratives:",
                "  - id: n1",
                "    title: T",
                "    rules:",
                "      - id: r",
                "        trigger: [\"foo\"]",
                "        withuot:",
                "          - heatwave",
                "        claim:",
                "          weigth:",
                "            - 2",
                "    exmaples:",
                "      positive: [foo.]",
                "groupz:",
                "  a: b",
                ""));
        for (String expected : List.of("t12/a.yaml:15: unknown key 'groupz'", "t12/a.yaml:13: n1: unknown key 'exmaples'",
                "t12/a.yaml:11: n1: rule 'r': claim: unknown key 'weigth'", "t12/a.yaml:8: n1: rule 'r': unknown key 'withuot'")) {
            assertTrue(found.stream().anyMatch(l -> l.startsWith(expected + " (allowed: ")), expected + " in " + found);
        }
        // A key with a scalar value was already at its own line, and stays there.
        assertTrue(problems("a.yaml", rule("foo").replace("    examples:", "    treshold: 2\n    examples:")).stream()
                .anyMatch(l -> l.startsWith("a.yaml:7: n: unknown key 'treshold'")));
    }

    /**
     * Group types are the entity stage's types, a closed list: "State" or "country" matched nothing and
     * "PERSON" matched the untracked NER mentions, all without a word (audit 9b).
     */
    @Test
    void aGroupTypeMustBeAnEntityType() {
        String catalog = String.join("\n",
                "version: 1",
                "groups:",
                "  allies:",
                "    types: [State]",
                "narratives:",
                "  - id: state-abandoned",
                "    title: A state is abandoned",
                "    rules:",
                "      - id: r",
                "        trigger: [\"abandon|betray ...4 @allies\"]",
                "    examples:",
                "      positive: [Russia betrayed Armenia.]",
                "");
        assertEquals(List.of("c.yaml:4: group 'allies': unknown entity type 'State': expected one of [alliance, city, "
                + "event, group, institution, media, organization, party, person, region, state] (as in "
                + "docs/entities-format.md)"), problems("c.yaml", catalog));
        assertEquals(2, problems("c.yaml", catalog.replace("[State]", "[country, state, PERSON]")).size());
        assertEquals(List.of(), problems("c.yaml", catalog.replace("[State]", "[state]")));
        // Read again for a group that includes it, the problem is still one.
        assertEquals(1, problems("c.yaml", catalog.replace("narratives:", "  western:\n    include: [allies]\nnarratives:"))
                .size());
    }

    /** {@code version: "1"} said "unsupported catalog version 1 (this is version 1)", and 1.5 passed (audit 9b). */
    @Test
    void theVersionIsTheNumberOne() {
        String catalog = "version: 1\n" + rule("foo");
        assertEquals(List.of(), problems("v.yaml", catalog));
        assertEquals(List.of("v.yaml:1: version must be 1 (the only catalog version), found \"1\" (a number in quotes "
                + "is text: remove the quotes)"), problems("v.yaml", catalog.replace("version: 1", "version: \"1\"")));
        assertEquals(List.of("v.yaml:1: version must be 1 (the only catalog version), found 1.5"),
                problems("v.yaml", catalog.replace("version: 1", "version: 1.5")));
    }

    /** YAML reads an unquoted Yes or No as a boolean: a title "Yes" was listed as "true" (audit 9b). */
    @Test
    void aTitleOrPhraseThatYamlReadsAsABooleanIsAProblemThatSaysToQuoteIt() {
        String quote = " (YAML reads an unquoted yes, no, on, off, true or false as true or false: put the text in quotes)";
        assertEquals(List.of("y.yaml:3: n: title must be text, found true" + quote,
                        // At the line of the item, not of the rule (audit 10 #8).
                        "y.yaml:6: n: rule 'r': trigger: a phrase must be a string, found false" + quote),
                problems("y.yaml", rule("foo").replace("title: N", "title: Yes").replace("[\"foo\"]", "[foo, no]")));
        assertEquals(List.of("y.yaml:8: n: rule 'r': trigger: a phrase must be a string, found false" + quote),
                problems("y.yaml", rule("foo").replace("[\"foo\"]", "\n          - foo\n          - no")));
        assertEquals(List.of("y.yaml:7: n: rule 'r': negation must be text, found false" + quote),
                problems("y.yaml", rule("foo").replace("[\"foo\"]", "[\"foo\"]\n        negation: no")), "once");
        Catalog.Checked quoted = Catalog.compile(List.of(new CatalogFiles.CatalogFile("y.yaml",
                rule("foo").replace("title: N", "title: \"Yes\""))), "test");
        assertEquals("Yes", quoted.catalog().narratives().get(0).title());
    }

    @Test
    void aDefaultedArticleThresholdIsNotReported() {
        String yaml = String.join("\n",
                "narratives:",
                "  - id: n",
                "    title: N",
                "    threshold: -3",
                "    rules:",
                "      - id: r1",
                "        trigger: [abandon]",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("t.yaml", yaml)), "test");
        assertEquals(List.of("t.yaml:4: n: threshold must be above 0 and at most 1000, not -3"),
                checked.problems().stream().map(Object::toString).toList());
    }

    /**
     * Weights of 1e308 gave a score of 9.2e15 (the rounded sum overflowed), and a negative or zero weight
     * or an infinite threshold passed validate; 1000, the largest allowed, still compiles.
     */
    @Test
    void weightsAndThresholdsOutsideTheirRangeAreProblemsAtTheirLine() {
        String yaml = String.join("\n",
                "narratives:",
                "  - id: n",
                "    title: N",
                "    threshold: 1e309",
                "    article_threshold: 0",
                "    rules:",
                "      - {id: huge, trigger: [betray], weight: 1e308}",
                "      - {id: negative, trigger: [abandon], weight: -1}",
                "      - {id: zero, trigger: [desert], weight: 0}",
                "      - id: in-claims",
                "        trigger: [betray]",
                "        claim:",
                "          weight: 1000.5",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "  - id: largest",
                "    title: Largest",
                "    threshold: 1000",
                "    rules:",
                "      - {id: r1, trigger: [betray], weight: 1000}",
                "    examples:",
                "      positive: [Russia betrays Armenia.]",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("w.yaml", yaml)), "test");
        assertEquals(List.of(
                        "w.yaml:4: n: threshold must be above 0 and at most 1000, not 1E+309",
                        "w.yaml:5: n: article_threshold must be above 0 and at most 1000, not 0",
                        "w.yaml:7: n: rule 'huge': weight must be above 0 and at most 1000, not 1E+308",
                        "w.yaml:8: n: rule 'negative': weight must be above 0 and at most 1000, not -1",
                        "w.yaml:9: n: rule 'zero': weight must be above 0 and at most 1000, not 0",
                        "w.yaml:13: n: rule 'in-claims': weight must be above 0 and at most 1000, not 1000.5"),
                checked.problems().stream().map(Object::toString).toList());
    }

    /**
     * A narrative or rule with a problem of its own still claims its id: the one after it with the same
     * id was reported only once that problem was fixed, so validate took two passes.
     */
    @Test
    void aDuplicateIdIsReportedWithTheOtherProblemsOfTheFirstHolder() {
        String yaml = String.join("\n",
                "narratives:",
                "  - id: n",
                "    title: N",
                "    threshold: 0",
                "    rules:",
                "      - {id: r1, trigger: [betray], weight: 0}",
                "      - {id: r1, trigger: [abandon]}",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "  - id: n",
                "    title: Again",
                "    rules:",
                "      - {id: r1, trigger: [desert]}",
                "    examples:",
                "      positive: [Russia deserts Armenia.]",
                "");
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("dup.yaml", yaml)), "test");
        assertEquals(List.of(
                        "dup.yaml:4: n: threshold must be above 0 and at most 1000, not 0",
                        "dup.yaml:6: n: rule 'r1': weight must be above 0 and at most 1000, not 0",
                        "dup.yaml:7: n: rule id 'r1' is used twice",
                        "dup.yaml:10: n: narrative id is already used at dup.yaml:2"),
                checked.problems().stream().map(Object::toString).toList());
    }

    /** Two narratives, and groups after them; {@code line} (from 1) is replaced by {@code replacement}. */
    private static List<String> problemsWithLine(int line, String replacement) {
        List<String> lines = new ArrayList<>(List.of(
                "version: 1",
                "narratives:",
                "  - id: first",
                "    title: First",
                "    rules:",
                "      - id: r1",
                "        trigger: [abandon]",
                "    examples:",
                "      positive: [Russia abandons Armenia.]",
                "  - title: Second",
                "    id: second",
                "    threshold: 1",
                "    rules:",
                "      - id: r1",
                "        trigger: [betray]",
                "    examples:",
                "      positive: [Russia betrays Armenia.]",
                "groups:",
                "  russia:",
                "    words: [russia]",
                ""));
        lines.set(line - 1, replacement);
        Catalog.Checked checked = Catalog.compile(List.of(new CatalogFiles.CatalogFile("bad.yaml",
                String.join("\n", lines))), "test");
        return checked.problems().stream().map(Object::toString).toList();
    }

    @Test
    void invalidYamlIsOneLineAtTheParsersLineInItsNarrative() {
        assertEquals(List.of("bad.yaml:13: second: not valid YAML: found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation)"), problemsWithLine(13, "\trules:"));
        assertEquals(List.of("bad.yaml:4: first: not valid YAML: mapping values are not allowed here"),
                problemsWithLine(4, "    title: First: again"));
        // An entry indented one space off is still the entry it opens.
        assertEquals(List.of("bad.yaml:10: second: not valid YAML: expected <block end>, but found '<block sequence start>'"),
                problemsWithLine(10, "   - title: Second"));
        assertEquals(List.of("bad.yaml:20: not valid YAML: mapping values are not allowed here"),
                problemsWithLine(20, "    words: [russia]: x"));
    }

    @Test
    void aKeyGivenTwiceIsAnErrorAtItsLineInItsNarrative() {
        assertEquals(List.of("bad.yaml:12: second: not valid YAML: Duplicate field 'id'"),
                problemsWithLine(12, "    id: other"));
        assertEquals(List.of("bad.yaml:10: first: not valid YAML: Duplicate field 'positive'"),
                problemsWithLine(9, "      positive: [Russia abandons Armenia.]\n      positive: [Russia abandons Syria.]"));
        assertEquals(List.of("bad.yaml:18: not valid YAML: Duplicate field 'groups'"),
                problemsWithLine(1, "groups: {}"));
    }

    @Test
    void listPrintsOnlyRowsOnStdoutAndItsSummaryOnStderr() throws Exception {
        Printed list = Printed.run("narratives", "list");
        assertEquals(0, list.code(), list.stderr());
        List<String> rows = list.stdout().lines().toList();
        assertEquals(Catalog.load(null).narratives().size(), rows.size(), list.stdout());
        assertTrue(rows.stream().noneMatch(r -> r.contains("catalog sha256:")), list.stdout());
        assertTrue(list.stderr().matches("\\d+ narratives, \\d+ groups, catalog sha256:\\p{XDigit}+ "
                + "\\(jar:models/narratives/\\)\\R"), list.stderr());
    }

    @Test
    void validateCommandExitsFourAndPrintsLocatedProblems(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "narratives:\n  - id: Bad Id\n    title: t\n");
        Printed validate = Printed.run("narratives", "validate", "--narratives", dir.toString());
        String printed = validate.stdout();
        assertEquals(4, validate.code(), printed);
        assertTrue(printed.contains(dir.resolve("a.yaml") + ":2: Bad Id: id must be lower case"), printed);
        assertTrue(printed.contains("a narrative needs a non-empty list of rules"), printed);
    }

    @Test
    void aCatalogWithoutNarrativesIsAProblemForValidateAndFatalForAnalyze(@TempDir Path dir) throws Exception {
        Path zero = Files.writeString(dir.resolve("zero.yaml"), "");
        Path comments = Files.writeString(dir.resolve("comments.yaml"), "# narratives to come\n");
        Path none = Files.writeString(dir.resolve("none.yaml"), "version: 1\nnarratives: []\n");
        Path groupsOnly = Files.createDirectories(dir.resolve("groups-only"));
        Files.writeString(groupsOnly.resolve("groups.yaml"), "groups:\n  nato:\n    words: [nato]\n");
        for (Path catalog : List.of(zero, comments, none, groupsOnly)) {
            Printed validate = Printed.run("narratives", "validate", "--narratives", catalog.toString());
            String printed = validate.stdout();
            assertEquals(4, validate.code(), catalog + ": " + printed);
            assertFalse(printed.contains("ok:"), printed);
            String expected = catalog == zero || catalog == comments
                    ? catalog + ":1: the file is empty; a catalog file is a mapping with 'groups' and/or 'narratives'"
                    : (catalog == none ? none.toString() : groupsOnly.resolve("groups.yaml").toString())
                            + ":1: the catalog defines no narratives";
            assertTrue(printed.contains(expected), printed);

            CatalogException e = assertThrows(CatalogException.class,
                    () -> Catalog.load(catalog));
            assertEquals(1, e.problems().size(), e.getMessage());
        }
        Path input = Files.writeString(dir.resolve("article.txt"), "Russia betrayed Armenia.\n\nRussia betrayed Armenia again.\n");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "analyze",
                input.toString(), "--out", dir.resolve("out").toString(), "--no-db", "--quiet", "--narratives", none.toString());
        assertEquals(3, code, err.toString());
        assertTrue(err.toString().contains("the catalog defines no narratives"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/articles")), "analyze must not run without narratives");
    }

    /**
     * Catalog files saved in another encoding than UTF-8 (Latin-1 by an editor's "ANSI", UTF-16 by
     * another's "Unicode") are each a problem at the line of their first byte that is not UTF-8:
     * validate lists them (exit 4), analyze refuses the catalog with them (exit 3). Before, both said
     * "narrative-watch: Input length = 3", naming no file.
     */
    @Test
    void catalogFilesThatAreNotUtf8AreProblemsAtTheirLine(@TempDir Path dir) throws Exception {
        Path catalog = copyOfPackagedCatalog(dir);
        String allies = Files.readString(PACKAGED.resolve("allies-and-security.yaml"))
                .replace("(Assad, Armenia, the CSTO members)", "(Assad, Arménie, the CSTO members)");
        int accent = allies.indexOf("é");
        int line = allies.substring(0, accent).split("\n", -1).length;
        int column = accent - allies.lastIndexOf('\n', accent);
        Files.write(catalog.resolve("allies-and-security.yaml"), allies.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(catalog.resolve("west.yaml"), Files.readString(PACKAGED.resolve("west.yaml"))
                .getBytes(StandardCharsets.UTF_16));
        List<String> expected = List.of(
                catalog.resolve("allies-and-security.yaml") + ":" + line + ": not valid YAML: byte 0xE9 (column " + column
                        + ") is not UTF-8; save the file as UTF-8",
                catalog.resolve("west.yaml") + ":1: not valid YAML: byte 0xFE (column 1) is not UTF-8; save the file as UTF-8");

        Printed validate = Printed.run("narratives", "validate", "--narratives", catalog.toString());
        assertEquals(4, validate.code(), validate.stdout() + validate.stderr());
        assertEquals(expected, validate.stdout().lines().limit(2).toList(), validate.stdout());

        java.io.StringWriter err = new java.io.StringWriter();
        Path input = Files.writeString(dir.resolve("article.txt"), "Russia betrayed Armenia.\n\nRussia betrayed Armenia again.\n");
        int code = Main.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "analyze",
                input.toString(), "--out", dir.resolve("out").toString(), "--no-db", "--quiet", "--narratives", catalog.toString());
        assertEquals(3, code, err.toString());
        assertEquals(expected, err.toString().lines().skip(1).toList(), err.toString());
        assertFalse(Files.exists(dir.resolve("out/articles")), "analyze must not run with an unreadable catalog");
    }

    /**
     * A file that is not UTF-8 does not hide the problems of the other files, and the summary counts every
     * file of the catalog, as it does when all are UTF-8 (the audit's folder, with a fourth file that is fine).
     */
    @Test
    void aFileThatIsNotUtf8DoesNotHideTheOtherFilesProblems(@TempDir Path dir) throws Exception {
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(catalog.resolve("a.yaml"), String.join("\n",
                "version: 1",
                "narratives:",
                "  - id: n1",
                "    title: T",
                "    rules:",
                "      - id: r",
                "        trigger: [\"abandon ...2 ally\"]",
                "        withuot: [\"help\"]",
                "    examples:",
                "      positive: [Russia will abandon its allies.]",
                ""));
        Files.writeString(catalog.resolve("b.yaml"), "");
        Files.write(catalog.resolve("c.yaml"), ("version: 1\nnarratives:\n  - id: n2\n    title: Café talk\n"
                + "    rules:\n      - id: r\n        trigger: [\"cafe\"]\n    examples:\n      positive: [Cafe.]\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(catalog.resolve("d.yaml"), "version: 1\ngroups:\n  russia:\n    words: [russia]\n");

        Printed validate = Printed.run("narratives", "validate", "--narratives", catalog.toString());
        assertEquals(4, validate.code(), validate.stdout() + validate.stderr());
        List<String> lines = validate.stdout().lines().toList();
        assertTrue(lines.contains(catalog.resolve("c.yaml")
                + ":4: not valid YAML: byte 0xE9 (column 15) is not UTF-8; save the file as UTF-8"), lines.toString());
        assertTrue(lines.contains(catalog.resolve("b.yaml")
                + ":1: the file is empty; a catalog file is a mapping with 'groups' and/or 'narratives'"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(catalog.resolve("a.yaml") + ":8: n1: rule 'r': unknown key 'withuot'")),
                lines.toString());
        assertEquals("3 problem(s) in 4 file(s)", lines.get(lines.size() - 1));

        // Without the file that is not UTF-8, the same problems and the same count of files.
        Files.move(catalog.resolve("c.yaml"), dir.resolve("c.yaml"));
        Printed utf8 = Printed.run("narratives", "validate", "--narratives", catalog.toString());
        List<String> utf8Lines = utf8.stdout().lines().toList();
        assertEquals(lines.stream().filter(l -> !l.contains("c.yaml") && !l.contains("problem(s)")).toList(),
                utf8Lines.subList(0, utf8Lines.size() - 1));
        assertEquals("2 problem(s) in 3 file(s)", utf8Lines.get(utf8Lines.size() - 1));
    }

    /**
     * Every value left empty is reported at its own line. The YAML reader gives every "" (and every 0) one
     * shared node, and lines were kept per node: all were reported at the file's last one, often in another
     * narrative (the audit's file: line 22 for the empty values of lines 8 and 14).
     */
    @Test
    void emptyValuesAreReportedAtTheirOwnLine() {
        String yaml = String.join("\n",
                "version: 1",
                "narratives:",
                "  - id: first",
                "    title: First",
                "    rules:",
                "      - id: r",
                "        trigger: [\"abandon ...2 ally\"]",
                "        with: [\"\"]",
                "        weight: 0",
                "    examples:",
                "      positive:",
                "        - Russia will abandon its allies.",
                "  - id: second",
                "    title: Second",
                "    context:",
                "    rules:",
                "      - id: r",
                "        trigger: [\"betray ...2 ally\"]",
                "        weight: 0",
                "    examples:",
                "      positive:",
                "        - Russia will betray its allies.",
                "      negative:",
                "        -",
                "");
        assertEquals(List.of(
                "a.yaml:9: first: rule 'r': weight must be above 0 and at most 1000, not 0",
                "a.yaml:8: first: rule 'r': with: empty phrase",
                "a.yaml:15: second: context: empty phrase",
                "a.yaml:19: second: rule 'r': weight must be above 0 and at most 1000, not 0",
                "a.yaml:24: second: negative: empty example sentence"), problems("a.yaml", yaml));
    }

    /**
     * A blank example sentence (a {@code - } or a {@code positive:} left empty) is a problem at its line, and
     * a narrative whose positive examples are all blank has none: before, validate said ok and test failed
     * an example "" the analyst never wrote.
     */
    @Test
    void aBlankExampleIsAProblemAndDoesNotCountAsAPositiveExample() {
        String yaml = String.join("\n",
                "version: 1",
                "narratives:",
                "  - id: first",
                "    title: First",
                "    rules:",
                "      - id: r",
                "        trigger: [\"abandon ...2 ally\"]",
                "    examples:",
                "      positive:",
                "        - Russia will abandon its allies.",
                "        -",
                "  - id: second",
                "    title: Second",
                "    rules:",
                "      - id: r",
                "        trigger: [\"betray ...2 ally\"]",
                "    examples:",
                "      positive:",
                "      negative:",
                "        - Russia will help its allies.",
                "  - id: third",
                "    title: Third",
                "    rules:",
                "      - id: r",
                "        trigger: [\"desert ...2 ally\"]",
                "    examples:",
                "      positive: [\"Russia will desert its allies.\", \"  \"]",
                "      negative: [Russia will help its allies.]",
                "");
        assertEquals(List.of(
                "b.yaml:11: first: positive: empty example sentence",
                "b.yaml:18: second: positive: empty example sentence",
                "b.yaml:18: second: a narrative needs at least one positive example sentence",
                "b.yaml:27: third: positive: empty example sentence"), problems("b.yaml", yaml));
    }

    /**
     * A phrase term matches one token, so a word the tokenizer splits never matches: validate runs every
     * word through the tokenizer and gives the tokens to write. Words it keeps whole, hyphenated words
     * (matched split or not) and the clitics written as tokens are fine.
     */
    @Test
    void aPhraseWordTheTokenizerSplitsIsAProblemWithTheTokensToWrite() {
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'cannot' is two tokens for the tokenizer; write 'can not'"),
                problems("p.yaml", rule("ukraine cannot win")));
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'gonna' is two tokens for the tokenizer; write 'gon na'"),
                problems("p.yaml", rule("they gonna attack")));
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'cannot' is two tokens for the tokenizer; write 'can not'"),
                problems("p.yaml", rule("ukraine ...2 can|cannot|will win")), "an alternative too");
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'russia's' is two tokens for the tokenizer; write 'russia 's'"),
                problems("p.yaml", rule("russia's ally")));
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'military/security' is 3 tokens for the tokenizer; "
                + "write 'military / security'"), problems("p.yaml", rule("military/security complex")));
        assertEquals(List.of("p.yaml:6: n: rule 'r': trigger: 'MH-17' is 3 tokens for the tokenizer; write 'MH - 17'"),
                problems("p.yaml", rule("=MH-17 crash")), "an exact word is matched whole");
        for (String fine : List.of("ukraine can not win", "do n't|not abandon", "russia 's ally", "anti-russian|russo-phob* hysteria",
                "u.s. ally", "=U.S. ally", "mh-17 crash", "ca n't win")) {
            assertEquals(List.of(), problems("p.yaml", rule(fine)), fine);
        }
    }

    /** A catalog of one narrative whose one rule has {@code trigger}, on line 6. */
    private static String rule(String trigger) {
        return String.join("\n", "narratives:", "  - id: n", "    title: N", "    rules:", "      - id: r",
                "        trigger: [\"" + trigger + "\"]", "    examples:", "      positive: [x]", "");
    }

    private static List<String> problems(String file, String yaml) {
        return Catalog.compile(List.of(new CatalogFiles.CatalogFile(file, yaml)), "test").problems().stream()
                .map(Object::toString).toList();
    }

    /**
     * A catalog folder is its .yaml and .yml files in any case, and none of its hidden ones: a
     * Mac's AppleDouble "._west.yaml" (binary) or a hidden backup copy would stop every run, and a
     * "ukraine.YAML" left out would drop its narratives without a word. A folder named like a file is
     * not read either.
     */
    @Test
    void aCatalogFolderReadsYamlFilesInAnyCaseAndSkipsHiddenOnes(@TempDir Path dir) throws Exception {
        Path catalog = copyOfPackagedCatalog(dir);
        Files.move(catalog.resolve("ukraine.yaml"), catalog.resolve("ukraine.YAML"));
        Files.move(catalog.resolve("groups.yaml"), catalog.resolve("groups.Yml"));
        Files.write(catalog.resolve("._west.yaml"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, 'M', 'a', 'c', ' ', 'O', 'S'});
        Files.copy(PACKAGED.resolve("west.yaml"), catalog.resolve(".west.yaml.bak.yaml"));
        // A folder is no catalog file, whatever its name: it stopped every command with "Is a directory" (audit 9b).
        Files.copy(PACKAGED.resolve("west.yaml"), Files.createDirectories(catalog.resolve("archive.yaml")).resolve("west.yaml"));

        List<String> expected = Catalog.load(null).narratives().stream().map(Narrative::id).toList();
        assertEquals(expected, Catalog.load(catalog).narratives().stream().map(Narrative::id).toList());
        Printed validate = Printed.run("narratives", "validate", "--narratives", catalog.toString());
        assertEquals(0, validate.code(), validate.stdout() + validate.stderr());
        assertTrue(validate.stdout().startsWith("ok: " + expected.size() + " narratives, "), validate.stdout());
        assertTrue(validate.stdout().contains(" in 6 file(s), "), validate.stdout());

        // A folder with nothing but hidden YAML files has no catalog, and says why.
        Path hiddenOnly = Files.createDirectories(dir.resolve("hidden-only"));
        Files.copy(PACKAGED.resolve("west.yaml"), hiddenOnly.resolve(".west.yaml"));
        IOException e = assertThrows(IOException.class, () -> Catalog.load(hiddenOnly));
        assertEquals("no .yaml or .yml files in narrative catalog folder " + hiddenOnly + " (hidden ones, named .*, "
                + "are not read)", e.getMessage());
    }

    /**
     * With only the jar, {@code narratives export DIR} gives the packaged catalog to extend: the same files, so
     * the same catalog hash; it refuses to replace an analyst's file without --force and then writes none.
     */
    @Test
    void exportWritesThePackagedCatalogAndReplacesFilesOnlyWithForce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mine");
        Printed export = Printed.run("narratives", "export", out.toString());
        assertEquals(0, export.code(), export.stderr());
        try (var files = Files.list(PACKAGED)) {
            for (Path f : files.toList()) {
                assertEquals(Files.readString(f), Files.readString(out.resolve(f.getFileName())), f.toString());
            }
        }
        assertEquals(Catalog.load(null).hash(), Catalog.load(out).hash());

        Files.writeString(out.resolve("west.yaml"), "# my edits\n");
        Files.delete(out.resolve("ukraine.yaml"));
        Printed again = Printed.run("narratives", "export", out.toString());
        assertEquals(2, again.code(), again.stderr());
        assertTrue(again.stderr().contains(out.resolve("west.yaml") + " exist"), again.stderr());
        assertTrue(again.stderr().contains("pass --force to replace"), again.stderr());
        assertEquals("# my edits\n", Files.readString(out.resolve("west.yaml")));
        assertFalse(Files.exists(out.resolve("ukraine.yaml")), "nothing is written when one file is refused");

        assertEquals(0, Printed.run("narratives", "export", "--force", out.toString()).code());
        assertEquals(Files.readString(PACKAGED.resolve("west.yaml")), Files.readString(out.resolve("west.yaml")));
        assertTrue(Files.exists(out.resolve("ukraine.yaml")));
    }

    /**
     * "-" is standard output, which cannot take a catalog of several files (audit 8a): DIR - is a
     * usage error, as --out - is, and creates no folder called "-" in the working folder; a path
     * such as ./- names one.
     */
    @Test
    void exportToDashIsAUsageErrorAndAPathNamesAFolderCalledDash(@TempDir Path dir) throws Exception {
        Printed dash = Printed.run("narratives", "export", "-");
        assertEquals(2, dash.code(), dash.stderr());
        assertTrue(dash.stderr().startsWith("narrative-watch: DIR -: the catalog is several files, written into a "
                + "folder; to name a file or folder called -, write ./-"), dash.stderr());
        assertFalse(Files.exists(Path.of("-")), "no folder called - in the working folder");

        Printed dotSlash = Printed.run("narratives", "export", dir.resolve("-").toString());
        assertEquals(0, dotSlash.code(), dotSlash.stderr());
        assertEquals(Catalog.load(null).hash(), Catalog.load(dir.resolve("-")).hash());
    }

    /** A copy of the packaged catalog folder in {@code dir}/catalog, to change a file of it. */
    private static Path copyOfPackagedCatalog(Path dir) throws IOException {
        Path catalog = Files.createDirectories(dir.resolve("catalog"));
        try (var files = Files.list(PACKAGED)) {
            for (Path f : files.toList()) {
                Files.copy(f, catalog.resolve(f.getFileName()));
            }
        }
        return catalog;
    }
}
