package org.narrativewatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.narrativewatch.ingest.Ingest;
import org.narrativewatch.job.AnalyzeJob;
import org.narrativewatch.job.LayerCache;
import org.narrativewatch.output.OutputFolderLock;
import org.narrativewatch.report.ReportJob;
import org.narrativewatch.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks of the options that name what a command writes (analyze --out, --jsonl and --db, report
 * --out and --db, evaluate narratives --predictions, train-tagger --out, narratives export DIR,
 * entities export FILE, the Spark job's --out), made before
 * anything is read, created or written, so that a mistake is a usage error that touches nothing.
 * Above all, no output may replace a file that the same command reads: the file is replaced by a
 * rename, which neither its read-only mode nor the command's own error handling would stop.
 */
public final class OutputPaths {
    /**
     * What an analyze or report run writes in the output folder itself: its folders, files, the
     * embedded SQL store with the files SQLite keeps beside it, and the lock.
     */
    private static final Set<String> OUTPUT_FOLDER_ENTRIES = outputFolderEntries();

    /** What the command reads: a file, or a folder whose files it reads, and the option that names it ("INPUT" for one). */
    record Read(String option, Path path) {
    }

    private OutputPaths() {
    }

    /**
     * Refuses "-" where a command cannot write to standard output: taken as a name, it would make a
     * file or folder called "-" where the user meant the terminal or a pipe ({@code why} says why
     * it cannot; for a file really called "-", "./-" names it).
     */
    public static void refuseStandardOutput(CommandLine cli, String option, String value, String why) {
        if ("-".equals(value)) {
            throw new ParameterException(cli, option + " -: " + why + "; to name a file or folder called -, write ./-");
        }
    }

    /**
     * The file that {@code option} names for the command to replace when it has finished, links
     * resolved. Refuses "-" ({@code whyNotStandardOutput}), a folder, a pipe or device (the file is
     * written under a temporary name beside it and renamed), a file in a folder that does not exist
     * (a mistyped folder must not be created), and anything the command reads ({@code reads}).
     */
    static Path fileToReplace(CommandLine cli, String option, Path value, String whyNotStandardOutput,
                              List<Read> reads) {
        refuseStandardOutput(cli, option, value.toString(), whyNotStandardOutput);
        refuseFolder(cli, option, value);
        if (isStream(value)) {
            throw new ParameterException(cli, option + " " + value + ": is not a regular file (a pipe or a device); "
                    + "name a file");
        }
        Path file = inExistingFolder(cli, option, value, null);
        refuseRead(cli, option, value, file, reads);
        return file;
    }

    /**
     * Refuses to replace, without --force, files that exist (an analyst's edited copy): all are
     * checked before any is written, so that a refused export replaces none of them.
     */
    static void refuseExisting(CommandLine cli, List<Path> files, boolean force) {
        if (force) {
            return;
        }
        List<String> existing = files.stream().filter(Files::exists).map(Path::toString).toList();
        if (!existing.isEmpty()) {
            throw new ParameterException(cli, String.join(", ", existing) + (existing.size() == 1
                    ? " exists; pass --force to replace it" : " exist; pass --force to replace them"));
        }
    }

    static void refuseFolder(CommandLine cli, String option, Path value) {
        if (Files.isDirectory(value)) {
            throw new ParameterException(cli, option + " " + value + ": is a folder; name a file");
        }
    }

    /**
     * Whether a path names a stream to write as the data comes rather than a file to replace: a
     * pipe or a terminal, and whatever exists under /dev and /proc (/dev/stdout, /dev/fd/1), which may
     * be a file the shell opened for appending: replacing that file would lose what it held. A new
     * file there (/dev/shm/records.jsonl, in memory) is a file like any other.
     */
    static boolean isStream(Path path) {
        Path named = path.toAbsolutePath().normalize();
        return Files.exists(path) && (named.startsWith("/dev") || named.startsWith("/proc") || !Files.isRegularFile(path));
    }

    /**
     * The file {@code value} names, links resolved, after checking that its folder exists or is
     * {@code folderToBe}, a folder the command makes before writing (null for none).
     */
    static Path inExistingFolder(CommandLine cli, String option, Path value, Path folderToBe) {
        Path folder = value.toAbsolutePath().normalize().getParent();
        boolean madeByTheCommand = folderToBe != null && folder.equals(folderToBe.toAbsolutePath().normalize())
                && !Files.exists(folder);
        if (!Files.isDirectory(folder) && !madeByTheCommand) {
            throw new ParameterException(cli, option + " " + value + ": "
                    + (Files.exists(folder) ? folder + " is not a folder" : "no such folder " + folder));
        }
        return realFile(value);
    }

    /** The file {@code value} names, links resolved, also those of its folder when the file does not exist yet. */
    static Path realFile(Path value) {
        return Files.exists(value) ? Ingest.realPath(value)
                : Ingest.realPath(value.toAbsolutePath().normalize().getParent()).resolve(value.getFileName());
    }

    /**
     * Refuses a {@code file} (links resolved) that another option names where an analyze or report
     * run into {@code out} writes its own output: the output folder itself, a file in a folder the
     * run fills inside it (articles/, html/, ...: the run deletes files there) or one of the run's own
     * files there (summary.json, errors.jsonl, index.html, the embedded SQL store, the lock, ...): one
     * would overwrite or replace the other. A file of another name in the output folder is fine.
     */
    static void refuseRunOutput(CommandLine cli, String option, String value, Path file, Path out) {
        Path outReal = Ingest.realPath(out);
        if (file.equals(outReal)) {
            throw new ParameterException(cli, option + " " + value + ": is the output folder (--out " + out + ")");
        }
        if (file.startsWith(outReal) && !file.getParent().equals(outReal)) {
            throw new ParameterException(cli, option + " " + value + ": is in a folder that the run fills inside the "
                    + "output folder (--out " + out + "); name a file in " + out + " itself or elsewhere");
        }
        String name = file.getFileName().toString();
        if (file.getParent().equals(outReal) && OUTPUT_FOLDER_ENTRIES.contains(name)) {
            throw new ParameterException(cli, option + " " + value + ": is the run's own " + name
                    + " in the output folder (--out " + out + "); name another file");
        }
    }

    /**
     * Refuses a {@code file} (links resolved) that the command reads, or that lies in a folder whose
     * files it reads: it would replace the command's own input (the gold file, an article) or be
     * read back as one.
     */
    static void refuseRead(CommandLine cli, String option, Path value, Path file, List<Read> reads) {
        for (Read read : reads) {
            Path real = Ingest.realPath(read.path());
            if (file.equals(real)) {
                throw new ParameterException(cli, option + " " + value + ": is read by this command (" + read.option()
                        + " " + read.path() + "); name a file it does not read");
            }
            if (file.startsWith(real)) {
                throw new ParameterException(cli, option + " " + value + ": lies in " + read.path() + " ("
                        + read.option() + "), a folder whose files this command reads; name a file outside it");
            }
        }
    }

    private static Set<String> outputFolderEntries() {
        List<String> names = new ArrayList<>(List.of(AnalyzeJob.ARTICLES_DIR, AnalyzeJob.ERRORS_FILE,
                AnalyzeJob.SUMMARY_FILE, LayerCache.DIR, ReportJob.INDEX_HTML, ReportJob.AGGREGATES_DIR,
                ReportJob.CSV_DIR, ReportJob.ELASTICSEARCH_DIR, ReportJob.HTML_DIR, OutputFolderLock.FILE));
        Store.sqliteFiles(Path.of(Store.EMBEDDED_FILE)).forEach(file -> names.add(file.getFileName().toString()));
        return Set.copyOf(names);
    }
}
