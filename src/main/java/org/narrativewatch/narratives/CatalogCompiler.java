package org.narrativewatch.narratives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.narrativewatch.entities.EntityCatalog;
import org.narrativewatch.nlp.CoreNlpStage;
import org.narrativewatch.patterns.PatternProbe;
import org.narrativewatch.yaml.LocatedYaml;
import org.narrativewatch.yaml.StrictYaml;

/**
 * Turns catalog YAML into {@link Narrative}s and {@link Group}s, checking the schema strictly
 * (unknown keys are errors, since a misspelt key would otherwise silently disable a constraint)
 * and compiling every pattern. Problems are collected with file, line and narrative id.
 */
final class CatalogCompiler {
    private static final Set<String> ROOT_KEYS = Set.of("version", "groups", "narratives");
    private static final Set<String> GROUP_KEYS = Set.of("entities", "types", "words", "include");
    private static final Set<String> NARRATIVE_KEYS = Set.of("id", "title", "description", "labels", "threshold",
            "article_threshold", "denial", "context", "framing", "rules", "examples");
    private static final Set<String> RULE_KEYS = Set.of("id", "weight", "trigger", "tokensregex", "actor", "target",
            "with", "without", "within", "negation", "max_gap", "claim");
    /** The keys a rule's {@code claim:} reading may give anew. */
    private static final Set<String> CLAIM_KEYS = Set.of("weight", "trigger", "tokensregex", "actor", "target",
            "with", "without", "within", "negation", "max_gap");
    private static final Set<String> EXAMPLE_KEYS = Set.of("positive", "negative");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern QID = Pattern.compile("Q[0-9]+|nw:[a-z0-9][a-z0-9-]*");
    /** A narrative's {@code id:} line as written ("id: x", "id: 'x'  # comment"); the id is group 2. */
    private static final Pattern ID_LINE = Pattern.compile("id\\s*:\\s*([\"']?)(.*?)\\1\\s*(?:#.*)?");
    /**
     * The largest weight, threshold or article_threshold: far above any that makes sense (the packaged
     * catalog's are 0.5 to 2), and small enough that no text's sum of weights comes near the range where
     * its score, rounded to thousandths, loses precision or overflows (weights of 1e308 gave 9.2e15).
     */
    private static final int MAX_WEIGHT = 1000;

    private final List<CatalogProblem> problems = new ArrayList<>();
    /** Problems found so far, those found again and reported once included (see {@link #problem}). */
    private int problemsFound;
    private final List<Narrative> narratives = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final boolean probePatterns;

    /**
     * Every phrase word that must be one token, each with where it is written: all are checked in one
     * tokenizer run once the catalog is read ({@link #checkWordsAreTokens}).
     */
    private final List<WordUse> wordUses = new ArrayList<>();

    /** A word of a phrase; {@code problemIndex} is where among the problems so far its problem belongs. */
    private record WordUse(String word, At at, int line, String where, int problemIndex) {
    }

    /** {@code probePatterns}: also run each TokensRegex on adversarial probes ({@link PatternProbe}). */
    CatalogCompiler(boolean probePatterns) {
        this.probePatterns = probePatterns;
    }

    private Phrase phrase(String source, ToIntFunction<String> groups, int maxGap, At at, int line, String where)
            throws Phrase.PatternException {
        return Phrase.parse(source, groups, maxGap, word -> wordUses.add(new WordUse(word, at, line, where, problems.size())));
    }

