package org.narrativewatch.narratives;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.narrativewatch.yaml.StrictYaml;

/**
 * The YAML files of a catalog: a file or folder the user names, or the {@code models/narratives/}
 * folder packaged in the jar (listed through the jar's file system, so no index file has to be
 * kept in step). Files come in name order, so the catalog and its hash do not depend on the disk.
 */
final class CatalogFiles {
    static final String PACKAGED = "models/narratives";

    /**
     * One catalog file: a name for messages (path as the user gave it, or models/narratives/NAME) and its
     * text; or, for a file that is not UTF-8, no text and the problem that says where it stops being UTF-8.
     */
    record CatalogFile(String name, String text, CatalogProblem notUtf8) {
        CatalogFile(String name, String text) {
            this(name, text, null);
        }
    }

    private CatalogFiles() {
    }

    static List<CatalogFile> read(Path override) throws IOException {
        if (override != null) {
            if (!Files.exists(override)) {
                throw new IOException("narrative catalog " + override + " does not exist");
            }
            return Files.isDirectory(override) ? readFolder(override, override.toString())
                    : readFiles(Map.of(override.toString(), override));
        }
        URL url = CatalogFiles.class.getResource("/" + PACKAGED);
        if (url == null) {
            throw new IOException(PACKAGED + "/ is not packaged in the jar");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + PACKAGED + "/: " + url, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return readFolder(Path.of(uri), PACKAGED);
        }
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
            return readFolder(fs.getPath("/" + PACKAGED), PACKAGED);
        } catch (FileSystemAlreadyExistsException e) {
            return readFolder(FileSystems.getFileSystem(uri).getPath("/" + PACKAGED), PACKAGED);
        }
    }

    private static List<CatalogFile> readFolder(Path folder, String shownAs) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(CatalogFiles::isCatalogFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .yaml or .yml files in narrative catalog folder " + shownAs
                    + " (hidden ones, named .*, are not read)");
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) {
            byName.put(shownAs + "/" + f.getFileName(), f);
        }
        return readFiles(byName);
    }

    /**
     * A file of a catalog folder: a .yaml or .yml file in any case ("ukraine.YAML" from a system
     * that writes extensions in capitals), unless it is hidden. Hidden files are not the analysts'
     * own: the "._west.yaml" that a Mac writes beside each file on a shared drive or in a zip, an
     * editor's backup, a ".draft.yaml" set aside; read, they would stop every run or define each
     * narrative twice. Input folders skip them too. A folder is no file, whatever its name: an
     * "old.yaml/" kept as a backup beside the files is skipped like any other folder.
     */
    private static boolean isCatalogFile(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !Files.isDirectory(file);
    }

    /**
     * Reads catalog files (by the name messages give them, in order) as UTF-8. A file that is not is kept
     * with its problem, so that the other files are still compiled and their problems reported with it.
     */
    private static List<CatalogFile> readFiles(Map<String, Path> files) throws IOException {
        List<CatalogFile> out = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            try {
                out.add(new CatalogFile(file.getKey(), StrictYaml.text(Files.readAllBytes(file.getValue()))));
            } catch (JsonProcessingException e) {
                StrictYaml.ParseError error = StrictYaml.ParseError.of(e);
                out.add(new CatalogFile(file.getKey(), null,
                        new CatalogProblem(file.getKey(), error.line(), null, "not valid YAML: " + error.reason())));
            }
        }
        return out;
    }
}
