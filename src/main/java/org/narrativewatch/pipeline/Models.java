package org.narrativewatch.pipeline;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.narrativewatch.entities.EntityCatalog;
import org.narrativewatch.entities.EntityStage;
import org.narrativewatch.entities.Gazetteer;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.narratives.Catalog;
import org.narrativewatch.narratives.NarrativeMatcher;
import org.narrativewatch.narratives.NarrativeStage;
import org.narrativewatch.nlp.CoreNlpStage;
import org.narrativewatch.nlp.LanguageStage;

/**
 * Loads every model and catalog once per process (or per Spark executor) and builds the pipeline
 * from them. Everything here is immutable after loading and shared by all threads.
 */
public final class Models {
    private final PipelineOptions options;
    private final PageLayout layout;
    private final Pipeline pipeline;
    private final Catalog narratives;
    private final Map<String, String> versions;

    private Models(PipelineOptions options, PageLayout layout, Pipeline pipeline, Catalog narratives,
                   Map<String, String> versions) {
        this.options = options;
        this.layout = layout;
        this.pipeline = pipeline;
        this.narratives = narratives;
        this.versions = versions;
    }

    public static Models load(PipelineOptions options) throws IOException {
        RedwoodConfiguration.current().clear().apply(); // CoreNLP's own logging would bury ours on stderr
        Map<String, String> versions = new TreeMap<>(codeVersions());

        byte[] boilerplate = Resources.read(options.boilerplate(), "boilerplate.yaml");
        versions.put("boilerplate", "sha256:" + ArticleIds.sha256(new String(boilerplate)).substring(0, 16));
        PageLayout layout = PageLayout.load(new ByteArrayInputStream(boilerplate));

        // The catalog loads before CoreNLP so that a broken catalog fails in milliseconds.
        Catalog narratives = Catalog.load(options.narratives());
        versions.put("narratives", narratives.hash());

        List<Stage> stages = new ArrayList<>();
        if (options.detectLanguage()) {
            stages.add(new LanguageStage(LanguageStage.loadModel()));
        }
        Properties props = CoreNlpStage.properties(options.ner());
        stages.add(new CoreNlpStage(new StanfordCoreNLP(props), options.ner()));

        byte[] entities = Resources.read(options.entities(), "entities.yaml");
        versions.put("entities", "sha256:" + ArticleIds.sha256(new String(entities, StandardCharsets.UTF_8)).substring(0, 16));
        stages.add(new EntityStage(new Gazetteer(
                EntityCatalog.load(entities, Resources.origin(options.entities(), "entities.yaml")))));
        stages.add(new NarrativeStage(new NarrativeMatcher(narratives)));
        return new Models(options, layout, new Pipeline(stages), narratives, versions);
    }

    private static Map<String, String> codeVersions() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Models.class.getResourceAsStream("/narrative-watch.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        Map<String, String> v = new TreeMap<>();
        v.put("narrative-watch", p.getProperty("version", "dev"));
        v.put("corenlp", p.getProperty("corenlp", "unknown"));
        v.put("opennlp-models", p.getProperty("opennlp-models", "unknown"));
        return v;
    }

    public PipelineOptions options() {
        return options;
    }

    public PageLayout layout() {
        return layout;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** The narrative catalog the pipeline matches. */
    public Catalog narratives() {
        return narratives;
    }

    /** Versions of code, models and catalogs; written into every record and summary.json. */
    public Map<String, String> versions() {
        return versions;
    }
}