    /**
     * The problems of words the tokenizer splits, each put where it would have been found had every word
     * been checked as its phrase was read, so that problems stay in the order of the files. A word written
     * twice in a phrase, or read again for a rule's claim reading, is one problem.
     */
    private void checkWordsAreTokens() {
        Map<String, List<String>> splits = CoreNlpStage.split(wordUses.stream().map(WordUse::word).toList());
        Set<CatalogProblem> reported = new HashSet<>();
        List<CatalogProblem> found = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (WordUse use : wordUses) {
            String why = Phrase.notOneToken(use.word(), splits.get(use.word()));
            CatalogProblem problem = why == null ? null
                    : new CatalogProblem(use.at().file(), use.line(), use.at().narrative(), use.where() + why);
            if (problem != null && reported.add(problem)) {
                found.add(problem);
                at.add(use.problemIndex());
            }
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            // A claim reading drops the problems it repeats, so an index taken after it can be past the end.
            problems.add(Math.min(at.get(i), problems.size()), found.get(i));
        }
    }

    /** A group as written, before includes are folded in. */
    private record GroupDef(String name, JsonNode node, String file, int line, LocatedYaml yaml) {
    }

    /** Where a node sits, for messages. */
    private record At(String file, LocatedYaml yaml, String narrative) {
        int line(JsonNode node, int fallback) {
            return yaml.line(node, fallback);
        }

        int keyLine(JsonNode mapping, String key, int fallback) {
            return yaml.keyLine(mapping, key, fallback);
        }
    }

