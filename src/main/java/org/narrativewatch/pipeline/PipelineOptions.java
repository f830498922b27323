package org.narrativewatch.pipeline;

import java.nio.file.Path;

/**
 * What the pipeline loads and how it analyses.
 *
 * @param entities        entity gazetteer to use instead of the packaged models/entities.yaml, or null
 * @param narratives      narrative catalog (file or folder) instead of the packaged one, or null
 * @param boilerplate     page-layout rules instead of the packaged models/boilerplate.yaml, or null
 * @param ner             whether to run the statistical NER model (untracked PERSON/ORG/LOCATION mentions);
 *                        off by default, as it costs about three quarters of the analysis time
 * @param detectLanguage  whether to detect the language (off for short English-only texts such as claim titles)
 */
public record PipelineOptions(Path entities, Path narratives, Path boilerplate, boolean ner,
                              boolean detectLanguage) {
    public static PipelineOptions defaults() {
        return new PipelineOptions(null, null, null, false, true);
    }
}
