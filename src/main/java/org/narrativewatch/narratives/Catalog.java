package org.narrativewatch.narratives;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tracked narratives and the groups their rules refer to, compiled from the YAML files of
 * {@code models/narratives/} (or a user-given file or folder). Immutable; loaded once per process.
 * The format is documented in docs/narratives-format.md.
 */
public final class Catalog {
    private final List<Narrative> narratives;
    private final List<Group> groups;
    private final String hash;
    private final String origin;

    Catalog(List<Narrative> narratives, List<Group> groups, String hash, String origin) {
        this.narratives = List.copyOf(narratives);
        this.groups = List.copyOf(groups);
        this.hash = hash;
        this.origin = origin;
    }

    /** The result of checking a catalog: the catalog when it compiled, and every problem found. */
    public record Checked(Catalog catalog, List<CatalogProblem> problems, int files) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Loads and compiles a catalog; {@code override} is a file or folder, null for the packaged one.
     * An analyst's catalog has its TokensRegex patterns probed as {@code narratives validate} does:
     * a {@code /regex/} on a token runs inside CoreNLP on a {@code String}, where neither an
     * interrupt nor a deadline can stop it, so a catastrophic one must not reach a run. The
     * packaged catalog's patterns are probed by the tests instead of at every start.
     */
    public static Catalog load(Path override) throws IOException {
        Checked checked = check(override, override != null);
        if (!checked.ok()) {
            throw new CatalogException(checked.problems());
        }
        return checked.catalog();
    }

    /** Reads and compiles a catalog, collecting every schema and pattern problem instead of stopping at the first. */
    public static Checked check(Path override) throws IOException {
        return check(override, false);
    }

    /**
     * Like {@link #check(Path)}; with {@code probePatterns}, also runs every TokensRegex pattern on
     * adversarial probes and reports the ones that backtrack catastrophically ({@code narratives validate}).
     */
    public static Checked check(Path override, boolean probePatterns) throws IOException {
        List<CatalogFiles.CatalogFile> files = CatalogFiles.read(override);
        Checked checked = compile(files, override != null ? override.toString() : "jar:" + CatalogFiles.PACKAGED + "/",
                probePatterns);
        if (checked.ok() && checked.catalog().narratives().isEmpty()) {
            // Files of groups alone compile, but as a whole catalog they would match nothing, silently.
            String where = files.size() == 1 ? files.get(0).name()
                    : override != null ? override.toString() : CatalogFiles.PACKAGED;
            return new Checked(null, List.of(new CatalogProblem(where, 1, null,
                    "the catalog defines no narratives, so no article would ever carry one")), files.size());
        }
        return checked;
    }

    /**
     * The packaged catalog's files as file name (west.yaml) and text, in name order: what
     * {@code narratives export} writes for an analyst to extend and use with {@code --narratives}.
     */
    public static Map<String, String> packagedFiles() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (CatalogFiles.CatalogFile f : CatalogFiles.read(null)) {
            out.put(f.name().substring(f.name().lastIndexOf('/') + 1), f.text());
        }
        return out;
    }

    static Checked compile(List<CatalogFiles.CatalogFile> files, String origin) {
        return compile(files, origin, false);
    }

    static Checked compile(List<CatalogFiles.CatalogFile> files, String origin, boolean probePatterns) {
        CatalogCompiler compiler = new CatalogCompiler(probePatterns);
        compiler.compile(files);
        List<CatalogProblem> problems = compiler.problems();
        Catalog catalog = problems.isEmpty()
                ? new Catalog(compiler.narratives(), compiler.groups(), hash(files), origin) : null;
        return new Checked(catalog, problems, files.size());
    }

    private static String hash(List<CatalogFiles.CatalogFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CatalogFiles.CatalogFile f : files) {
                String name = f.name().substring(f.name().lastIndexOf('/') + 1);
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Narrative> narratives() {
        return narratives;
    }

    List<Group> groups() {
        return groups;
    }

    public int groupCount() {
        return groups.size();
    }

    public Narrative narrative(String id) {
        return narratives.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** Catalog content hash (file names and text), recorded in every record's versions as "narratives". */
    public String hash() {
        return hash;
    }

    public String origin() {
        return origin;
    }

    /** The label schemes (such as euvsdisinfo) that at least one narrative maps labels in, in catalog order. */
    public Set<String> schemes() {
        Set<String> out = new LinkedHashSet<>();
        for (Narrative n : narratives) {
            n.labels().forEach((scheme, labels) -> {
                if (!labels.isEmpty()) {
                    out.add(scheme);
                }
            });
        }
        return out;
    }

    /** The external labels of a scheme that at least one narrative maps to, in catalog order. */
    public Set<String> labels(String scheme) {
        Set<String> out = new LinkedHashSet<>();
        for (Narrative n : narratives) {
            out.addAll(n.labels(scheme));
        }
        return out;
    }

    /** Whether any rule is a TokensRegex pattern (then the matcher builds CoreNLP tokens per sentence). */
    boolean usesTokensRegex() {
        return narratives.stream().flatMap(n -> n.rules().stream()).anyMatch(r -> r.tokensRegex() != null);
    }
}
