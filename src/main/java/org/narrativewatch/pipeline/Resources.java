package org.narrativewatch.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model and catalog files: the copy packaged in the jar under {@code models/}, or a file the user
 * names to override it.
 */
public final class Resources {
    private Resources() {
    }

    /** Reads a catalog: {@code override} when given, else the packaged {@code models/<name>}. */
    public static byte[] read(Path override, String name) throws IOException {
        if (override != null) {
            return Files.readAllBytes(override);
        }
        try (InputStream in = Resources.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new IOException("models/" + name + " is not packaged in the jar");
            }
            return in.readAllBytes();
        }
    }

    /** Where a catalog comes from, for messages and summary.json. */
    public static String origin(Path override, String name) {
        return override != null ? override.toString() : "jar:models/" + name;
    }
}
