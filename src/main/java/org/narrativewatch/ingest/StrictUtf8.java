package org.narrativewatch.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of files analysts write by hand (YAML catalogs, gold sets), which must be UTF-8, unlike
 * articles, which are read in whatever encoding they are in ({@link TextDecoder}). Decoded leniently,
 * a file saved as Latin-1 or UTF-16 would have its non-ASCII text turned into replacement characters
 * that never match, without a word; decoded by a plain strict reader, it fails with "Input length =
 * 1", naming neither file, line nor problem. Here the first byte that is not UTF-8 is located and
 * named, with what to do about it.
 *
 * <p>A line-based file is read undecoded, one character per byte ({@link #undecoded(Path)}: line
 * breaks, commas and quotes are the same bytes in UTF-8 and no multi-byte character contains them),
 * and each line or cell decoded on its own ({@link #decode(String)}), so that a line that is not
 * UTF-8 costs that line only.
 */
public final class StrictUtf8 {
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictUtf8() {
    }

    /** Text that is not UTF-8, located at its first byte that is not. */
    public static final class NotUtf8 extends IOException {
        private final int line;
        private final int column;

        private NotUtf8(int badByte, int line, int column) {
            super(String.format("byte 0x%02X (column %d) is not UTF-8; save the file as UTF-8", badByte, column));
            this.line = line;
            this.column = column;
        }

        /** The line of the byte in the text decoded, counted from 1. */
        public int line() {
            return line;
        }

        /** The column of the byte in its line, in characters counted from 1. */
        public int column() {
            return column;
        }
    }

    /** The text of {@code bytes}, which must be UTF-8. */
    public static String decode(byte[] bytes) throws NotUtf8 {
        try {
            return utf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw at(bytes);
        }
    }

    /** The text of a line or cell read by {@link #undecoded(Path)}, which must be UTF-8. */
    public static String decode(String undecoded) throws NotUtf8 {
        return decode(undecoded.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The file's bytes as characters, one per byte, without the UTF-8 byte order mark that Windows
     * editors and spreadsheets put first: split it into lines or CSV cells, then {@link #decode(String)} each.
     */
    public static BufferedReader undecoded(Path file) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.ISO_8859_1));
        in.mark(BYTE_ORDER_MARK.length);
        for (byte b : BYTE_ORDER_MARK) {
            if (in.read() != (b & 0xff)) {
                in.reset();
                break;
            }
        }
        return in;
    }

    private static CharsetDecoder utf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static NotUtf8 at(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        utf8().decode(in, CharBuffer.allocate(bytes.length), true); // stops at the first byte that is not UTF-8
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        return new NotUtf8(bytes[bad] & 0xff, line, before.codePointCount(0, before.length()) + 1);
    }
}
