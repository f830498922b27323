package org.narrativewatch.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.narrativewatch.output.ArticleRecord;

/** The outlet an article is counted under: its {@code source}, else the host of its URL. */
final class Outlets {
    /** The bucket of articles with neither a source nor a URL with a host. */
    static final String UNKNOWN = "unknown";

    private Outlets() {
    }

    static String of(ArticleRecord article) {
        if (article.source() != null && !article.source().isBlank()) {
            return article.source().strip().replaceAll("\\s+", " ");
        }
        String host = host(article.url());
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
