package org.narrativewatch.entities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.narrativewatch.yaml.LocatedYaml;
import org.narrativewatch.yaml.StrictYaml;

/**
 * The tracked entities of {@code models/entities.yaml}: parsed, checked and immutable. The format is
 * documented in docs/entities-format.md. Every problem is reported with the entry and the field, so a
 * catalog with mistakes is never half-loaded.
 */
public final class EntityCatalog {
    public static final int VERSION = 1;
    /** The entity types an entry may have; sorted, so that messages list them the same way every run. */
    public static final Set<String> TYPES = Collections.unmodifiableSortedSet(new TreeSet<>(List.of("state",
            "organization", "alliance", "institution", "person", "region", "city", "media", "party", "group", "event")));

    private static final Pattern ID = Pattern.compile("Q[1-9][0-9]*|nw:[a-z0-9]+(?:-[a-z0-9]+)*");
    /** What an id must look like, for messages about one that does not. */
    public static final String ID_FORM = "expected a Wikidata QID (Q followed by digits) or nw: and a lower-case slug";
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("version", "entities");
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "name", "type", "aliases", "demonyms", "metonyms",
            "borrowed_in", "context");
    private static final Set<String> CONTEXT_FIELDS = Set.of("ambiguous", "positive", "negative", "default");
    /** The values of {@code context.default}: whether an ambiguous name no rule or cue decides is linked. */
    private static final Map<String, Boolean> DEFAULTS = Map.of("linked", true, "unlinked", false);
    private static final List<String> NAME_FIELDS = List.of("aliases", "demonyms", "metonyms");

    private final List<TrackedEntity> entities;
    private final Map<String, TrackedEntity> byId;

    private EntityCatalog(List<TrackedEntity> entities) {
        this.entities = List.copyOf(entities);
        Map<String, TrackedEntity> ids = new LinkedHashMap<>();
        for (TrackedEntity e : entities) {
            ids.put(e.id(), e);
        }
        this.byId = ids;
    }

    /** Parses and checks a catalog; throws with every problem found when there is any. */
    public static EntityCatalog load(byte[] yaml, String origin) throws CatalogException {
        Checked checked = check(yaml, origin);
        if (!checked.problems().isEmpty()) {
            throw new CatalogException(origin, checked.problems());
        }
        return new EntityCatalog(checked.entities());
    }

    /** Every problem of a catalog (empty when it is valid); {@code origin} names the file in them. */
    public static List<CatalogProblem> validate(byte[] yaml, String origin) {
        return check(yaml, origin).problems();
    }

    public List<TrackedEntity> entities() {
        return entities;
    }

    /** Whether {@code id} has the form of an entity id: a Wikidata QID or nw: and a lower-case slug. */
    public static boolean wellFormedId(String id) {
        return ID.matcher(id).matches();
    }

    /** The entity with this id, or null. */
    public TrackedEntity get(String id) {
        return byId.get(id);
    }

    private record Checked(List<TrackedEntity> entities, List<CatalogProblem> problems) {
    }

    /** A name of {@code borrowed_in}, where it is written: to check, once all entries are read, that it is no name. */
    private record Borrowing(String label, String field, String written) {
    }

    /** The plural derived from a demonym, where: to check, once all entries are read, that it is no other entry's name. */
    private record DerivedPlural(String label, String field, String demonym, String plural) {
    }

    private static Checked check(byte[] yaml, String origin) {
        List<CatalogProblem> problems = new ArrayList<>();
        List<TrackedEntity> entities = new ArrayList<>();
        // With the lines of its nodes, to locate a problem of the list as a whole (an empty list).
        LocatedYaml located;
        try {
            located = LocatedYaml.parse(StrictYaml.text(yaml));
        } catch (JsonProcessingException e) {
            StrictYaml.ParseError error = StrictYaml.ParseError.of(e);
            problems.add(new CatalogProblem(origin + ":" + error.line(), "not valid YAML", error.reason()));
            return new Checked(entities, problems);
        } catch (IOException e) {
            problems.add(new CatalogProblem(origin + ":1", "yaml", "cannot read: " + e.getMessage()));
            return new Checked(entities, problems);
        }
        JsonNode root = located.root();
        if (!root.isObject()) {
            problems.add(new CatalogProblem(origin + ":1", "root", "must be a mapping with version and entities"));
            return new Checked(entities, problems);
        }
        // Problems of the file as a whole are located by the line of their key (line 1 for a missing one).
        unknownFields(root, TOP_LEVEL_FIELDS, f -> origin + ":" + located.keyLine(root, f, 1), "", problems);
        JsonNode version = root.path("version");
        if (!StrictYaml.isVersion(version, VERSION)) {
            problems.add(new CatalogProblem(origin + ":" + located.keyLine(root, "version", 1), "version", "must be "
                    + VERSION + ", found " + (root.has("version") ? StrictYaml.found(version) : "nothing: write version: "
                    + VERSION + " as the first line")));
        }
        String listAt = origin + ":" + located.keyLine(root, "entities", 1);
        JsonNode list = root.path("entities");
        if (list.isMissingNode()) {
            problems.add(new CatalogProblem(listAt, "entities", "missing: the list of entries"));
            return new Checked(entities, problems);
        }
        // A truncated export is still valid YAML, with nothing (read as "") or [] after "entities:"; loaded, it
        // would silently find no entity anywhere.
        boolean nothing = list.isNull() || list.isTextual() && list.asText().isBlank();
        if (nothing || list.isArray() && list.isEmpty()) {
            problems.add(new CatalogProblem(listAt, "entities",
                    "the list is empty, so no entity would ever be found in an article"));
            return new Checked(entities, problems);
        }
        if (!list.isArray()) {
            problems.add(new CatalogProblem(listAt, "entities", "must be a list of entries, found " + StrictYaml.found(list)));
            return new Checked(entities, problems);
        }
        Map<String, String> idOwners = new HashMap<>();
        Map<String, String> nameOwners = new HashMap<>();
        Map<String, Borrowing> borrowers = new LinkedHashMap<>();
        List<DerivedPlural> plurals = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            TrackedEntity e = entry(list.get(i), i, idOwners, nameOwners, borrowers, plurals, problems);
            if (e != null) {
                entities.add(e);
            }
        }
        // The matcher finds a derived plural like a written name: another entity's name spelled so would
        // take it from this one (or this one from it) unseen.
        for (DerivedPlural p : plurals) {
            String owner = nameOwners.get(nameKey(p.plural()));
            if (owner != null && !owner.startsWith(p.label() + " ")) {
                problems.add(new CatalogProblem(p.label(), p.field(), "'" + p.plural() + "', the plural derived from '"
                        + p.demonym() + "', is also a name of " + owner + ": two entities may not share a name; remove '"
                        + p.demonym() + "' here or that name there"));
            }
        }
        // A longer name that is also an entity's name would hide that entity wherever it is written.
        borrowers.forEach((key, b) -> {
            if (nameOwners.containsKey(key)) {
                problems.add(new CatalogProblem(b.label(), b.field(), "'" + b.written() + "' is a name of "
                        + nameOwners.get(key) + ", so it cannot be a name that only borrows one"));
            }
        });
        return new Checked(entities, problems);
    }

    private static TrackedEntity entry(JsonNode node, int index, Map<String, String> idOwners,
                                       Map<String, String> nameOwners, Map<String, Borrowing> borrowers,
                                       List<DerivedPlural> plurals, List<CatalogProblem> problems) {
        String position = "entities[" + index + "]";
        if (!node.isObject()) {
            problems.add(new CatalogProblem(position, "entry", "must be a mapping with id, name, type"));
            return null;
        }
        String id = text(node, "id");
        String name = text(node, "name");
        String label = position + (id != null ? " " + id : "") + (name != null ? " (" + name + ")" : "");
        int before = problems.size();
        unknownFields(node, ENTRY_FIELDS, f -> label, "", problems);
        if (id == null) {
            problems.add(noText(node, label, "id", "missing: a Wikidata QID (Q159) or nw:slug"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(new CatalogProblem(label, "id", "malformed id '" + id + "': " + ID_FORM));
        } else if (idOwners.putIfAbsent(id, label) != null) {
            problems.add(new CatalogProblem(label, "id", "duplicate id, also used by " + idOwners.get(id)));
        }
        if (name == null || name.isBlank()) {
            problems.add(noText(node, label, "name", "missing: the display name"));
        }
        String type = text(node, "type");
        if (type == null) {
            problems.add(noText(node, label, "type", "missing: one of " + TYPES));
        } else if (!TYPES.contains(type)) {
            problems.add(new CatalogProblem(label, "type", "unknown type '" + type + "': expected one of " + TYPES));
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, String> ownNames = new HashMap<>();
        for (String field : NAME_FIELDS) {
            List<String> values = strings(node.get(field), label, field, problems);
            for (int j = 0; j < values.size(); j++) {
                String value = values.get(j);
                String where = field + "[" + j + "]";
                String key = nameKey(value);
                if (key.isEmpty()) {
                    problems.add(new CatalogProblem(label, where, "'" + value + "' has no letter or digit"));
                } else if (ownNames.putIfAbsent(value, where) != null) {
                    problems.add(new CatalogProblem(label, where, "'" + value + "' repeats " + ownNames.get(value)));
                } else {
                    String owner = nameOwners.putIfAbsent(key, label + " " + where);
                    if (owner != null && !owner.startsWith(label + " ")) {
                        problems.add(new CatalogProblem(label, where, "duplicate alias '" + value
                                + "' across entities, also in " + owner));
                    }
                }
            }
            names.put(field, values);
        }
        List<String> demonyms = names.get("demonyms");
        for (int j = 0; j < demonyms.size(); j++) {
            String plural = Gazetteer.plural(demonyms.get(j));
            if (plural != null) {
                plurals.add(new DerivedPlural(label, "demonyms[" + j + "]", demonyms.get(j), plural));
            }
        }
        if (names.get("aliases").isEmpty() && names.get("demonyms").isEmpty() && names.get("metonyms").isEmpty()) {
            problems.add(new CatalogProblem(label, "aliases", "no alias, demonym or metonym: the entity could never match"));
        }
        List<String> borrowedIn = borrowedIn(node.get("borrowed_in"), label, names, borrowers, problems);
        EntityContext context = context(node.get("context"), label, ownNames, problems);
        if (problems.size() > before) {
            return null;
        }
        return new TrackedEntity(id, name, type, names.get("aliases"), names.get("demonyms"), names.get("metonyms"),
                borrowedIn, context);
    }

    /**
     * The entry's {@code borrowed_in}: each must hold one of its names (a demonym's derived plural
     * included) as whole words, and more words than that name ("Russian roulette" holds "Russian").
     * {@code borrowers} collects their keys, to check once all entries are read that none is a name.
     */
    private static List<String> borrowedIn(JsonNode node, String label, Map<String, List<String>> names,
                                           Map<String, Borrowing> borrowers, List<CatalogProblem> problems) {
        List<String> values = strings(node, label, "borrowed_in", problems);
        List<String> own = new ArrayList<>();
        names.values().forEach(own::addAll);
        for (String demonym : names.get("demonyms")) {
            String plural = Gazetteer.plural(demonym);
            if (plural != null) {
                own.add(plural);
            }
        }
        for (int j = 0; j < values.size(); j++) {
            String where = "borrowed_in[" + j + "]";
            List<String> words = List.of(nameKey(values.get(j)).split(" "));
            if (own.stream().noneMatch(n -> holds(words, List.of(nameKey(n).split(" "))))) {
                problems.add(new CatalogProblem(label, where, "'" + values.get(j)
                        + "' holds none of this entry's aliases, demonyms or metonyms with more words around it"));
            } else {
                borrowers.putIfAbsent(nameKey(values.get(j)), new Borrowing(label, where, values.get(j)));
            }
        }
        return values;
    }

    /** Whether {@code words} holds {@code name} as a run of whole words, and more words than it. */
    private static boolean holds(List<String> words, List<String> name) {
        return words.size() > name.size() && Collections.indexOfSubList(words, name) >= 0;
    }

    private static EntityContext context(JsonNode node, String label, Map<String, String> ownNames,
                                         List<CatalogProblem> problems) {
        if (node == null || node.isNull()) {
            return EntityContext.NONE;
        }
        if (!node.isObject()) {
            problems.add(new CatalogProblem(label, "context", "must be a mapping with ambiguous, positive, negative, default"));
            return EntityContext.NONE;
        }
        unknownFields(node, CONTEXT_FIELDS, f -> label, "context.", problems);
        List<String> ambiguous = strings(node.get("ambiguous"), label, "context.ambiguous", problems);
        for (int j = 0; j < ambiguous.size(); j++) {
            if (!ownNames.containsKey(ambiguous.get(j))) {
                problems.add(new CatalogProblem(label, "context.ambiguous[" + j + "]", "'" + ambiguous.get(j)
                        + "' is not one of this entry's aliases, demonyms or metonyms"));
            }
        }
        List<String> positive = strings(node.get("positive"), label, "context.positive", problems);
        List<String> negative = strings(node.get("negative"), label, "context.negative", problems);
        boolean linkedByDefault = true;
        if (node.has("default")) {
            String written = text(node, "default");
            Boolean linked = written == null ? null : DEFAULTS.get(written);
            if (linked == null) {
                problems.add(new CatalogProblem(label, "context.default", "must be one of " + new TreeSet<>(DEFAULTS.keySet())
                        + ", found " + StrictYaml.found(node.get("default"))));
            } else if (ambiguous.isEmpty()) {
                problems.add(new CatalogProblem(label, "context.default", "applies to ambiguous names, and none is listed"));
            } else {
                linkedByDefault = linked;
            }
        }
        return new EntityContext(ambiguous, positive, negative, linkedByDefault);
    }

    /**
     * Two entities may not share a name, even one differing only in case, accents or spacing: ALL-CAPS
     * text and unaccented spellings would match both.
     */
    static String nameKey(String name) {
        StringBuilder key = new StringBuilder();
        for (PhraseTokens.Tok t : PhraseTokens.of(name)) {
            key.append(t.gapBefore() && key.length() > 0 ? " " : "").append(t.key());
        }
        return key.toString();
    }

    /** A field's text: null when it is missing, a list or mapping, or a boolean (see {@link #noText}). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isTextual() || v.isNumber()) ? v.asText().strip() : null;
    }

    /**
     * The problem of a field that has no text: {@code missing}, or, when YAML read an unquoted yes, no, on or
     * off there as a boolean (a name "Yes" would become "true"), that it must be quoted.
     */
    private static CatalogProblem noText(JsonNode node, String label, String field, String missing) {
        JsonNode v = node.get(field);
        return new CatalogProblem(label, field, v != null && v.isBoolean() ? "must be text, found " + StrictYaml.found(v)
                : missing);
    }

    private static List<String> strings(JsonNode node, String label, String field, List<CatalogProblem> problems) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            problems.add(new CatalogProblem(label, field, "must be a list of strings"));
            return values;
        }
        for (int j = 0; j < node.size(); j++) {
            JsonNode v = node.get(j);
            if (!v.isTextual() || v.asText().isBlank()) {
                problems.add(new CatalogProblem(label, field + "[" + j + "]", "must be a non-empty string, found "
                        + StrictYaml.found(v)));
            } else {
                values.add(v.asText().strip());
            }
        }
        return values;
    }

    /** {@code where}: the entry of a problem with a field, from the field's name. */
    private static void unknownFields(JsonNode node, Set<String> known, Function<String, String> where, String prefix,
                                      List<CatalogProblem> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(new CatalogProblem(where.apply(f), prefix + f, "unknown field (known: "
                        + new TreeSet<>(known) + ")"));
            }
        }
    }

    /** A catalog that cannot be used, with all its problems. */
    public static final class CatalogException extends IOException {
        private final List<CatalogProblem> problems;

        public CatalogException(String origin, List<CatalogProblem> problems) {
            super("entity catalog " + origin + " has " + problems.size() + " problem(s), first: " + problems.get(0)
                    + (problems.size() > 1 ? " (run `narrative-watch entities validate` for all)" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<CatalogProblem> problems() {
            return problems;
        }
    }
}
