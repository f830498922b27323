package org.narrativewatch.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.narrativewatch.pipeline.Resources;

class EntityCatalogTest {
    private static List<CatalogProblem> problems(String yaml) {
        return EntityCatalog.validate(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void packagedCatalogIsValidAndCoversTheField() throws IOException {
        EntityCatalog catalog = EntityCatalog.load(Resources.read(null, "entities.yaml"), "packaged");
        assertTrue(catalog.entities().size() >= 150, "only " + catalog.entities().size() + " entities");
        // Russia, Armenia, Azerbaijan, Syria, US, EU, NATO, CSTO, EAEU, UN, OSCE, Nagorno-Karabakh, Crimea,
        // Putin, Assad, RT, TASS: what the issue names as the minimum.
        for (String id : List.of("Q159", "Q399", "Q227", "Q858", "Q30", "Q458", "Q7184", "Q318693", "Q4173083",
                "Q1065", "Q81299", "Q244165", "Q7835", "Q7747", "Q44329", "Q22868")) {
            assertTrue(catalog.get(id) != null, id + " missing");
        }
        Set<String> types = catalog.entities().stream().map(TrackedEntity::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("state", "alliance", "person", "region", "media")), types.toString());
        assertEquals(List.of("Moscow", "Kremlin"), catalog.get("Q159").metonyms());
    }

    @Test
    void problemsNameTheEntryAndTheField() {
        List<CatalogProblem> found = problems("""
                version: 1
                entities:
                  - id: Q159
                    name: Russia
                    type: state
                    aliases: [Russia]
                  - id: q399
                    name: Armenia
                    type: country
                    aliases: [Armenia, RUSSIA]
                    alias: [Yerevan]
                  - id: Q227
                    name: Azerbaijan
                    type: state
                    aliases: [Azerbaijan]
                    context:
                      ambiguous: [Baku]
                  - id: Q159
                    name: Russia again
                    type: state
                    demonyms: [Russian]
                """);
        List<String> lines = found.stream().map(CatalogProblem::toString).toList();
        assertTrue(lines.contains("entities[1] q399 (Armenia): id: malformed id 'q399': expected a Wikidata QID "
                + "(Q followed by digits) or nw: and a lower-case slug"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("entities[1] q399 (Armenia): type: unknown type 'country'")));
        assertTrue(lines.contains("entities[1] q399 (Armenia): aliases[1]: duplicate alias 'RUSSIA' across entities, "
                + "also in entities[0] Q159 (Russia) aliases[0]"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("entities[1] q399 (Armenia): alias: unknown field")));
        assertTrue(lines.contains("entities[2] Q227 (Azerbaijan): context.ambiguous[0]: 'Baku' is not one of this "
                + "entry's aliases, demonyms or metonyms"), lines.toString());
        assertTrue(lines.contains("entities[3] Q159 (Russia again): id: duplicate id, also used by entities[0] Q159 (Russia)"),
                lines.toString());
        assertEquals(6, found.size(), lines.toString());
    }

    @Test
    void aCatalogWithProblemsIsNotLoaded() {
        byte[] yaml = "version: 2\nentities: []\n".getBytes(StandardCharsets.UTF_8);
        EntityCatalog.CatalogException e = assertThrows(EntityCatalog.CatalogException.class,
                () -> EntityCatalog.load(yaml, "test.yaml"));
        assertEquals("test.yaml:1: version: must be 1, found 2", e.problems().get(0).toString());
        assertEquals(List.of("test.yaml:2: not valid YAML: "), problems("version: [1\n").stream()
                .map(p -> p.toString().substring(0, 29)).toList());
    }

    /**
     * A truncated export ({@code entities: []}) is valid YAML; it was reported "valid, 0 entities", and
     * analysis ran with it, finding no entity and firing no rule that asks for one.
     */
    @Test
    void anEmptyListOfEntitiesIsAProblemAtItsLine() {
        String yaml = "# exported 2024-05-02\nversion: 1\nentities: []\n";
        assertEquals(List.of("test.yaml:3: entities: the list is empty, so no entity would ever be found in an article"),
                problems(yaml).stream().map(CatalogProblem::toString).toList());
        assertThrows(EntityCatalog.CatalogException.class,
                () -> EntityCatalog.load(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"));
    }

    /**
     * An export cut right after "entities:" leaves nothing there (audit 9d): it was "file: entities: must be a
     * list of entries", with no file or line. Problems of the file as a whole are at the line of their key.
     */
    @Test
    void aTruncatedExportAndTheVersionAreProblemsAtTheirLine() {
        assertEquals(List.of("test.yaml:2: entities: the list is empty, so no entity would ever be found in an article"),
                problems("version: 1\nentities:\n").stream().map(CatalogProblem::toString).toList());
        assertEquals(List.of("test.yaml:1: version: must be 1, found nothing: write version: 1 as the first line"),
                problems("entities:\n  - id: Q1\n    name: A\n    type: state\n    aliases: [Aaa]\n").stream()
                        .map(CatalogProblem::toString).toList());
        assertEquals(List.of("test.yaml:3: entitiez: unknown field (known: [entities, version])",
                        "test.yaml:2: version: must be 1, found \"1\" (a number in quotes is text: remove the quotes)",
                        "test.yaml:1: entities: missing: the list of entries"),
                problems("# exported\nversion: \"1\"\nentitiez:\n  - id: Q1\n").stream().map(CatalogProblem::toString).toList());
    }

    /**
     * YAML reads an unquoted Yes, No, On or Off as a boolean: a name "Yes" became "true" in every output
     * (audit 9b). Quoted, it is the name as written.
     */
    @Test
    void aNameThatYamlReadsAsABooleanIsAProblemThatSaysToQuoteIt() throws IOException {
        String quote = " (YAML reads an unquoted yes, no, on, off, true or false as true or false: put the text in quotes)";
        assertEquals(List.of("entities[0] nw:yes-campaign: name: must be text, found true" + quote,
                        "entities[0] nw:yes-campaign: aliases[1]: must be a non-empty string, found true" + quote),
                problems("""
                        version: 1
                        entities:
                          - id: nw:yes-campaign
                            name: Yes
                            type: group
                            aliases: [Yes Scotland, ON]
                        """).stream().map(CatalogProblem::toString).toList());
        EntityCatalog quoted = EntityCatalog.load("""
                version: 1
                entities:
                  - id: nw:yes-campaign
                    name: "Yes"
                    type: group
                    aliases: [Yes Scotland, "ON"]
                """.getBytes(StandardCharsets.UTF_8), "test.yaml");
        assertEquals("Yes", quoted.get("nw:yes-campaign").name());
        assertEquals(List.of("Yes Scotland", "ON"), quoted.get("nw:yes-campaign").aliases());
    }

    /**
     * The plural derived from a demonym is found like a written name, so it may not be another entity's
     * name (audit 9b): "Alphans" went to whichever entry the matcher met first. Within one entry it is fine.
     */
    @Test
    void aDerivedPluralMayNotBeAnotherEntitysName() {
        assertEquals(List.of("entities[1] nw:a (A): demonyms[0]: 'Alphans', the plural derived from 'Alphan', is also "
                        + "a name of entities[0] nw:b (B) aliases[0]: two entities may not share a name; remove 'Alphan' "
                        + "here or that name there"),
                problems("""
                        version: 1
                        entities:
                          - id: nw:b
                            name: B
                            type: group
                            aliases: [Alphans]
                          - id: nw:a
                            name: A
                            type: state
                            aliases: [Alphaland]
                            demonyms: [Alphan]
                        """).stream().map(CatalogProblem::toString).toList());
        assertEquals(List.of(), problems("""
                version: 1
                entities:
                  - id: nw:a
                    name: A
                    type: state
                    aliases: [Alphaland, ALPHANS]
                    demonyms: [Alphan]
                """));
    }

    @Test
    void aFieldGivenTwiceIsAnErrorAtItsLine() {
        assertEquals(List.of("test.yaml:6: not valid YAML: Duplicate field 'name'"), problems("""
                version: 1
                entities:
                  - id: Q159
                    name: Russia
                    type: state
                    name: Soviet Union
                    aliases: [Russia]
                """).stream().map(CatalogProblem::toString).toList());
    }

    /**
     * A gazetteer saved in Latin-1 is one problem at the line of its first byte that is not UTF-8; it
     * was reported at line 1 whatever the line, in the words of a Java exception.
     */
    @Test
    void aCatalogThatIsNotUtf8IsAProblemAtItsLine() {
        String yaml = """
                version: 1
                entities:
                  - id: Q90
                    name: Paris
                    type: city
                    aliases: [Paris, Ville Lumière]
                """;
        assertEquals(List.of("test.yaml:6: not valid YAML: byte 0xE8 (column 32) is not UTF-8; save the file as UTF-8"),
                EntityCatalog.validate(yaml.getBytes(StandardCharsets.ISO_8859_1), "test.yaml").stream()
                        .map(CatalogProblem::toString).toList());
        assertEquals(List.of(), problems(yaml));
    }

    @Test
    void caseVariantsWithinOneEntryAreFine() {
        assertEquals(List.of(), problems("""
                version: 1
                entities:
                  - {id: Q7184, name: NATO, type: alliance, aliases: [NATO, Nato]}
                """));
    }

    /**
     * A borrowing name must hold one of the entry's names with more words around it, and must not be
     * an entity's name (it would hide that entity); context.default is linked or unlinked, for
     * ambiguous names only.
     */
    @Test
    void borrowedNamesAndTheContextDefaultAreChecked() {
        List<String> lines = problems("""
                version: 1
                entities:
                  - id: Q159
                    name: Russia
                    type: state
                    demonyms: [Russian]
                    borrowed_in: [Russian roulette, Russian, roulette, Vatican City]
                    context:
                      default: unlinked
                  - id: Q237
                    name: Vatican City
                    type: state
                    aliases: [Vatican City, Vatican]
                    borrowed_in: [Vatican II]
                    context:
                      ambiguous: [Vatican]
                      default: sometimes
                """).stream().map(CatalogProblem::toString).toList();
        assertEquals(List.of(
                "entities[0] Q159 (Russia): borrowed_in[1]: 'Russian' holds none of this entry's aliases, demonyms or "
                        + "metonyms with more words around it",
                "entities[0] Q159 (Russia): borrowed_in[2]: 'roulette' holds none of this entry's aliases, demonyms or "
                        + "metonyms with more words around it",
                "entities[0] Q159 (Russia): borrowed_in[3]: 'Vatican City' holds none of this entry's aliases, demonyms "
                        + "or metonyms with more words around it",
                "entities[0] Q159 (Russia): context.default: applies to ambiguous names, and none is listed",
                "entities[1] Q237 (Vatican City): context.default: must be one of [linked, unlinked], found \"sometimes\""),
                lines);
        List<String> hidden = problems("""
                version: 1
                entities:
                  - id: Q148
                    name: China
                    type: state
                    aliases: [China]
                    borrowed_in: [South China Sea]
                  - id: Q1
                    name: South China Sea
                    type: region
                    aliases: [South China Sea]
                """).stream().map(CatalogProblem::toString).toList();
        assertEquals(List.of("entities[0] Q148 (China): borrowed_in[0]: 'South China Sea' is a name of entities[1] Q1 "
                + "(South China Sea) aliases[0], so it cannot be a name that only borrows one"), hidden);
    }
}
