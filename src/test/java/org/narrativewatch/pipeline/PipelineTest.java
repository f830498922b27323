package org.narrativewatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Doc;
import org.narrativewatch.doc.Origin;

class PipelineTest {
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    private Stage stage(String name) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void process(Doc doc) {
                ran.add(name);
                doc.warnings().add(name + " saw " + doc.article().id());
            }
        };
    }

    private static Article article(String id) {
        return new Article(id, "Moscow agreed.", null, null, null, null, null, "en", new Origin(id + ".txt", 0), List.of());
    }

    @Test
    void processRunsEveryStageInOrder() {
        Pipeline pipeline = new Pipeline(List.of(stage("nlp"), stage("entities"), stage("narratives")));
        Doc doc = pipeline.process(article("a"));
        assertEquals(List.of("nlp", "entities", "narratives"), ran);
        assertEquals(List.of("nlp saw a", "entities saw a", "narratives saw a"), doc.warnings());
    }

    @Test
    void processBeforeStopsAtTheNamedStage() {
        Pipeline pipeline = new Pipeline(List.of(stage("nlp"), stage("entities"), stage("narratives")));
        pipeline.processBefore(article("a"), "entities");
        assertEquals(List.of("nlp"), ran);
        ran.clear();
        pipeline.processBefore(article("b"), "narratives");
        assertEquals(List.of("nlp", "entities"), ran);
    }

    @Test
    void processBeforeAnUnknownStageRunsThemAll() {
        Pipeline pipeline = new Pipeline(List.of(stage("nlp"), stage("entities")));
        pipeline.processBefore(article("a"), "narratives");
        assertEquals(List.of("nlp", "entities"), ran);
    }
}
