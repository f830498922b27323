package org.narrativewatch.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes input bytes to text, strictly, so that mis-encoded input fails with a clear message
 * instead of filling the output with replacement characters. What is decoded as one: a whole file
 * (.txt, .html, a .json object), a JSONL line, a CSV row, and a .json file streamed through
 * {@link #openDocument}, whose charset is decided from 8 KiB of it. Its charset is the first of
 * these it decodes in:
 * <ol>
 *   <li>the one its bytes show: a byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order), or the
 *       zero bytes of BOM-less UTF-16; nothing else is tried then;</li>
 *   <li>UTF-8: text that is valid UTF-8 stays UTF-8 whatever {@code --encoding} says, so that a folder
 *       mixing UTF-8 and Latin-1 files reads right in one run (bytes in a legacy charset are almost
 *       never valid UTF-8 by chance);</li>
 *   <li>the charset an HTML page declares in a meta tag, as browsers read the declaration ({@link
 *       #declaredCharset});</li>
 *   <li>{@code --encoding} (UTF-8 unless named).</li>
 * </ol>
 * A legacy charset is read in the superset browsers read it in: ISO-8859-1 as Windows-1252 ({@link
 * WebCharsets}).
 * Step 2 is left out when {@code --encoding} does not read ASCII bytes as ASCII (UTF-16, EBCDIC,
 * ISO-2022-JP): text in such a charset can be valid UTF-8 as well, and UTF-8 would be the wrong
 * reading. A file that holds a NUL character is binary, in any charset.
 */
public final class TextDecoder {
    private static final String BINARY_NUL = "binary file (contains NUL bytes), not text";
    /** How much of a streamed document is looked at for its charset and binary content. */
    private static final int HEAD_BYTES = 8192;
    /** The charset of {@code --encoding}. */
    private final Charset encoding;
    private final long maxBytes;
    /** Whether valid UTF-8 is read as UTF-8 before {@link #encoding} is tried (step 2 above). */
    private final boolean utf8First;

    /** {@code encoding} is read as browsers read it: ISO-8859-1 as Windows-1252 ({@link WebCharsets}). */
    public TextDecoder(Charset encoding, long maxBytes) {
        this.encoding = WebCharsets.asBrowsersRead(encoding);
        this.maxBytes = maxBytes;
        this.utf8First = readsAsciiAsAscii(encoding);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads and decodes a whole input that holds one document. */
    public String decodeAll(InputStream in) throws IOException {
        byte[] bytes = readLimited(in);
        return decode(bytes, charsets(bytes, null));
    }

    /**
     * Reads and decodes a whole HTML page. A page that is not valid UTF-8 is read in the charset it
     * declares in its first 1024 bytes ({@code <meta charset="windows-1251">}, or the {@code http-equiv}
     * form), as a browser does: old news sites still serve Latin-1 and Cyrillic code pages. Valid
     * UTF-8 is kept as UTF-8, since pages often declare a charset they are not in. The declaration
     * comes before {@code --encoding}: it speaks for the page, the option for all inputs.
     */
    public String decodeHtml(InputStream in) throws IOException {
        byte[] bytes = readLimited(in);
        return decode(bytes, charsets(bytes, declaredCharset(bytes)));
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * The charset a page declares in a meta tag of its first 1024 bytes, as a browser reads the
     * declaration (WHATWG): in the superset its writers use ({@link WebCharsets}), and UTF-16 as UTF-8.
     * Null when there is none, Java does not know it, or it does not read ASCII as ASCII (EBCDIC,
     * UTF-32): the declaration was found by reading the bytes as ASCII, so such a charset cannot be
     * the page's, and browsers do not support them.
     */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        Charset declared;
        try {
            declared = Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        if (declared.name().contains("UTF-16")) {
            return StandardCharsets.UTF_8;
        }
        Charset read = WebCharsets.asBrowsersRead(declared);
        return readsAsciiAsAscii(read) ? read : null;
    }

    /**
     * The charsets to try on an input, in order (see the class comment); {@code declared} is the one
     * the document declares, or null.
     */
    private List<Charset> charsets(byte[] head, Charset declared) {
        Charset shown = shownCharset(head);
        if (shown != null) {
            return List.of(shown);
        }
        Set<Charset> order = new LinkedHashSet<>();
        if (utf8First) {
            order.add(StandardCharsets.UTF_8);
        }
        if (declared != null) {
            order.add(declared);
        }
        order.add(encoding);
        return List.copyOf(order);
    }

    private static String decode(byte[] bytes, List<Charset> charsets) throws BadInputException {
        int skip = bomLength(bytes);
        // A NUL byte is a NUL character in UTF-8; checked before decoding, so that a binary file is
        // called binary rather than "not valid UTF-8".
        rejectBinary(bytes, skip, charsets.get(0).equals(StandardCharsets.UTF_8));
        String text;
        try {
            text = decodeFirst(List.of(ByteBuffer.wrap(bytes, skip, bytes.length - skip)), charsets).get(0);
        } catch (CharacterCodingException e) {
            Charset last = last(charsets);
            throw new BadInputException(notValid(last,
                    " (first bad byte at offset " + firstBadByte(last, bytes, skip) + ")"));
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException(BINARY_NUL);
        }
        return text;
    }

    /**
     * The byte strings decoded in the first of {@code charsets} in which they all decode; the
     * failure of the last one when none does.
     */
    private static List<String> decodeFirst(List<ByteBuffer> units, List<Charset> charsets)
            throws CharacterCodingException {
        CharacterCodingException failed = null;
        for (Charset charset : charsets) {
            CharsetDecoder decoder = strictDecoder(charset);
            try {
                List<String> texts = new ArrayList<>(units.size());
                for (ByteBuffer unit : units) {
                    texts.add(decoder.reset().decode(unit.duplicate()).toString());
                }
                return texts;
            } catch (CharacterCodingException e) {
                failed = e;
            }
        }
        throw failed;
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Whether the 128 ASCII bytes decode to the ASCII characters. Only then do UTF-8 and the charset
     * differ in bytes from 0x80 up alone, and are the commas, quotes and line breaks of a CSV file the
     * same bytes in both.
     */
    private static boolean readsAsciiAsAscii(Charset charset) {
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        try {
            return new String(ascii, StandardCharsets.US_ASCII)
                    .equals(strictDecoder(charset).decode(ByteBuffer.wrap(ascii)).toString());
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The offset in the file of the first byte that does not decode, to point the user at it. */
    private static long firstBadByte(Charset charset, byte[] bytes, int skip) {
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(8192);
        CharsetDecoder decoder = strictDecoder(charset);
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
     * articles are held to the size limit one by one), so that its size is not bounded. A byte-order
     * mark, BOM-less UTF-16, a PDF, PNG or NUL byte are found in its first 8 KiB, as {@link
     * #decodeAll} finds them in the whole. Otherwise its charset is chosen from the 8 KiB from its
     * first byte that is not ASCII (see {@link StrictReader}). A byte further on that does not
     * decode, or a NUL character, fails the read that reaches it with a {@link BadInputException}
     * in the user's words; every character before it is read.
     */
    public Reader openDocument(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
        buffered.mark(HEAD_BYTES);
        byte[] head = buffered.readNBytes(HEAD_BYTES);
        buffered.reset();
        int skip = bomLength(head);
        List<Charset> charsets = charsets(head, null);
        rejectBinary(head, skip, charsets.get(0).equals(StandardCharsets.UTF_8));
        buffered.skipNBytes(skip);
        return new StrictReader(buffered, charsets);
    }

    /**
     * Decodes strictly and passes on every character before a byte that does not decode or a NUL
     * character; only a read that starts at it fails. (An InputStreamReader fails the read that
     * meets a bad byte, and the characters it decoded before it in that read are lost: so would
     * be the article before it.)
     *
     * <p>With UTF-8 and {@code --encoding} to choose from, the choice waits for the first byte that
     * is not ASCII, which both read alike: a Latin-1 array whose first "é" is megabytes in would
     * otherwise be taken for UTF-8 and fail there. It is UTF-8 when the 8 KiB from that byte are
     * valid UTF-8 (a character cut at their end is not held against them), as a file read whole is
     * when all of it is.
     */
    private static final class StrictReader extends Reader {
        private final InputStream in;
        /** The charsets to try, as {@link #charsets} gives them. */
        private final List<Charset> charsets;
        /** US-ASCII while the charset is yet to be chosen, which stops at the first byte that is not ASCII. */
        private CharsetDecoder decoder;
        private boolean choosing;
        private final ByteBuffer bytes = ByteBuffer.allocate(HEAD_BYTES).flip();
        private boolean inputEnded;
        private boolean flushed;
        /** A character decoded for a one-character read that had room for one only; -1 for none. */
        private int pending = -1;
        /** Why the next read fails: the characters read before a NUL were passed on first. */
        private String failure;

        StrictReader(InputStream in, List<Charset> charsets) {
            this.in = in;
            this.charsets = charsets;
            this.choosing = charsets.size() > 1;
            this.decoder = strictDecoder(choosing ? StandardCharsets.US_ASCII : charsets.get(0));
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (failure != null) {
                throw new BadInputException(failure);
            }
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
                if (result.isError() && choosing) {
                    choose();
                } else if (result.isError()) {
                    if (out.position() > off) {
                        break; // the characters before the bad byte first; the next read fails
                    }
                    throw new BadInputException(notValid(decoder.charset(), decoder.charset().equals(last(charsets))
                            ? "" : " (read as " + decoder.charset().name() + ", as the " + HEAD_BYTES
                            + " bytes from its first byte that is not ASCII are)"));
                } else if (result.isOverflow()) {
                    break;
                } else if (inputEnded) {
                    flushed = decoder.flush(out).isUnderflow();
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    inputEnded = n < 0;
                    bytes.position(bytes.position() + Math.max(n, 0)).flip();
                }
            }
            int n = out.position() - off;
            for (int i = off; i < off + n; i++) {
                if (buf[i] == '\0') {
                    // A NUL is no text past the first 8 KiB either; the characters before it first.
                    if (i == off) {
                        throw new BadInputException(BINARY_NUL);
                    }
                    failure = BINARY_NUL;
                    return i - off;
                }
            }
            return n == 0 ? -1 : n;
        }

        /** At the first byte that is not ASCII: chooses the first charset the next 8 KiB decode in, else the last. */
        private void choose() throws IOException {
            bytes.compact();
            while (bytes.hasRemaining() && !inputEnded) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                inputEnded = n < 0;
                bytes.position(bytes.position() + Math.max(n, 0));
            }
            bytes.flip();
            Charset chosen = charsets.stream().filter(c -> decodes(c, bytes.duplicate(), inputEnded)).findFirst()
                    .orElse(last(charsets));
            decoder = strictDecoder(chosen);
            choosing = false;
        }

        /** Whether {@code in} decodes in {@code charset}; unless it ends the input, a character cut at its end does. */
        private static boolean decodes(Charset charset, ByteBuffer in, boolean endOfInput) {
            CharBuffer out = CharBuffer.allocate(HEAD_BYTES);
            CharsetDecoder decoder = strictDecoder(charset);
            CoderResult result;
            while ((result = decoder.decode(in, out, endOfInput)).isOverflow()) {
                out.clear();
            }
            return !result.isError();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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

    /**
     * Opens a CSV input for its parser. Its rows are decoded one by one, as JSONL lines are, so that a
     * row that is not text costs that row only, and each row is read as UTF-8 or else in {@code
     * --encoding} (see the class comment): the parser reads the bytes as ISO-8859-1, one character per
     * byte, and {@link CsvText#cells} decodes each row. That is sound when the charsets to try read
     * ASCII as ASCII: the commas, quotes and line breaks the parser looks for are then the same bytes
     * in each, and no multi-byte character contains them (its bytes are 0x80 and up in UTF-8, and
     * 0x30 and up in the Asian multi-byte charsets). Otherwise (UTF-16, UTF-32) the input is decoded
     * as a whole.
     */
    public CsvText openCsv(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 4);
        byte[] head = pushback.readNBytes(4);
        List<Charset> charsets = charsets(head, null);
        int skip = bomLength(head);
        pushback.unread(head, skip, head.length - skip);
        if (charsets.stream().allMatch(TextDecoder::readsAsciiAsAscii)) {
            return new CsvText(new InputStreamReader(pushback, StandardCharsets.ISO_8859_1), charsets);
        }
        return new CsvText(new InputStreamReader(pushback, strictDecoder(charsets.get(0))), List.of());
    }

    /** The characters of a CSV input, and the text of the cells its parser reads from them. */
    public static final class CsvText implements Closeable {
        private final Reader reader;
        /** The charsets to try on each row, or none when the reader decodes the input. */
        private final List<Charset> rowCharsets;

        private CsvText(Reader reader, List<Charset> rowCharsets) {
            this.reader = reader;
            this.rowCharsets = rowCharsets;
        }

        public Reader reader() {
            return reader;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }

        /** The cells of one row (or of the header) as text, all in the first charset they all decode in. */
        public List<String> cells(List<String> parsed) throws BadInputException {
            if (rowCharsets.isEmpty()) {
                return parsed;
            }
            List<ByteBuffer> bytes = parsed.stream()
                    .map(cell -> ByteBuffer.wrap(cell.getBytes(StandardCharsets.ISO_8859_1))).toList();
            try {
                return decodeFirst(bytes, rowCharsets);
            } catch (CharacterCodingException e) {
                throw new BadInputException(notValid(last(rowCharsets), ""));
            }
        }
    }

    /**
     * Splits a line-oriented input (JSONL) into lines and decodes each line on its own, so that a
     * mis-encoded or oversized line costs that line only. Lines are read in bytes and never held
     * beyond {@link #maxBytes()}, so a file that is one endless line cannot exhaust memory.
     */
    public Lines lines(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        List<Charset> charsets = charsets(head, null);
        int skip = bomLength(head);
        return new Lines(new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in),
                charsets, maxBytes);
    }

    /** Why text is not valid in {@code charset}, the last one tried, with {@code detail} and what to do about it. */
    private static String notValid(Charset charset, String detail) {
        return "not valid " + charset.name() + " text" + detail
                + "; re-encode it as UTF-8 or name its encoding with --encoding";
    }

    private static Charset last(List<Charset> charsets) {
        return charsets.get(charsets.size() - 1);
    }

    /** One line of a line-oriented input: its text, or why it has none. */
    public record Line(long number, String text, String problem) {
    }

    /** The lines of one input, in order; see {@link #lines(InputStream)}. */
    public static final class Lines {
        private final InputStream in;
        private final List<Charset> charsets;
        private final long maxBytes;
        private final byte[] newline;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private long number;
        private boolean ended;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        private Lines(InputStream in, List<Charset> charsets, long maxBytes) {
            this.in = in;
            this.charsets = charsets;
            this.maxBytes = maxBytes;
            // The separator's own encoding, without the byte-order mark some encoders put first. When
            // there are several charsets to try, they all read ASCII as ASCII, so it is the same in each.
            byte[] one = "\n".getBytes(charsets.get(0));
            byte[] two = "\n\n".getBytes(charsets.get(0));
            this.newline = Arrays.copyOfRange(two, one.length, two.length);
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
            try {
                String text = decodeFirst(List.of(ByteBuffer.wrap(current.toByteArray())), charsets).get(0);
                return new Line(number, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, null);
            } catch (CharacterCodingException e) {
                return new Line(number, null, notValid(last(charsets), ""));
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
                if (buffer[i] == newline[0] && (width == 1 || Arrays.equals(
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

    /**
     * Byte-order marks, UTF-32 before UTF-16: FF FE 00 00 is UTF-32LE's mark, FF FE alone UTF-16LE's
     * (UTF-16 text would go on with a NUL character, which is no text).
     */
    private enum Bom {
        UTF_32LE("UTF-32LE", 0xFF, 0xFE, 0x00, 0x00),
        UTF_32BE("UTF-32BE", 0x00, 0x00, 0xFE, 0xFF),
        UTF_8("UTF-8", 0xEF, 0xBB, 0xBF),
        UTF_16LE("UTF-16LE", 0xFF, 0xFE),
        UTF_16BE("UTF-16BE", 0xFE, 0xFF);

        private final Charset charset;
        private final byte[] mark;

        Bom(String charset, int... mark) {
            this.charset = Charset.forName(charset);
            this.mark = new byte[mark.length];
            for (int i = 0; i < mark.length; i++) {
                this.mark[i] = (byte) mark[i];
            }
        }

        /** The mark the bytes start with, or null. */
        static Bom of(byte[] b) {
            for (Bom bom : values()) {
                int n = bom.mark.length;
                if (b.length >= n && Arrays.equals(b, 0, n, bom.mark, 0, n)) {
                    return bom;
                }
            }
            return null;
        }
    }

    /**
     * BOM-less UTF-16 has at most one zero byte on the other side of a pair for this many on the side
     * of its ASCII characters' zero high bytes.
     */
    private static final int FEW_ZEROS = 8;

    /** The charset the bytes show: their byte-order mark, or the zero bytes of BOM-less UTF-16; else null. */
    private static Charset shownCharset(byte[] b) {
        Bom bom = Bom.of(b);
        if (bom != null) {
            return bom.charset;
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
            // A zero in the other byte of a few pairs is a character such as U+0300 (00 03), U+2500
            // or the low surrogate of an emoji (00 DE); UTF-32 has zeros on both sides of every
            // other pair. Two zeros in one pair are a NUL character, which decode() refuses.
            if (oddZeros > n / 4 && evenZeros <= oddZeros / FEW_ZEROS) {
                return StandardCharsets.UTF_16LE;
            }
            if (evenZeros > n / 4 && oddZeros <= evenZeros / FEW_ZEROS) {
                return StandardCharsets.UTF_16BE;
            }
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        Bom bom = Bom.of(b);
        return bom == null ? 0 : bom.mark.length;
    }

    /**
     * Refuses a PDF or PNG, and with {@code nulBytes} (for a charset in which a NUL byte is a NUL
     * character) a NUL byte in the first 8 KiB.
     */
    private static void rejectBinary(byte[] b, int from, boolean nulBytes) throws BadInputException {
        String kind = b.length >= from + 4 && b[from] == '%' && b[from + 1] == 'P' && b[from + 2] == 'D'
                && b[from + 3] == 'F' ? "a PDF document"
                : b.length >= from + 4 && (b[from] & 0xff) == 0x89 && b[from + 1] == 'P' && b[from + 2] == 'N'
                && b[from + 3] == 'G' ? "a PNG image" : null;
        if (kind != null) {
            throw new BadInputException("binary file (" + kind + "), not text");
        }
        int n = Math.min(b.length, from + 8192);
        for (int i = from; nulBytes && i < n; i++) {
            if (b[i] == 0) {
                throw new BadInputException(BINARY_NUL);
            }
        }
    }
}
