package org.narrativewatch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Article;

/**
 * Stable article ids that are safe as file names on every platform: the article's own id when
 * it has one, else the input path (relative to the folder the user named) plus the line number.
 * Characters outside [A-Za-z0-9._-] become '_' and leading dots, dashes and underscores go (no
 * hidden files, nothing a shell takes for an option); an id that had to be changed or shortened
 * gets a short hash of the original, so two different ids never collapse into one. Names that
 * Windows reserves whatever the extension (CON, NUL.txt, COM1) get an "id-" prefix and the hash.
 */
public final class ArticleIds {
    private static final int MAX_LENGTH = 120;
    /** Names Windows refuses for a file whatever the extension (CON.json is no file there). */
    private static final Pattern WINDOWS_RESERVED =
            Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(?:\\..*)?");

    private ArticleIds() {
    }

    public static String of(Article article, Input input) {
        String raw = article.id();
        if (raw == null) {
            raw = input.idBase() + (article.origin().line() > 0 ? "-L" + article.origin().line() : "");
        }
        return safe(raw);
    }

    /**
     * The article under an id that no longer clashes with an earlier article's: its id plus a
     * short hash of where it came from and what it says.
     */
    public static Article disambiguated(Article article) {
        return article.withId(article.id() + "-" + shortHash(article.origin() + "\n" + article.text()));
    }

    public static String safe(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            sb.append(ok ? c : '_');
        }
        String id = sb.toString().replaceAll("_{2,}", "__").replaceAll("^[._-]+", "");
        if (id.length() > MAX_LENGTH) {
            id = id.substring(0, MAX_LENGTH);
        }
        if (WINDOWS_RESERVED.matcher(id).matches()) {
            id = "id-" + id; // the hash alone would not do: Windows reserves NUL.anything
        }
        if (id.isEmpty() || !id.equals(raw)) {
            id = (id.isEmpty() ? "article" : id) + "-" + shortHash(raw);
        }
        return id;
    }

    public static String shortHash(String s) {
        return sha256(s).substring(0, 10);
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
