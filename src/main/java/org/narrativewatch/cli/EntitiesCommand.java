package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.narrativewatch.entities.CatalogProblem;
import org.narrativewatch.entities.EntityCatalog;
import org.narrativewatch.entities.Gazetteer;
import org.narrativewatch.entities.TrackedEntity;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.pipeline.Resources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code narrative-watch entities list|validate|export}: looks at the tracked-entity gazetteer. */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Lists, checks or exports the tracked-entity gazetteer (format: docs/entities-format.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error (no or unknown subcommand)", "3:the gazetteer cannot be read",
            "4:validate found problems"})
final class EntitiesCommand implements Runnable {
    private static final String CATALOG = "entities.yaml";
    private static final String LIST = "list";

    @Spec
    CommandSpec spec;

    @Option(names = "--entities", paramLabel = "FILE", converter = FileToRead.class,
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Gazetteer to use instead of the packaged models/entities.yaml.")
    Path entities;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list, validate or export");
    }

    @Command(name = LIST, mixinStandardHelpOptions = true,
            description = "Prints the tracked entities as TSV: id, type, name, aliases, demonyms, metonyms "
                    + "(names separated by ' | ').",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed", "2:usage error (unknown --type)", "3:the gazetteer cannot be read"})
    int list(@Option(names = "--type", paramLabel = "TYPE", description = "Only entities of this type.")
             String type) throws Exception {
        if (type != null && !EntityCatalog.TYPES.contains(type)) {
            // spec is this parent command's (list is one of its methods): the error is list's.
            throw new ParameterException(spec.subcommands().get(LIST), "--type must be one of " + EntityCatalog.TYPES);
        }
        EntityCatalog catalog = EntityCatalog.load(Resources.read(entities, CATALOG),
                Resources.origin(entities, CATALOG));
        PrintWriter out = spec.commandLine().getOut();
        out.println("id\ttype\tname\taliases\tdemonyms\tmetonyms");
        for (TrackedEntity e : catalog.entities()) {
            if (type == null || type.equals(e.type())) {
                out.println(String.join("\t", e.id(), e.type(), e.name(), names(e.aliases()), names(e.demonyms()),
                        names(e.metonyms())));
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Checks the gazetteer: format, ids (Wikidata QID or nw:slug), types, names that "
                    + "two entities share, context cues.",
                "Prints one line per problem (entry: field: message)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:valid", "2:usage error", "3:the file cannot be read", "4:problems found"})
    int validate() throws Exception {
        String origin = Resources.origin(entities, CATALOG);
        byte[] yaml = Resources.read(entities, CATALOG);
        List<CatalogProblem> problems = EntityCatalog.validate(yaml, origin);
        PrintWriter out = spec.commandLine().getOut();
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            out.println(origin + ": " + problems.size() + " problem(s)");
            return ExitCodes.CHECK_FAILED;
        }
        EntityCatalog catalog = EntityCatalog.load(yaml, origin);
        long withQid = catalog.entities().stream().filter(e -> e.id().startsWith("Q")).count();
        out.println(origin + ": valid, " + catalog.entities().size() + " entities (" + withQid
                + " with a Wikidata QID, " + (catalog.entities().size() - withQid) + " with a project id), "
                + new Gazetteer(catalog).size() + " names");
        return ExitCodes.OK;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the gazetteer as YAML (the packaged models/entities.yaml, or --entities FILE) to "
                    + "FILE, or to standard output for -: to extend it and use it with --entities FILE.",
                "Refuses to replace a file that exists, unless --force."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "2:usage error (the file exists and no --force)",
                "3:the gazetteer cannot be read or FILE cannot be written"})
    int export(@Parameters(paramLabel = "FILE", description = "File to write, or - for standard output.") Path file,
               @Option(names = "--force", description = "Replace FILE if it exists.") boolean force) throws Exception {
        if ("-".equals(file.toString())) {
            spec.commandLine().getOut().print(new String(Resources.read(entities, CATALOG), StandardCharsets.UTF_8));
            return ExitCodes.OK;
        }
        CommandLine export = spec.subcommands().get("export");
        // What FILE is (a folder, a device, in no folder) is checked first: --force would not help.
        // "-" is standard output (above), so fileToReplace has no reason to give for refusing it.
        Path target = OutputPaths.fileToReplace(export, "FILE", file, "", List.of());
        OutputPaths.refuseExisting(export, List.of(file), force);
        AtomicFiles.write(target, Resources.read(entities, CATALOG));
        return ExitCodes.OK;
    }

    private static String names(List<String> names) {
        return String.join(" | ", names);
    }
}
