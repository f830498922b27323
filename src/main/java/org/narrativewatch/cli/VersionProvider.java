package org.narrativewatch.cli;

import java.util.Properties;
import org.narrativewatch.pipeline.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the code and model versions from the build. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
        Properties p = BuildInfo.properties();
        return new String[] {
            "narrative-watch " + p.getProperty("version", "dev"),
            "Stanford CoreNLP " + p.getProperty("corenlp", "?") + ", Apache OpenNLP " + p.getProperty("opennlp", "?")
                + " (models " + p.getProperty("opennlp-models", "?") + ")"
        };
    }
}
