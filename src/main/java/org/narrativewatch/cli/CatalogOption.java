package org.narrativewatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --narratives PATH}: part of {@link ModelOptions}, and alone on the commands that only read the catalog. */
public final class CatalogOption {
    @Option(names = "--narratives", paramLabel = "PATH",
            description = "Narrative catalog (a UTF-8 YAML file or a folder of them) instead of the packaged models/narratives/.")
    Path narratives;

    /** The catalog given, or null for the packaged one. */
    public Path path() {
        return narratives;
    }
}
