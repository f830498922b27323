package org.narrativewatch.pipeline;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.logging.RedwoodConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import opennlp.tools.langdetect.LanguageDetectorModel;
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
import org.narrativewatch.nlp.PerceptronTagger;

/**
 * Loads every model and catalog once per process (or per Spark executor) and builds the pipeline
 * from them. Everything here is immutable after loading and shared by all threads.
 */
public final class Models {
    private final PipelineOptions options;
    private final PageLayout layout;
    private final Pipeline pipeline;
    private final Catalog narratives;
    private final EntityCatalog entities;
    private final Map<String, String> versions;

    private Models(PipelineOptions options, PageLayout layout, Pipeline pipeline, Catalog narratives,
                   EntityCatalog entities, Map<String, String> versions) {
        this.options = options;
        this.layout = layout;
        this.pipeline = pipeline;
        this.narratives = narratives;
        this.entities = entities;
        this.versions = versions;
    }

    public static Models load(PipelineOptions options) throws IOException {
        RedwoodConfiguration.current().clear().apply(); // CoreNLP's own logging would bury ours on stderr
        // The language model is the slowest to load (about a second): it loads on a second core
        // while everything else loads here.
        FutureTask<LanguageDetectorModel> languageModel = new FutureTask<>(LanguageStage::loadModel);
        if (options.detectLanguage()) {
            Thread loader = new Thread(languageModel, "nw-load-language-model");
            loader.setDaemon(true);
            loader.start();
        }
        Map<String, String> versions = new TreeMap<>(codeVersions());

        // The catalog loads before the models so that a broken catalog fails in milliseconds.
        Catalog narratives = narratives(options, versions);

        PerceptronTagger tagger = tagger(versions);
        PageLayout layout = layout(options, versions, tagger);
        versions.put("ner", options.ner() ? "corenlp-crf-3class" : "off");
        Stage nlp = new CoreNlpStage(new StanfordCoreNLP(CoreNlpStage.tokenizerProperties()), tagger,
                options.ner() ? new StanfordCoreNLP(CoreNlpStage.nerProperties()) : null);

        EntityCatalog entityCatalog = entities(options, versions);
        Stage entityStage = new EntityStage(new Gazetteer(entityCatalog));

        List<Stage> stages = new ArrayList<>();
        if (options.detectLanguage()) {
            stages.add(new LanguageStage(await(languageModel)));
        }
        stages.add(nlp);
        stages.add(entityStage);
        stages.add(new NarrativeStage(new NarrativeMatcher(narratives)));
        return new Models(options, layout, new Pipeline(stages), narratives, entityCatalog, versions);
    }

    /**
     * Loads only the catalogs and page-layout rules (with the tagger they tell headlines by), with the
     * errors {@link #load} would give: the Spark job checks them on the driver in about a second, before
     * its executors load the models.
     */
    public static void checkCatalogs(PipelineOptions options) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        narratives(options, versions);
        entities(options, versions);
        layout(options, versions, tagger(versions));
    }

    /** The packaged part-of-speech tagger; the NLP stage and the page layout share it. */
    private static PerceptronTagger tagger(Map<String, String> versions) throws IOException {
        byte[] tagger = Resources.read(null, CoreNlpStage.TAGGER_MODEL);
        versions.put("pos-tagger", "sha256:" + ArticleIds.sha256(tagger).substring(0, 16));
        return PerceptronTagger.load(new ByteArrayInputStream(tagger));
    }

    private static PageLayout layout(PipelineOptions options, Map<String, String> versions, PerceptronTagger tagger)
            throws IOException {
        byte[] boilerplate = Resources.read(options.boilerplate(), "boilerplate.yaml");
        versions.put("boilerplate", "sha256:" + ArticleIds.sha256(boilerplate).substring(0, 16));
        return PageLayout.load(new ByteArrayInputStream(boilerplate), Resources.origin(options.boilerplate(),
                "boilerplate.yaml"), tagger);
    }

    private static Catalog narratives(PipelineOptions options, Map<String, String> versions) throws IOException {
        Catalog narratives = Catalog.load(options.narratives());
        versions.put("narratives", narratives.hash());
        return narratives;
    }

    private static EntityCatalog entities(PipelineOptions options, Map<String, String> versions) throws IOException {
        byte[] entities = Resources.read(options.entities(), "entities.yaml");
        versions.put("entities", "sha256:" + ArticleIds.sha256(entities).substring(0, 16));
        return EntityCatalog.load(entities, Resources.origin(options.entities(), "entities.yaml"));
    }

    private static <T> T await(FutureTask<T> loading) throws IOException {
        try {
            return loading.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading models", e);
        }
    }

    private static Map<String, String> codeVersions() {
        Properties p = BuildInfo.properties();
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

    /** The tracked-entity catalog the pipeline links to. */
    public EntityCatalog entities() {
        return entities;
    }

    /** Versions of code, models and catalogs; written into every record and summary.json. */
    public Map<String, String> versions() {
        return versions;
    }
}
