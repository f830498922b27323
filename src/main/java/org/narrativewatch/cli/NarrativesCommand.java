package org.narrativewatch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.narrativewatch.narratives.Catalog;
import org.narrativewatch.narratives.CatalogProblem;
import org.narrativewatch.narratives.ExampleCheck;
import org.narrativewatch.narratives.Narrative;
import org.narrativewatch.output.AtomicFiles;
import org.narrativewatch.pipeline.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code narrative-watch narratives list|validate|test|export}: work on the narrative catalog. */
@Command(name = "narratives", mixinStandardHelpOptions = true,
        description = "Lists, validates, tests and exports the narrative catalog (models/narratives/ or --narratives PATH).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage error (no or unknown subcommand)",
            "3:the catalog or a model cannot be read", "4:validate or test found problems"},
        subcommands = {NarrativesCommand.ListNarratives.class, NarrativesCommand.Validate.class,
            NarrativesCommand.TestExamples.class, NarrativesCommand.Export.class})
final class NarrativesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per narrative: id, rules, external labels, title.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed", "2:usage error", "3:the catalog cannot be read"})
    static final class ListNarratives implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOption catalog;

        @Override
        public Integer call() throws Exception {
            Catalog c = Catalog.load(catalog.path());
            PrintWriter out = spec.commandLine().getOut();
            for (Narrative n : c.narratives()) {
                List<String> labels = n.labels().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(l -> e.getKey() + ":" + l)).toList();
                out.printf(Locale.ROOT, "%-28s %2d rules  %-46s %s%n", n.id(), n.ruleCount(),
                        labels.isEmpty() ? "-" : String.join(", ", labels), n.title());
            }
            // A message, not a row: stdout is only the rows, for cut, sort and awk.
            spec.commandLine().getErr().printf(Locale.ROOT, "%d narratives, %d groups, catalog %s (%s)%n", c.narratives().size(),
                    c.groupCount(), c.hash(), c.origin());
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks the schema, compiles every pattern and runs each TokensRegex on adversarial probes "
                    + "(catastrophic backtracking); prints each problem as FILE:LINE: NARRATIVE: message.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the catalog is valid", "2:usage error", "3:the catalog cannot be read", "4:problems found"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CatalogOption catalog;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Catalog.Checked checked = Catalog.check(catalog.path(), true);
            for (CatalogProblem p : checked.problems()) {
                out.println(p);
            }
            if (!checked.ok()) {
                out.printf(Locale.ROOT, "%d problem(s) in %d file(s)%n", checked.problems().size(), checked.files());
                return ExitCodes.CHECK_FAILED;
            }
            Catalog c = checked.catalog();
            int rules = c.narratives().stream().mapToInt(Narrative::ruleCount).sum();
            out.printf(Locale.ROOT, "ok: %d narratives, %d rules, %d groups in %d file(s), catalog %s%n",
                    c.narratives().size(), rules, c.groupCount(), checked.files(), c.hash());
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs every narrative's example sentences through the pipeline; positive ones, read as claims, must fire; "
                    + "negative ones, read as sentences of an article, must not.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every example behaved", "2:usage error", "3:the catalog or a model cannot be loaded",
                "4:some examples failed"})
    static final class TestExamples implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ModelOptions models;

        @Override
        public Integer call() throws Exception {
            Models loaded = Models.load(models.pipelineOptions(false));
            ExampleCheck.Result result = ExampleCheck.run(loaded.pipeline(), loaded.narratives());
            List<ExampleCheck.Failure> failures = result.failures();
            PrintWriter out = spec.commandLine().getOut(); // System.out may be CoreNLP's by now
            failures.forEach(out::println);
            out.printf(Locale.ROOT, "%d examples of %d narratives: %d passed, %d failed%n", result.examples(),
                    loaded.narratives().narratives().size(), result.examples() - failures.size(), failures.size());
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the packaged catalog's YAML files (models/narratives/ in the jar) into DIR, made if "
                    + "need be: to extend them and use them with --narratives DIR.",
                "Refuses to replace a file DIR already has, unless --force."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "2:usage error (a file exists and no --force)",
                "3:the catalog cannot be read or DIR cannot be written"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Folder to write the catalog files into.")
        Path dir;

        @Option(names = "--force", description = "Replace files DIR already has.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            OutputPaths.refuseStandardOutput(spec.commandLine(), "DIR", dir.toString(),
                    "the catalog is several files, written into a folder");
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ParameterException(spec.commandLine(), dir + ": is not a folder");
            }
            Map<String, String> files = Catalog.packagedFiles();
            OutputPaths.refuseExisting(spec.commandLine(), files.keySet().stream().map(dir::resolve).toList(), force);
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                AtomicFiles.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "wrote %d files of the packaged catalog to %s%n", files.size(), dir);
            return ExitCodes.OK;
        }
    }
}
