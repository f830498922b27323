package org.narrativewatch.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The outlet an article is counted under: its {@code source}, else the host of its URL, else
 * {@link #UNKNOWN}. The reports, the Elasticsearch files and the SQL store all use it, so a
 * dashboard on any of them names the same outlets.
 */
public final class Outlets {
    /** The bucket of articles with neither a source nor a URL with a host. */
    public static final String UNKNOWN = "unknown";

    private Outlets() {
    }

    public static String of(ArticleRecord article) {
        return of(article.source(), article.url());
    }

    /** The outlet of an article with this {@code source} and {@code url}, either of them null. */
    public static String of(String source, String url) {
        if (source != null && !source.isBlank()) {
            return source.strip().replaceAll("\\s+", " ");
        }
        String host = host(url);
        return host == null ? UNKNOWN : host;
    }

    /** The lower-cased host of a URL without a leading "www.", or null. */
    static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
