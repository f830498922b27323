package org.narrativewatch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.narrativewatch.doc.Article;
import org.narrativewatch.doc.Origin;

/**
 * Stable article ids that are safe as file names on every platform: the article's own id when
 * it has one, else the input path (relative to the folder the user named) plus the line number.
 * Characters outside [A-Za-z0-9._-] become '_' and leading dots, dashes and underscores go (no
 * hidden files, nothing a shell takes for an option); an id that had to be changed or shortened
 * gets a short hash of the original, so two different ids never collapse into one. Names that
 * Windows reserves whatever the extension (CON, NUL.txt, COM1) get an "id-" prefix and the hash.
 * Ids that two articles of a run share are made unique with {@link #clashId}.
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
     * The id an article gets when another article has its id: its id plus a short hash of its
     * {@link #place}. The suffix identifies the input, so it stays when the text is edited or the
     * folder is named another way ({@code corpus}, {@code /data/corpus}).
     */
    public static String clashId(Article article) {
        return article.id() + "-" + shortHash(place(article));
    }

    /**
     * The n-th (from 1) article that gets the same clash id keeps it, later ones add "-n". Only
     * articles at the same place below different named folders ({@code analyze a b c}, each with
     * a story.txt) get the same clash id.
     */
    public static String numbered(String clashId, int n) {
        return n == 1 ? clashId : clashId + "-" + n;
    }

    /** What identifies an article among the inputs: its path relative to the folder named, and its line or row. */
    public static String place(Article article) {
        Origin origin = article.origin();
        String path = Normalizer.normalize(origin.relativePath(), Normalizer.Form.NFC);
        return origin.line() > 0 ? path + ":" + origin.line() : path;
    }

    public static String safe(String given) {
        // The same name in another Unicode normal form (macOS writes file names decomposed, "u" and a combining
        // diaeresis for "ü") is the same article: its id must not change when a corpus is copied from a Mac.
        String raw = Normalizer.normalize(given, Normalizer.Form.NFC);
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
