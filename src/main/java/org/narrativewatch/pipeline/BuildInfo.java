package org.narrativewatch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build recorded in the jar: the tool's version and those of the NLP libraries it was built with. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** The build's properties: version, corenlp, opennlp, opennlp-models (empty outside a build). */
    public static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/narrative-watch.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The tool's version, "dev" outside a build. */
    public static String version() {
        return properties().getProperty("version", "dev");
    }
}
