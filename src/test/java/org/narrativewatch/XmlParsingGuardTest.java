package org.narrativewatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Article feeds (RSS, sitemaps) may bring XML parsing. An XML parser that resolves external
 * entities or DTDs lets a feed read local files or reach the network (XXE). Any class of ours
 * that creates a JDK XML parser must also switch DTDs off, by the feature names checked here.
 */
class XmlParsingGuardTest {
    private static final Pattern FACTORY = Pattern.compile(
            "\\b(DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|SchemaFactory|XMLReaderFactory)\\b");
    private static final List<String> DTD_OFF = List.of(
            "http://apache.org/xml/features/disallow-doctype-decl", "XMLInputFactory.SUPPORT_DTD",
            "XMLConstants.ACCESS_EXTERNAL_DTD");

    @Test
    void everyXmlParserOfOursHasDtdsAndExternalEntitiesOff() throws IOException {
        List<String> unguarded;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            unguarded = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                String code = read(p);
                return FACTORY.matcher(code).find() && DTD_OFF.stream().noneMatch(code::contains);
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), unguarded, "XML parsers without DTDs switched off");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
