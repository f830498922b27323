package org.narrativewatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes input bytes to text: honours a byte-order mark (UTF-8, UTF-16 LE/BE), recognises
 * BOM-less UTF-16 by its zero bytes, rejects binary content, and otherwise decodes strictly with
 * the configured charset (UTF-8 by default), so that mis-encoded files fail with a clear message
 * instead of filling the output with replacement characters.
 */
public final class TextDecoder {
    private final Charset fallback;
    private final long maxBytes;

    public TextDecoder(Charset charset, long maxBytes) {
        this.fallback = charset;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads and decodes a whole input that holds one document. */
    public String decodeAll(InputStream in) throws IOException {
        byte[] bytes = readLimited(in);
        Charset charset = detect(bytes);
        int skip = bomLength(bytes);
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(fallback)) {
            rejectBinary(bytes, skip);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid " + charset.name() + " text (" + e.getMessage()
                    + "); re-encode it as UTF-8 or name its encoding with --encoding");
        }
    }

    /** Opens a streaming reader for line-oriented formats (JSONL, CSV). */
    public Reader openReader(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 4);
        byte[] head = pushback.readNBytes(4);
        Charset charset = detect(head);
        int skip = bomLength(head);
        pushback.unread(head, skip, head.length - skip);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(pushback, decoder);
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new BadInputException("larger than the maximum article size of " + maxBytes
                        + " bytes (raise it with --max-article-bytes)");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private Charset detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        // BOM-less UTF-16: ASCII text then has a zero byte in every other position.
        if (b.length >= 4) {
            int evenZeros = 0;
            int oddZeros = 0;
            int n = Math.min(b.length, 512) & ~1;
            for (int i = 0; i < n; i += 2) {
                if (b[i] == 0) {
                    evenZeros++;
                }
                if (b[i + 1] == 0) {
                    oddZeros++;
                }
            }
            if (oddZeros > n / 4 && evenZeros == 0) {
                return StandardCharsets.UTF_16LE;
            }
            if (evenZeros > n / 4 && oddZeros == 0) {
                return StandardCharsets.UTF_16BE;
            }
        }
        return fallback;
    }

    private static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && (((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)
                || ((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF))) {
            return 2;
        }
        return 0;
    }

    private static void rejectBinary(byte[] b, int from) throws BadInputException {
        int n = Math.min(b.length, from + 8192);
        String kind = b.length >= from + 4 && b[from] == '%' && b[from + 1] == 'P' && b[from + 2] == 'D'
                && b[from + 3] == 'F' ? "a PDF document"
                : b.length >= from + 4 && (b[from] & 0xff) == 0x89 && b[from + 1] == 'P' && b[from + 2] == 'N'
                && b[from + 3] == 'G' ? "a PNG image" : null;
        if (kind != null) {
            throw new BadInputException("binary file (" + kind + "), not text");
        }
        for (int i = from; i < n; i++) {
            if (b[i] == 0) {
                throw new BadInputException("binary file (contains NUL bytes), not text");
            }
        }
    }
}
