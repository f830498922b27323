package org.narrativewatch.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Map;

/**
 * Charsets as browsers read them (the WHATWG Encoding Standard). A browser reads text labelled with
 * a legacy charset in the superset that writers of that label really use: a page or a Windows text
 * file "in ISO-8859-1" holds Windows-1252's curly quotes and dashes at 0x80 to 0x9F, where
 * ISO-8859-1 has control characters, and one "in GB2312" holds GBK. Text read in the label's strict
 * charset would lose the quote marks that attribute a claim to its speaker.
 */
final class WebCharsets {
    private WebCharsets() {
    }

    private static final Charset WINDOWS_1252 = new TotalSingleByte(Charset.forName("windows-1252"));
    private static final Charset WINDOWS_1254 = new TotalSingleByte(Charset.forName("windows-1254"));

    /** The charset browsers decode text in, by the Java name of the charset its label names. */
    private static final Map<String, Charset> SUPERSETS = Map.of(
            "US-ASCII", WINDOWS_1252,
            "ISO-8859-1", WINDOWS_1252,
            "windows-1252", WINDOWS_1252,
            "ISO-8859-9", WINDOWS_1254,
            "windows-1254", WINDOWS_1254,
            "TIS-620", Charset.forName("x-windows-874"),
            "x-iso-8859-11", Charset.forName("x-windows-874"),
            "GB2312", Charset.forName("GBK"),
            "EUC-KR", Charset.forName("x-windows-949"),
            "Shift_JIS", Charset.forName("windows-31j"));

    /** {@code charset} as browsers decode it: its superset where they use one, else itself. */
    static Charset asBrowsersRead(Charset charset) {
        return SUPERSETS.getOrDefault(charset.name(), charset);
    }

    /**
     * A single-byte Windows code page as WHATWG defines it: the bytes it leaves undefined (0x81, 0x8D,
     * 0x8F, 0x90 and 0x9D in Windows-1252) are the C1 control characters of the same number, as in
     * ISO-8859-1, so that every byte decodes (Java's strict decoder refuses them, and a file that read
     * whole as ISO-8859-1 would fail). {@link ArticleFields} makes those controls spaces.
     */
    private static final class TotalSingleByte extends Charset {
        private final Charset base;
        private final char[] table = new char[256];

        TotalSingleByte(Charset base) {
            super(base.name(), base.aliases().toArray(String[]::new));
            this.base = base;
            CharsetDecoder strict = base.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            for (int b = 0; b < 256; b++) {
                try {
                    table[b] = strict.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b})).get();
                } catch (CharacterCodingException undefined) {
                    table[b] = (char) b;
                }
            }
        }

        @Override
        public boolean contains(Charset cs) {
            return cs == this || base.contains(cs);
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        out.put(table[in.get() & 0xFF]);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return base.newEncoder();
        }
    }
}
