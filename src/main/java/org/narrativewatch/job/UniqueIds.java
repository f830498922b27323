package org.narrativewatch.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;
import org.narrativewatch.ingest.ArticleIds;
import org.narrativewatch.ingest.Input;

/**
 * Gives the articles of a run ids no two share, ignoring case (two ids that differ only in case
 * are one file on Windows and macOS), and keeps the ids the previous run into the same folder
 * gave. Called in reading order, from one thread, so the ids do not depend on thread scheduling.
 *
 * <p>An article keeps the id the previous run gave it, as its record in {@code OUT/articles} says
 * (the record's origin names its input file). A newcomer whose id the previous run gave an article
 * of a file that is still there gets its {@link ArticleIds#clashId} instead, even when that
 * article comes later in reading order. Among newcomers, the first in reading order keeps the
 * plain id and later ones get their clash id, as in the Spark job (which has no previous run).
 */
final class UniqueIds {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path articlesDir;
    /** The ids of the previous run's records, by lower-case id. */
    private final Map<String, String> previous = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** Reads which ids the previous run gave: the record files in {@code articlesDir} as the run begins. */
    UniqueIds(Path articlesDir) throws IOException {
        this.articlesDir = articlesDir;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(articlesDir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".json".length());
                previous.put(lower(id), id);
            }
        }
    }

    /** The article under the id it gets in this run. */
    Article unique(Article article) {
        String clashId = ArticleIds.clashId(article);
        // The id the previous run gave this very article, when it is still one of its ids.
        for (int n = 0; n == 0 || previous.containsKey(lower(candidate(article, clashId, n))); n++) {
            String id = candidate(article, clashId, n);
            if (!taken.contains(lower(id)) && sameFile(previousOrigin(id), article)) {
                return take(article, id);
            }
        }
        // Else the first of its ids that no article has in this run, nor one of a file still there had.
        for (int n = 0; ; n++) {
            String id = candidate(article, clashId, n);
            if (!taken.contains(lower(id)) && !stillThere(previousOrigin(id), article)) {
                return take(article, id);
            }
        }
    }

    /** The article's own id (n = 0), else its n-th numbered clash id. */
    private static String candidate(Article article, String clashId, int n) {
        return n == 0 ? article.id() : ArticleIds.numbered(clashId, n);
    }

    private Article take(Article article, String id) {
        taken.add(lower(id));
        return id.equals(article.id()) ? article : article.withId(id);
    }

    /**
     * Where the article that had {@code id} in the previous run came from; null when none had it
     * (or its file is not a record). Only read while no article of this run has the id, so the
     * file is still the previous run's.
     */
    private Origin previousOrigin(String id) {
        String fileId = previous.get(lower(id));
        if (fileId == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(articlesDir.resolve(fileId + ".json"));
             JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("origin".equals(field)) {
                    return originOf(p);
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // not a record: no article had the id
        }
    }

    private static Origin originOf(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String file = null;
        long line = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("file".equals(field) && value == JsonToken.VALUE_STRING) {
                file = p.getText();
            } else if ("line".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                line = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        return file == null ? null : new Origin(file, line);
    }

    /**
     * Whether a previous record came from this article's input file: its name as given then ends
     * with the path the article has below the folder named now, so {@code corpus/a.txt} is
     * {@code /data/corpus/a.txt}, but not {@code corpus/a.html}. The line is not compared: a line
     * inserted above an article of a JSONL or CSV file moves it, and an id of the form
     * {@code feed-L12} names its line anyway.
     */
    private static boolean sameFile(Origin previous, Article article) {
        if (previous == null) {
            return false;
        }
        try {
            return Path.of(previous.file()).normalize().endsWith(Path.of(article.origin().relativePath()));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Whether the input file of a previous record is still there, so its article is still read:
     * as named then, or below the folder this article was named by (the previous run may have
     * named it another way, from another working folder).
     */
    private static boolean stillThere(Origin previous, Article article) {
        if (previous == null) {
            return false;
        }
        try {
            Path file = Path.of(previous.file()).normalize();
            if (Files.isRegularFile(file)) {
                return true;
            }
            Path folder = namedFolder(article);
            for (int i = file.getNameCount() - 1; i >= 0 && folder != null; i--) {
                if (Files.isRegularFile(folder.resolve(file.subpath(i, file.getNameCount())))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The folder the user named to reach the article's file (its file's path without the relative path);
     * null for stdin.
     */
    private static Path namedFolder(Article article) {
        if (Input.STDIN.equals(article.origin().file())) {
            return null;
        }
        Path folder = Path.of(article.origin().file()).toAbsolutePath();
        for (int i = Path.of(article.origin().relativePath()).getNameCount(); i > 0 && folder != null; i--) {
            folder = folder.getParent();
        }
        return folder;
    }

    private static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
