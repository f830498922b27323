package org.narrativewatch.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The outlet of an article: its source with Unicode white space collapsed, else its URL's host in one
 * normal form, read from URLs as scraped pages hold them.
 */
class OutletsTest {
    /** The audit's URLs: an internationalised host in either spelling, a raw space or | after the host. */
    @Test
    void theHostOfAUrlAsScrapedInOneNormalForm() {
        assertEquals("пример.рф", Outlets.of(null, "https://xn--e1afmkfd.xn--p1ai/news/1"));
        assertEquals("пример.рф", Outlets.of(null, "https://пример.рф/news/2"));
        assertEquals("пример.рф", Outlets.of(null, "https://WWW.ПРИМЕР.РФ/"), "case and www. as for ASCII names");
        assertEquals("rt.com", Outlets.of(null, "https://www.rt.com/news/some article"));
        assertEquals("rt.com", Outlets.of(null, "https://www.rt.com/news/?tags=a|b"));
        assertEquals("rt.com", Outlets.of(null, "  https://user:pw@www.RT.com.:8443/x#a b"));
        assertEquals("[::1]", Outlets.of(null, "http://[::1]:8080/x"));
        assertEquals("10.0.0.7", Outlets.of(null, "http://10.0.0.7/x"));
    }

    /**
     * The audit's URLs without a scheme (audit 11b #3): protocol-relative, as scraped links and
     * canonical links are, and a host name written without {@code https://}.
     */
    @Test
    void aUrlWithoutItsSchemeHasTheHostItStartsWith() {
        assertEquals("rt.com", Outlets.of(null, "//www.rt.com/news/1/"));
        assertEquals("rt.com", Outlets.of(null, "www.rt.com/news/2/"));
        assertEquals("rt.com", Outlets.of(null, "https://www.rt.com/news/3/"));
        assertEquals("rt.com", Outlets.of(null, "rt.com:8080/news"));
        assertEquals("sputniknews.com", Outlets.of(null, "//sputniknews.com"));
        assertEquals("пример.рф", Outlets.of(null, "пример.рф/news/1"));
        assertEquals("пример.рф", Outlets.of(null, "www.xn--e1afmkfd.xn--p1ai/news/1"));
        assertEquals("onet.pl", Outlets.of(null, "onet.pl/wiadomosci/x"));
    }

    /** What must stay: ordinary hosts, and no host where a URL has none (a relative path is no host). */
    @Test
    void urlsWithoutAHostStayUnknown() {
        assertEquals("zerohedge.com", Outlets.of(null, "https://www.zerohedge.com/geopolitical/x"));
        for (String url : new String[] {null, "", " ", "mailto:desk@rt.com", "file:///tmp/a.html",
                "https:///path", "https://rt .com/", "rt.com", "news/1.html", "/news/1", "../news/1.html", "1.html",
                "index.php/2015/03/armenia", "story.html/", "2015.03/x", "a..com/x", "-rt.com/x", "rt.c0m/x",
                "desk@rt.com/x", "///rt.com/x"}) {
            assertEquals(Outlets.UNKNOWN, Outlets.of(null, url), String.valueOf(url));
        }
        assertEquals(Outlets.UNKNOWN, Outlets.of(null, "a.".repeat(1_000_000) + "com/x"), "longer than any host name");
        assertNull(Outlets.host("https://:80/"));
    }

    /** The audit's source with a no-break space, and the other no-break spaces, are one outlet with the plain one. */
    @Test
    void noBreakSpacesInASourceAreWhiteSpace() {
        assertEquals("Global Times", Outlets.of("Global\u00a0Times", null));
        assertEquals("Global Times", Outlets.of("\u202fGlobal\u2007 Times\u2003", null));
        assertEquals("RT News", Outlets.of("  RT \n News ", "https://www.rt.com/"));
        assertEquals("rt.com", Outlets.of("\u00a0", "https://www.rt.com/"), "a source of white space is none");
        assertEquals("Global\u200bTimes", Outlets.of("Global\u200bTimes", null), "a zero-width space is no white space");
    }
}
