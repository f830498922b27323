package org.narrativewatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.narrativewatch.pipeline.PipelineOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options that override the packaged models and catalogs, shared by every command that analyses text
 * (and by the Spark job's command line). */
public final class ModelOptions {
    @Option(names = "--entities", paramLabel = "FILE", converter = FileToRead.class,
            description = "Entity gazetteer (UTF-8 YAML) to use instead of the packaged models/entities.yaml.")
    Path entities;

    @Mixin
    CatalogOption catalog;

    @Option(names = "--boilerplate", paramLabel = "FILE", converter = FileToRead.class,
            description = "Page-layout rules (UTF-8 YAML) instead of the packaged models/boilerplate.yaml.")
    Path boilerplate;

    @Option(names = "--ner", negatable = true, defaultValue = "false",
            description = {"Also run CoreNLP's statistical 3-class CRF for untracked PERSON/ORGANIZATION/LOCATION",
                "mentions (entities with via \"ner\"); about 4x slower. Default: off (tracked entities from the gazetteer only)."})
    boolean ner;

    /** The files and the catalog folder given instead of the packaged ones: the command reads them, so writes none. */
    List<OutputPaths.Read> reads() {
        List<OutputPaths.Read> reads = new ArrayList<>();
        if (entities != null) {
            reads.add(new OutputPaths.Read("--entities", entities));
        }
        if (catalog.path() != null) {
            reads.add(new OutputPaths.Read("--narratives", catalog.path()));
        }
        if (boilerplate != null) {
            reads.add(new OutputPaths.Read("--boilerplate", boilerplate));
        }
        return reads;
    }

    public PipelineOptions pipelineOptions() {
        return pipelineOptions(true);
    }

    /** @param detectLanguage false for short English-only texts such as claim titles and example sentences */
    public PipelineOptions pipelineOptions(boolean detectLanguage) {
        return new PipelineOptions(entities, catalog.path(), boilerplate, ner, detectLanguage);
    }
}
