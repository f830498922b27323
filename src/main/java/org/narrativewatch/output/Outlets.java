package org.narrativewatch.output;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outlet an article is counted under: its {@code source}, else the host of its URL, else
 * {@link #UNKNOWN}. The reports, the Elasticsearch files and the SQL store all use it, so a
 * dashboard on any of them names the same outlets.
 */
public final class Outlets {
    /** The bucket of articles with neither a source nor a URL with a host. */
    public static final String UNKNOWN = "unknown";

    /**
     * A URL's scheme, or none (a protocol-relative {@code //host/...}), and authority (up to the
     * path, query or fragment). Read by hand, not with
     * java.net.URI: it gives no host for an internationalised name (пример.рф) and refuses a whole URL
     * for a raw space or "|" in its path or query, as URLs are found in scraped pages.
     */
    private static final Pattern AUTHORITY = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#\\\\]*)");
    /**
     * What a URL written without its scheme ({@code www.rt.com/news/1}) holds before its path: a
     * host name and an optional port. The name is dot-separated labels of letters, digits and
     * hyphens ending in a top-level label of letters (or an internationalised one in punycode), and
     * not a file name ({@link #FILE_EXTENSIONS}): a relative path ({@code news/1.html},
     * {@code index.php/2015/x}) names no host.
     */
    private static final Pattern SCHEMELESS_AUTHORITY = Pattern.compile(
            "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+(\\p{L}{2,63}|xn--[A-Za-z0-9-]+)(?::[0-9]+)?");
    /** No host name is longer (RFC 1035), and the pattern above is only tried on so much. */
    private static final int MAX_AUTHORITY = 253 + ":65535".length();
    /** Extensions of web pages' file names, which no top-level domain is: {@code index.php/...} is a path. */
    private static final Set<String> FILE_EXTENSIONS =
            Set.of("htm", "html", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "cgi");
    private static final Pattern PORT = Pattern.compile(":[0-9]*$");

    private Outlets() {
    }

    public static String of(ArticleRecord article) {
        return of(article.source(), article.url());
    }

    /** The outlet of an article with this {@code source} and {@code url}, either of them null. */
    public static String of(String source, String url) {
        String named = source == null ? "" : WhiteSpace.collapse(source);
        if (!named.isEmpty()) {
            return named;
        }
        String host = host(url);
        return host == null ? UNKNOWN : host;
    }

    /**
     * The host of a URL (also one without its scheme, see {@link #authority}) without a leading
     * "www.", or null: lower case, and an internationalised name
     * in Unicode whether the URL spells it so or in punycode ({@code xn--e1afmkfd.xn--p1ai} and
     * {@code пример.рф} are both {@code пример.рф}), so that one outlet is one name.
     */
    static String host(String url) {
        if (url == null) {
            return null;
        }
        String host = authority(WhiteSpace.collapse(url));
        if (host == null) {
            return null;
        }
        host = host.substring(host.lastIndexOf('@') + 1); // user:password@
        if (host.startsWith("[")) { // an IPv6 address: its colons are no port's
            host = host.substring(0, host.indexOf(']') + 1);
        } else {
            host = PORT.matcher(host).replaceFirst("");
        }
        if (host.endsWith(".")) { // the root: www.rt.com. is www.rt.com
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || WhiteSpace.in(host)) {
            return null;
        }
        host = unicode(host).toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /**
     * The authority of a URL with a scheme ({@code https://host/...}) or protocol-relative
     * ({@code //host/...}, as pages link), else the host and port of one written without its scheme
     * ({@link #SCHEMELESS_AUTHORITY}), else null.
     */
    private static String authority(String url) {
        Matcher m = AUTHORITY.matcher(url);
        if (m.find()) {
            return m.group(1);
        }
        int path = url.indexOf('/');
        if (path < 0 || path > MAX_AUTHORITY) {
            return null;
        }
        String authority = url.substring(0, path);
        m = SCHEMELESS_AUTHORITY.matcher(authority);
        return m.matches() && !FILE_EXTENSIONS.contains(m.group(1).toLowerCase(Locale.ROOT)) ? authority : null;
    }

    /**
     * The name in Unicode, after IDNA's mapping (case, full-width letters and dots); a name IDNA
     * refuses (an over-long label, say) as it is.
     */
    private static String unicode(String host) {
        try {
            return IDN.toUnicode(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }
}
