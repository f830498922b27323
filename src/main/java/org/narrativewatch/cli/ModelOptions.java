package org.narrativewatch.cli;

import java.nio.file.Path;
import org.narrativewatch.pipeline.PipelineOptions;
import picocli.CommandLine.Option;

/** Options that override the packaged models and catalogs, shared by every command that analyses text
 * (and by the Spark job's command line). */
public final class ModelOptions {
    @Option(names = "--entities", paramLabel = "FILE",
            description = "Entity gazetteer to use instead of the packaged models/entities.yaml.")
    Path entities;

    @Option(names = "--narratives", paramLabel = "PATH",
            description = "Narrative catalog (a YAML file or a folder of them) instead of the packaged models/narratives/.")
    Path narratives;

    @Option(names = "--boilerplate", paramLabel = "FILE",
            description = "Page-layout rules instead of the packaged models/boilerplate.yaml.")
    Path boilerplate;

    @Option(names = "--no-ner", negatable = true, defaultValue = "true",
            description = "Run (or skip) the statistical NER model for untracked PERSON/ORGANIZATION/LOCATION mentions. Default: on.")
    boolean ner = true;

    public PipelineOptions pipelineOptions() {
        return new PipelineOptions(entities, narratives, boilerplate, ner, true);
    }
}
