package org.narrativewatch.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints the code and model versions from the build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/narrative-watch.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "narrative-watch " + p.getProperty("version", "dev"),
            "Stanford CoreNLP " + p.getProperty("corenlp", "?") + ", Apache OpenNLP " + p.getProperty("opennlp", "?")
                + " (models " + p.getProperty("opennlp-models", "?") + ")"
        };
    }
}
