package org.narrativewatch.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes input bytes to text: honours a byte-order mark (UTF-8, UTF-16 LE/BE), recognises
 * BOM-less UTF-16 by its zero bytes, rejects binary content, and otherwise decodes strictly with
 * the configured charset (UTF-8 by default), so that mis-encoded files fail with a clear message
 * instead of filling the output with replacement characters.
 */
public final class TextDecoder {
    /** How much of a streamed document is looked at for its byte-order mark, UTF-16 and binary content. */
    private static final int HEAD_BYTES = 8192;
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
        return decode(bytes, detect(bytes));
    }

    /**
     * Reads and decodes a whole HTML page. A page that is not valid in the charset it would otherwise
     * be read in (UTF-8 unless {@code --encoding} names another) is read in the charset it declares
     * in its first 1024 bytes ({@code <meta charset="windows-1251">}, or the {@code http-equiv}
     * form), as a browser does: old news sites still serve Latin-1 and Cyrillic code pages. Valid
     * UTF-8 is kept as UTF-8, since pages often declare a charset they are not in.
     */
    public String decodeHtml(InputStream in) throws IOException {
        byte[] bytes = readLimited(in);
        try {
            return decode(bytes, detect(bytes));
        } catch (BadInputException notInTheUsualCharset) {
            Charset declared = bomLength(bytes) == 0 && detect(bytes).equals(StandardCharsets.UTF_8)
                    ? declaredCharset(bytes) : null;
            if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
                throw notInTheUsualCharset;
            }
            return decode(bytes, declared);
        }
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /** The charset a page declares in a meta tag of its first 1024 bytes, or null (none, or not one Java knows). */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private String decode(byte[] bytes, Charset charset) throws BadInputException {
        int skip = bomLength(bytes);
        rejectBinary(bytes, skip, charset);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not valid " + charset.name() + " text (first bad byte at offset "
                    + firstBadByte(charset, bytes, skip) + "); re-encode it as UTF-8 or name its encoding with --encoding");
        }
    }

    /** The offset in the file of the first byte that does not decode, to point the user at it. */
    private static long firstBadByte(Charset charset, byte[] bytes, int skip) {
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(8192);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError() || !result.isOverflow()) {
                return in.position();
            }
            out.clear();
        }
    }

    /**
     * Opens a streaming reader for one document that is read piece by piece (a JSON array, whose
     * articles are held to the size limit one by one), so that its size is not bounded: its charset
     * is found and binary content refused from its first 8 KiB, as {@link #decodeAll} does from the
     * whole. A byte further on that does not decode fails the read that reaches it with a
     * {@link BadInputException} in the user's words; every character before it is read.
     */
    public Reader openDocument(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
        buffered.mark(HEAD_BYTES);
        byte[] head = buffered.readNBytes(HEAD_BYTES);
        buffered.reset();
        Charset charset = detect(head);
        int skip = bomLength(head);
        rejectBinary(head, skip, charset);
        buffered.skipNBytes(skip);
        return new StrictReader(buffered, charset);
    }

    /**
     * Decodes strictly and passes on every character before a byte that does not decode; only a
     * read that starts at that byte fails. (An InputStreamReader fails the read that meets it, and
     * the characters it decoded before it in that read are lost.)
     */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final Charset charset;
        private final CharsetDecoder decoder; // reports malformed and unmappable input: the default
        private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
        private boolean inputEnded;
        private boolean flushed;
        /** A character decoded for a one-character read that had room for one only; -1 for none. */
        private int pending = -1;

        StrictReader(InputStream in, Charset charset) {
            this.in = in;
            this.charset = charset;
            this.decoder = charset.newDecoder();
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pending >= 0) {
                buf[off] = (char) pending;
                pending = -1;
                return 1;
            }
            if (len == 1) {
                // A code point may need two chars: decode into room for both, keep the second.
                char[] two = new char[2];
                int n = read(two, 0, 2);
                if (n < 0) {
                    return -1;
                }
                buf[off] = two[0];
                pending = n == 2 ? two[1] : -1;
                return 1;
            }
            CharBuffer out = CharBuffer.wrap(buf, off, len);
            while (out.position() == off && !flushed) {
                CoderResult result = decoder.decode(bytes, out, inputEnded);
                if (result.isError()) {
                    if (out.position() > off) {
                        break; // the characters before the bad byte first; the next read fails
                    }
                    throw new BadInputException(notValid(charset));
                }
                if (result.isOverflow()) {
                    break;
                }
                if (inputEnded) {
                    flushed = decoder.flush(out).isUnderflow();
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    inputEnded = n < 0;
                    bytes.position(bytes.position() + Math.max(n, 0)).flip();
                }
            }
            int n = out.position() - off;
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Why text does not decode, and what to do about it. */
    private static String notValid(Charset charset) {
        return "not valid " + charset.name() + " text; re-encode it as UTF-8 or name its encoding with --encoding";
    }

    /** Why an article is refused for its size: "larger than the maximum article size ...". */
    public String tooLarge() {
        return "larger than the maximum article size of " + maxBytes + " bytes (raise it with --max-article-bytes)";
    }

    /**
     * The length of {@code s} in UTF-8 bytes, counted no further than just past {@code limit}. An
     * unpaired surrogate counts three bytes, as the U+FFFD it is written as.
     */
    public static long utf8Length(CharSequence s, long limit) {
        long bytes = 0;
        for (int i = 0; i < s.length() && bytes <= limit; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
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

    /**
     * Splits a line-oriented input (JSONL) into lines and decodes each line on its own, so that a
     * mis-encoded or oversized line costs that line only. Lines are read in bytes and never held
     * beyond {@link #maxBytes()}, so a file that is one endless line cannot exhaust memory.
     */
    public Lines lines(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        Charset charset = detect(head);
        int skip = bomLength(head);
        return new Lines(new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in),
                charset, maxBytes);
    }

    /** One line of a line-oriented input: its text, or why it has none. */
    public record Line(long number, String text, String problem) {
    }

    /** The lines of one input, in order; see {@link #lines(InputStream)}. */
    public static final class Lines {
        private final InputStream in;
        private final Charset charset;
        private final long maxBytes;
        private final byte[] newline;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private long number;
        private boolean ended;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        private Lines(InputStream in, Charset charset, long maxBytes) {
            this.in = in;
            this.charset = charset;
            this.maxBytes = maxBytes;
            // The separator's own encoding, without the byte-order mark some encoders put first.
            byte[] one = "\n".getBytes(charset);
            byte[] two = "\n\n".getBytes(charset);
            this.newline = java.util.Arrays.copyOfRange(two, one.length, two.length);
        }

        /** The next line, or null at the end of the input. */
        public Line next() throws IOException {
            if (ended) {
                return null;
            }
            current.reset();
            long length = 0;
            boolean sawNewline = false;
            while (!sawNewline) {
                if (limit - position < newline.length && !fill()) {
                    ended = true;
                    length += limit - position;
                    keep(position, limit - position, length);
                    position = limit;
                    if (length == 0) {
                        return null;
                    }
                    break;
                }
                int end = findNewline();
                int upto = end < 0 ? limit - (limit - position) % newline.length : end;
                length += upto - position;
                keep(position, upto - position, length);
                position = end < 0 ? upto : end + newline.length;
                sawNewline = end >= 0;
            }
            number++;
            if (length > maxBytes) {
                return new Line(number, null, "line longer than the maximum article size of " + maxBytes
                        + " bytes (raise it with --max-article-bytes)");
            }
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                String text = decoder.decode(ByteBuffer.wrap(current.toByteArray())).toString();
                return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, null);
            } catch (CharacterCodingException e) {
                return new Line(number, null, notValid(charset));
            }
        }

        /** Keeps bytes of the current line while it is within the limit; an oversized line is only counted. */
        private void keep(int from, int count, long lengthSoFar) {
            if (lengthSoFar <= maxBytes) {
                current.write(buffer, from, count);
            }
        }

        /** Index of the next line separator in the buffer, at a code unit boundary, or -1. */
        private int findNewline() {
            int width = newline.length;
            for (int i = position; i + width <= limit; i += width) {
                if (buffer[i] == newline[0] && (width == 1 || java.util.Arrays.equals(
                        buffer, i, i + width, newline, 0, width))) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Moves unread bytes to the front of the buffer and reads more; false at the end of input
         * when less than one code unit is left.
         */
        private boolean fill() throws IOException {
            int left = limit - position;
            System.arraycopy(buffer, position, buffer, 0, left);
            position = 0;
            limit = left;
            while (limit - position < newline.length) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n <= 0) {
                    return false;
                }
                limit += n;
            }
            return true;
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new BadInputException(tooLarge());
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

    /**
     * Refuses binary content: a PDF or PNG, or NUL bytes in the first 8 KiB after {@code from}.
     * Text in UTF-16 (found by its byte-order mark or its zero bytes) has NUL bytes of its own.
     */
    private void rejectBinary(byte[] b, int from, Charset charset) throws BadInputException {
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(fallback)) {
            return;
        }
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