    void compile(List<CatalogFiles.CatalogFile> files) {
        Map<String, GroupDef> groupDefs = new LinkedHashMap<>();
        List<Object[]> narrativeNodes = new ArrayList<>();
        for (CatalogFiles.CatalogFile f : files) {
            if (f.notUtf8() != null) {
                problems.add(f.notUtf8());
                continue;
            }
            LocatedYaml yaml;
            try {
                yaml = LocatedYaml.parse(f.text());
            } catch (JsonProcessingException e) {
                StrictYaml.ParseError error = StrictYaml.ParseError.of(e);
                problems.add(new CatalogProblem(f.name(), error.line(), narrativeAt(f.text(), error.line()),
                        "not valid YAML: " + error.reason()));
                continue;
            } catch (IOException e) {
                problems.add(new CatalogProblem(f.name(), 1, null, "cannot read: " + e.getMessage()));
                continue;
            }
            At at = new At(f.name(), yaml, null);
            JsonNode root = yaml.root();
            if (root.isMissingNode()) {
                problem(at, 1, "the file is empty; a catalog file is a mapping with 'groups' and/or 'narratives'");
                continue;
            }
            if (!root.isObject()) {
                problem(at, 1, "a catalog file is a mapping with 'groups' and/or 'narratives'");
                continue;
            }
            checkKeys(at, root, ROOT_KEYS, 1, "");
            JsonNode version = root.get("version");
            if (version != null && !StrictYaml.isVersion(version, 1)) {
                problem(at, at.keyLine(root, "version", 1), "version must be 1 (the only catalog version), found "
                        + StrictYaml.found(version));
            }
            JsonNode gs = root.get("groups");
            if (gs != null) {
                if (!gs.isObject()) {
                    problem(at, at.line(gs, 1), "'groups' is a mapping from group name to its members");
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = gs.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        int line = at.keyLine(gs, e.getKey(), 1);
                        GroupDef previous = groupDefs.get(e.getKey());
                        if (previous != null) {
                            problem(at, line, "group '" + e.getKey() + "' is already defined at "
                                    + previous.file() + ":" + previous.line());
                        } else if (!ID.matcher(e.getKey()).matches()) {
                            problem(at, line, "group name '" + e.getKey() + "' must be lower case letters, digits, _ or -");
                        } else {
                            groupDefs.put(e.getKey(), new GroupDef(e.getKey(), e.getValue(), f.name(), line, yaml));
                        }
                    }
                }
            }
            JsonNode ns = root.get("narratives");
            if (ns != null) {
                if (!ns.isArray()) {
                    problem(at, at.line(ns, 1), "'narratives' is a list of narratives");
                } else {
                    for (JsonNode n : ns) {
                        narrativeNodes.add(new Object[] {at, n});
                    }
                }
            }
        }
        int i = 0;
        for (String name : groupDefs.keySet()) {
            groupIndex.put(name, i++);
        }
        for (GroupDef def : groupDefs.values()) {
            groups.add(group(def, groupDefs));
        }
        Map<String, String> seen = new HashMap<>();
        for (Object[] item : narrativeNodes) {
            At at = (At) item[0];
            JsonNode n = (JsonNode) item[1];
            Narrative narrative = narrative(at, n);
            // The id as written, also of a narrative with other problems: a later one with the same id is
            // reported in this pass, not only once those problems are fixed.
            String id = text(n, "id");
            int line = at.line(n, 1);
            String previous = id == null ? null : seen.putIfAbsent(id, at.file() + ":" + line);
            if (previous != null) {
                problems.add(new CatalogProblem(at.file(), line, id, "narrative id is already used at " + previous));
            } else if (narrative != null) {
                narratives.add(narrative);
            }
        }
        checkWordsAreTokens();
    }

    List<CatalogProblem> problems() {
        return problems;
    }

    List<Narrative> narratives() {
        return narratives;
    }

    List<Group> groups() {
        return groups;
    }

    private Group group(GroupDef def, Map<String, GroupDef> all) {
        At at = new At(def.file(), def.yaml(), null);
        Set<String> kbIds = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        List<Phrase> words = new ArrayList<>();
        int before = problemsFound;
        collect(def, all, at, kbIds, types, words, new HashSet<>());
        // A group whose only members have problems (an unknown type), its own or an included group's, is not
        // empty as written: those problems say why.
        if (kbIds.isEmpty() && types.isEmpty() && words.isEmpty() && problemsFound == before) {
            problem(at, def.line(), "group '" + def.name() + "' has no entities, types or words");
        }
        return new Group(def.name(), Set.copyOf(kbIds), Set.copyOf(types), List.copyOf(words), def.file(), def.line());
    }

    private void collect(GroupDef def, Map<String, GroupDef> all, At at, Set<String> kbIds, Set<String> types,
                         List<Phrase> words, Set<String> visiting) {
        if (!visiting.add(def.name())) {
            problem(at, def.line(), "group '" + def.name() + "' includes itself");
            return;
        }
        At here = new At(def.file(), def.yaml(), null);
        JsonNode node = def.node();
        if (!node.isObject()) {
            problem(here, def.line(), "group '" + def.name() + "' is a mapping with entities, types, words and/or include");
            return;
        }
        checkKeys(here, node, GROUP_KEYS, def.line(), "");
        for (JsonNode e : strings(here, node, "entities", def.line())) {
            String qid = e.asText().strip().split("\\s+")[0];
            if (!QID.matcher(qid).matches()) {
                problem(here, here.line(e, def.line()), "entity '" + e.asText()
                        + "' is not an entity id (a Wikidata id such as Q159 or a gazetteer id such as nw:kuril-islands, optionally then a name)");
            } else {
                kbIds.add(qid);
            }
        }
        for (JsonNode t : strings(here, node, "types", def.line())) {
            String type = t.asText().strip();
            // The entity stage writes exactly these: any other spelling ("State", "country") would match nothing.
            if (EntityCatalog.TYPES.contains(type)) {
                types.add(type);
            } else {
                problem(here, here.line(t, def.line()), "group '" + def.name() + "': unknown entity type '" + type
                        + "': expected one of " + EntityCatalog.TYPES + " (as in docs/entities-format.md)");
            }
        }
        String where = "group '" + def.name() + "': ";
        for (JsonNode w : strings(here, node, "words", def.line())) {
            int line = here.line(w, def.line());
            try {
                words.add(phrase(w.asText(), null, Phrase.DEFAULT_GAP, here, line, where));
            } catch (Phrase.PatternException ex) {
                problem(here, line, where + ex.getMessage());
            }
        }
        for (JsonNode inc : strings(here, node, "include", def.line())) {
            GroupDef included = all.get(inc.asText());
            if (included == null) {
                problem(here, here.line(inc, def.line()), "group '" + def.name() + "' includes unknown group '"
                        + inc.asText() + "'");
            } else {
                collect(included, all, here, kbIds, types, words, visiting);
            }
        }
        visiting.remove(def.name());
    }

    private Narrative narrative(At fileAt, JsonNode n) {
        int line = fileAt.line(n, 1);
        if (!n.isObject()) {
            problem(fileAt, line, "a narrative is a mapping with id, title, rules, ...");
            return null;
        }
        String id = text(n, "id");
        At at = new At(fileAt.file(), fileAt.yaml(), id);
        int problemsBefore = problems.size();
        if (id == null) {
            problem(at, line, "narrative without an id");
        } else if (!ID.matcher(id).matches()) {
            problem(at, line, "id must be lower case letters, digits, _ or -");
        }
        checkKeys(at, n, NARRATIVE_KEYS, line, "");
        for (String key : List.of("id", "title", "description")) {
            checkText(at, n, key, line, "");
        }
        String title = text(n, "title");
        if (title == null || title.isBlank()) {
            problem(at, line, "narrative without a title");
        }
        double threshold = number(at, n, "threshold", 1.0, line);
        checkWeight(at, n, "threshold", line, "");
        double articleThreshold = number(at, n, "article_threshold", threshold, line);
        checkWeight(at, n, "article_threshold", line, "");
        JsonNode denial = n.get("denial");
        if (denial != null && !denial.isBoolean()) {
            problem(at, at.line(denial, line), "denial is true or false");
        }
        List<Phrase> context = phrases(at, n.get("context"), Phrase.DEFAULT_GAP, at.line(n.get("context"), line),
                "context: ");
        List<Phrase> framing = phrases(at, n.get("framing"), Phrase.DEFAULT_GAP, at.line(n.get("framing"), line),
                "framing: ");
        Map<String, List<String>> labels = new LinkedHashMap<>();
        JsonNode ls = n.get("labels");
        if (ls != null) {
            if (!ls.isObject()) {
                problem(at, at.line(ls, line), "labels is a mapping from scheme to a list of labels, e.g. euvsdisinfo: [Russophobia]");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = ls.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> values = new ArrayList<>();
                    for (JsonNode v : strings(at, ls, e.getKey(), line)) {
                        values.add(v.asText().strip());
                    }
                    labels.put(e.getKey(), List.copyOf(values));
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode rs = n.get("rules");
        if (rs == null || !rs.isArray() || rs.isEmpty()) {
            problem(at, rs == null ? line : at.line(rs, line), "a narrative needs a non-empty list of rules");
        } else {
            Set<String> ruleIds = new HashSet<>();
            for (JsonNode r : rs) {
                List<Rule> readings = readings(at, r, at.line(r, line));
                // As written, so that a rule with other problems still claims its id (see compile).
                String ruleId = text(r, "id");
                if (ruleId != null && !ruleIds.add(ruleId)) {
                    problem(at, at.line(r, line), "rule id '" + ruleId + "' is used twice");
                } else {
                    rules.addAll(readings);
                }
            }
        }
        List<Narrative.Example> positive = new ArrayList<>();
        List<Narrative.Example> negative = new ArrayList<>();
        JsonNode ex = n.get("examples");
        if (ex != null && ex.isObject()) {
            checkKeys(at, ex, EXAMPLE_KEYS, at.line(ex, line), "");
            positive.addAll(examples(at, ex, "positive", line));
            negative.addAll(examples(at, ex, "negative", line));
        } else if (ex != null) {
            problem(at, at.line(ex, line), "examples is a mapping with positive and negative sentence lists");
        }
        if (positive.isEmpty()) {
            problem(at, ex == null ? line : at.line(ex, line), "a narrative needs at least one positive example sentence");
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new Narrative(id, title.strip(), text(n, "description") == null ? "" : text(n, "description").strip(),
                labels, threshold, articleThreshold, denial != null && denial.asBoolean(), context, framing, rules,
                positive, negative, fileAt.file(), line);
    }

    /**
     * A rule as written, and, when it has a {@code claim:} mapping, a second reading with its id that only
     * claims get: the rule with the keys of {@code claim:} in place of its own (a key given as null there
     * falls back to its default). Empty when the rule has problems.
     */
    private List<Rule> readings(At at, JsonNode r, int line) {
        JsonNode claim = r.isObject() ? r.get("claim") : null;
        if (claim == null) {
            Rule rule = rule(at, r, line, Rule.Scope.ANY);
            return rule == null ? List.of() : List.of(rule);
        }
        String where = "rule '" + text(r, "id") + "': ";
        if (!claim.isObject() || claim.isEmpty()) {
            problem(at, at.line(claim, line), where + "claim is a mapping of the keys that read differently in a claim");
            return List.of();
        }
        // A shallow copy: its values are the nodes the parser read, so a problem in one keeps its line.
        ObjectNode inClaims = at.yaml().copy((ObjectNode) r);
        inClaims.remove("claim");
        for (Iterator<Map.Entry<String, JsonNode>> it = claim.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!CLAIM_KEYS.contains(e.getKey())) {
                problem(at, at.keyLine(claim, e.getKey(), line), where + "claim: unknown key '" + e.getKey() + "' (allowed: "
                        + String.join(", ", new TreeSet<>(CLAIM_KEYS)) + ")");
            } else if (e.getValue().isNull()) {
                inClaims.remove(e.getKey());
            } else {
                inClaims.set(e.getKey(), e.getValue());
            }
        }
        // The claim reading reads the rule's own keys again: a problem in one of them is reported once (see problem).
        Rule everywhere = rule(at, r, line, Rule.Scope.ANY);
        Rule inClaim = rule(at, inClaims, line, Rule.Scope.CLAIM);
        return everywhere == null || inClaim == null ? List.of() : List.of(everywhere, inClaim);
    }

    private Rule rule(At at, JsonNode r, int line, Rule.Scope scope) {
        if (!r.isObject()) {
            problem(at, line, "a rule is a mapping with id and trigger or tokensregex");
            return null;
        }
        int before = problems.size();
        String id = text(r, "id");
        String where = "rule '" + id + "': ";
        checkKeys(at, r, RULE_KEYS, line, where);
        for (String key : List.of("id", "tokensregex", "actor", "target", "negation")) {
            checkText(at, r, key, line, where);
        }
        if (id == null || !ID.matcher(id).matches()) {
            problem(at, line, "rule needs an id of lower case letters, digits, _ or -");
        }
        double weight = number(at, r, "weight", 1.0, line);
        checkWeight(at, r, "weight", line, where);
        int maxGap = (int) number(at, r, "max_gap", Phrase.DEFAULT_GAP, line);
        int within = (int) number(at, r, "within", 0, line);
        if (within < 0 || maxGap < 0) {
            problem(at, line, where + "within and max_gap cannot be negative");
        }
        List<Phrase> trigger = phrases(at, r.get("trigger"), maxGap, line, where + "trigger: ");
        String tokensRegexSource = text(r, "tokensregex");
        TokenSequencePattern tokensRegex = null;
        if (tokensRegexSource != null) {
            try {
                tokensRegex = TokenSequencePattern.compile(tokensRegexSource);
                String catastrophic = probePatterns ? PatternProbe.tokensRegex(tokensRegexSource, tokensRegex) : null;
                if (catastrophic != null) {
                    problem(at, at.line(r.get("tokensregex"), line), where + catastrophic);
                }
            } catch (RuntimeException e) {
                problem(at, at.line(r.get("tokensregex"), line), where + "bad TokensRegex pattern: "
                        + firstLine(e.getMessage()));
            }
        }
        if ((r.get("trigger") == null) == (tokensRegexSource == null)) {
            problem(at, line, where + "give exactly one of trigger (phrases) or tokensregex");
        }
        int actor = groupRef(at, r, "actor", line, where);
        int target = groupRef(at, r, "target", line, where);
        List<List<Phrase>> with = new ArrayList<>();
        JsonNode w = r.get("with");
        if (w != null) {
            if (!w.isArray()) {
                problem(at, at.line(w, line), where + "with is a list; each item (a phrase or a list of phrases) must match");
            } else {
                for (JsonNode item : w) {
                    with.add(phrases(at, item, maxGap, at.line(item, line), where + "with: "));
                }
            }
        }
        List<Phrase> without = r.get("without") == null ? List.of()
                : phrases(at, r.get("without"), maxGap, line, where + "without: ");
        Rule.Negation negation = Rule.Negation.SKIP;
        String neg = text(r, "negation");
        if (neg != null && !r.get("negation").isBoolean()) { // an unquoted no: reported as not text already
            try {
                negation = Rule.Negation.valueOf(neg.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(at, at.line(r.get("negation"), line), where + "negation is skip, ignore or require, not '" + neg + "'");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Rule(id, weight, trigger, tokensRegex, actor, target, with, without, within, negation, scope);
    }

    private int groupRef(At at, JsonNode r, String key, int line, String where) {
        String name = text(r, key);
        if (name == null) {
            return -1;
        }
        Integer g = groupIndex.get(name.strip());
        if (g == null) {
            problem(at, at.line(r.get(key), line), where + key + " refers to unknown group '" + name + "'");
            return -1;
        }
        return g;
    }

    /** A phrase or list of phrases. */
    private List<Phrase> phrases(At at, JsonNode node, int maxGap, int line, String where) {
        if (node == null) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty()) {
            problem(at, at.line(node, line), where + "empty phrase list");
        }
        List<Phrase> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                problem(at, at.line(item, line), where + "a phrase must be a string, found " + StrictYaml.found(item));
                continue;
            }
            int itemLine = at.line(item, line);
            try {
                out.add(phrase(item.asText(), name -> groupIndex.getOrDefault(name, -1), maxGap, at, itemLine, where));
            } catch (Phrase.PatternException e) {
                problem(at, itemLine, where + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The example sentences under {@code key}. A blank one (a {@code positive:} or a {@code -} left empty) is a
     * problem and no example: it would count as a negative example that passes, or fail as a positive one
     * the analyst never wrote, and would hide that a narrative has no positive example at all.
     */
    private List<Narrative.Example> examples(At at, JsonNode parent, String key, int line) {
        List<Narrative.Example> out = new ArrayList<>();
        for (JsonNode s : strings(at, parent, key, line)) {
            if (s.asText().isBlank()) {
                problem(at, at.line(s, line), key + ": empty example sentence");
            } else {
                out.add(new Narrative.Example(s.asText(), at.line(s, line)));
            }
        }
        return out;
    }

    private List<JsonNode> strings(At at, JsonNode parent, String key, int line) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node);
            return out;
        }
        if (!node.isArray()) {
            problem(at, at.line(node, line), key + " is a list of strings");
            return out;
        }
        for (JsonNode item : node) {
            if (item.isTextual() || item.isNumber()) {
                out.add(item);
            } else {
                problem(at, at.line(item, line), key + ": each item must be a string, found " + StrictYaml.found(item));
            }
        }
        return out;
    }

    /** {@code where}: what the node is, when the narrative alone does not say ("rule 'x': "), else "". */
    private void checkKeys(At at, JsonNode node, Set<String> allowed, int line, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(at, at.keyLine(node, key, line), where + "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * A key whose value is text must not hold a boolean: that is YAML's reading of an unquoted yes, no, on
     * or off (a title "Yes" would be listed as "true").
     */
    private void checkText(At at, JsonNode parent, String key, int line, String where) {
        JsonNode node = parent.get(key);
        if (node != null && node.isBoolean()) {
            problem(at, at.keyLine(parent, key, line), where + key + " must be text, found " + StrictYaml.found(node));
        }
    }

    private double number(At at, JsonNode parent, String key, double dflt, int line) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return dflt;
        }
        if (!node.isNumber()) {
            problem(at, at.line(node, line), key + " must be a number, not '" + node.asText() + "'");
            return dflt;
        }
        return node.asDouble();
    }

    /**
     * A weight or threshold, when written as a number (else {@link #number} reports it), must be above 0
     * and at most {@link #MAX_WEIGHT}: a weight of 0 or less would add no evidence or take some away, a
     * threshold of 0 would let any evidence carry the narrative, and an infinite one none.
     */
    private void checkWeight(At at, JsonNode parent, String key, int line, String where) {
        JsonNode node = parent.get(key);
        if (node != null && node.isNumber() && !(node.asDouble() > 0 && node.asDouble() <= MAX_WEIGHT)) {
            problem(at, at.line(node, line), where + key + " must be above 0 and at most " + MAX_WEIGHT + ", not "
                    + node.asText());
        }
    }

    private static String text(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /**
     * Reports a problem once: the same nodes are read again for a rule's claim reading and for every group
     * that includes a group, and would otherwise repeat their problems.
     */
    private void problem(At at, int line, String message) {
        problemsFound++;
        CatalogProblem problem = new CatalogProblem(at.file(), line, at.narrative(), message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /**
     * The id of the narrative whose entry holds a line (from 1), or null when the line is outside the
     * {@code narratives:} list or its entry has no id: read from the text, since a file that is not valid
     * YAML has no tree. An entry runs from its "- " at the list's indentation (its keys two further in)
     * to the next one; its id is on the "- " line or on a line of its own keys.
     */
    private static String narrativeAt(String text, int line) {
        List<String> lines = text.lines().toList();
        boolean inNarratives = false;
        int entryIndent = -1;
        int entry = -1;
        for (int i = 0; i < Math.min(line, lines.size()); i++) {
            String content = lines.get(i).strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = indent(lines.get(i));
            boolean item = content.equals("-") || content.startsWith("- ");
            if (indent == 0 && !item) {
                // A top-level key; the line in question may be one too (a second "groups:" is no narrative's).
                inNarratives = content.matches("narratives\\s*:\\s*(?:#.*)?");
                entryIndent = -1;
                entry = -1;
            } else if (inNarratives && item && (entryIndent < 0 || indent < entryIndent + 2)) {
                // Deeper items are the entry's own lists (rules); one indented a little off, as a
                // mistyped entry is, still opens a new entry.
                entryIndent = entryIndent < 0 ? indent : entryIndent;
                entry = i;
            }
        }
        if (entry < 0) {
            return null;
        }
        Matcher onDash = ID_LINE.matcher(lines.get(entry).strip().substring(1).strip());
        if (onDash.matches()) {
            return idOf(onDash);
        }
        // Else the id is one of the entry's own keys: its least indented lines (rules and text are deeper),
        // leaving out the line in question, whose indentation may be what is wrong.
        int keyIndent = Integer.MAX_VALUE;
        String id = null;
        for (int i = entry + 1; i < lines.size(); i++) {
            String content = lines.get(i).strip();
            if (content.isEmpty() || content.startsWith("#") || i == line - 1) {
                continue;
            }
            int indent = indent(lines.get(i));
            if (indent <= entryIndent) {
                break;
            }
            if (indent < keyIndent) {
                keyIndent = indent;
                id = null;
            }
            Matcher key = ID_LINE.matcher(content);
            if (indent == keyIndent && id == null && key.matches()) {
                id = idOf(key);
            }
        }
        return id;
    }

    private static String idOf(Matcher idLine) {
        return idLine.group(2).isBlank() ? null : idLine.group(2).strip();
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
