package org.narrativewatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narrativewatch.TestData;
import org.narrativewatch.doc.Article;

/**
 * Which part of an HTML page is the story, on the shapes news sites give their pages: a story
 * {@code <article>} beside related-story cards and a comment thread, a story outside any
 * {@code <article>} with cards in them, a live blog of {@code <article>} posts, a section front of
 * cards. The story text is a real article (PTC corpus), one {@code <p>} per line; the cards and
 * comments are the site's own furniture.
 */
class HtmlStoryTest {
    /** A saved page with a "Read more" box between the story's paragraphs (audit 12b #2); PageLayoutTest reads it too. */
    static final Path INLINE_READ_MORE_PAGE = Path.of("src/test/resources/ingest/inline-related.html");
    private static final String ARTICLE = "ptc/articles/article111111124.txt";
    private static final String CARDS = """
            <section class="related"><h2>Related stories</h2>
            <article class="card"><h3><a href="/weather">Weather warning for Tuesday</a></h3><p>Rain expected.</p></article>
            <article class="card"><h3><a href="/football">Football results</a></h3>
            <p>The local team won on Saturday.</p></article>
            <article class="card"><h3><a href="/kremlin">The Kremlin betrayed its allies again, critics say</a></h3>
            <p>Our columnist on the week in Moscow.</p></article></section>
            """;

    private static PageLayout layout;
    private static String title;
    private static List<String> paragraphs;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        layout = TestData.shippedLayout();
        List<String> lines = Files.readAllLines(TestData.shared().resolve(ARTICLE), StandardCharsets.UTF_8);
        title = lines.get(0).strip();
        paragraphs = lines.subList(1, lines.size()).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String html(List<String> paras) {
        StringBuilder html = new StringBuilder();
        for (String p : paras) {
            html.append("<p>").append(Entities.escape(p)).append("</p>\n");
        }
        return html.toString();
    }

    private static String story() {
        return title + "\n\n" + String.join("\n\n", paragraphs);
    }

    private Article read(String page) throws IOException {
        Path p = dir.resolve("page.html");
        Files.writeString(p, page, StandardCharsets.UTF_8);
        return TestData.readAll(new Ingest(ReadOptions.defaults(), layout), List.of(p.toString())).get(0);
    }

    private static String head() {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Entities.escape(title)
                + " | Daily News</title></head><body><header><a href=\"/\">Daily News</a></header>\n";
    }

    /** The audit's page: the story is in {@code <main>} outside any {@code <article>}, the cards are. */
    @Test
    void storyOutsideTheArticlesIsReadAndTheCardsLeftOut() throws IOException {
        Article a = read("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Armenia left alone | Daily News</title></head><body>
                <main id="main">
                <h1>Armenia left alone</h1>
                <div class="entry-content">
                <p>The Kremlin betrayed Armenia when Azerbaijan attacked in September, officials in Yerevan said on Monday.</p>
                <p>Russia abandoned its allies in the CSTO and did nothing to honour its treaty obligations, the minister added.</p>
                </div>
                <section class="related"><h2>Related stories</h2>
                <article class="card"><h3><a href="/x">Weather warning for Tuesday</a></h3><p>Rain expected.</p></article>
                <article class="card"><h3><a href="/y">Football results</a></h3><p>Local team wins.</p></article>
                </section>
                </main></body></html>
                """);
        assertEquals("Armenia left alone\n\nThe Kremlin betrayed Armenia when Azerbaijan attacked in September, officials "
                + "in Yerevan said on Monday.\n\nRussia abandoned its allies in the CSTO and did nothing to honour its treaty "
                + "obligations, the minister added.\n\nRelated stories", a.text());
    }

    /** The same on an older layout without {@code <main>}: a story {@code <div>} and card {@code <article>}s in the body. */
    @Test
    void realStoryInADivBesideCardArticlesWithoutMain() throws IOException {
        Article a = read(head() + "<div id=\"content\"><h1>" + Entities.escape(title) + "</h1><div class=\"story-body\">"
                + html(paragraphs) + "</div>" + CARDS + "</div></body></html>");
        assertEquals(story() + "\n\nRelated stories", a.text());
    }

    /**
     * A WordPress post: the story {@code <article>} in {@code <main>}, the theme's related posts as
     * {@code <article>} cards after it, and the comment thread, whose comments WordPress writes as
     * {@code <article class="comment-body">}: the post alone is read.
     */
    @Test
    void realStoryArticleBesideRelatedCardsAndCommentsIsReadAlone() throws IOException {
        StringBuilder comments = new StringBuilder("<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">"
                + "40 thoughts</h2><ol class=\"comment-list\">");
        for (int i = 0; i < 40; i++) {
            comments.append("<li class=\"comment\"><article id=\"div-comment-").append(i).append("\" class=\"comment-body\">")
                    .append("<p>Putin is right, Russia was abandoned by its allies and the West lied about NATO, as I have "
                            + "said many times on this site and will keep saying.</p></article></li>");
        }
        comments.append("</ol></div>");
        Article a = read(head() + "<div id=\"primary\"><main id=\"main\" class=\"site-main\">"
                + "<article id=\"post-123\" class=\"post type-post\"><header class=\"entry-header\"><h1 class=\"entry-title\">"
                + Entities.escape(title) + "</h1></header><div class=\"entry-content\">" + html(paragraphs) + "</div></article>"
                + CARDS + comments + "</main></div><footer>Copyright</footer></body></html>");
        assertEquals(story(), a.text());
    }

    /** Live blog posts as sibling {@code <article>}s of about equal length: all of them, in page order. */
    @Test
    void realStoryAsLiveBlogPostsIsReadWhole() throws IOException {
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i += 3) {
            posts.append("<article class=\"block\"><time datetime=\"2018-09-18T10:0").append(i % 10).append("\">")
                    .append(String.format("10:%02d", i)).append("</time>")
                    .append(html(paragraphs.subList(i, Math.min(i + 3, paragraphs.size())))).append("</article>\n");
        }
        Article a = read(head() + "<main><h1>" + Entities.escape(title) + "</h1><div id=\"liveblog-body\">" + posts
                + "</div></main></body></html>");
        List<String> expected = new ArrayList<>(List.of(title));
        for (int i = 0; i < paragraphs.size(); i += 3) {
            expected.add(String.format("10:%02d", i));
            expected.addAll(paragraphs.subList(i, Math.min(i + 3, paragraphs.size())));
        }
        assertEquals(String.join("\n\n", expected), a.text());
    }

    /** The audit's two-post live blog: neither post holds two thirds, so both are read. */
    @Test
    void twoPostLiveBlogKeepsBothPosts() throws IOException {
        Article a = read("""
                <html><head><title>Live: Caucasus crisis</title></head><body>
                <article><p>09:00 Talks in Moscow begin this morning, our correspondent reports.</p></article>
                <article><p>10:30 The Kremlin abandoned Armenia and betrayed its allies, the Armenian prime minister said.</p></article>
                </body></html>
                """);
        assertEquals("Live: Caucasus crisis\n\n09:00 Talks in Moscow begin this morning, our correspondent reports.\n\n"
                + "10:30 The Kremlin abandoned Armenia and betrayed its allies, the Armenian prime minister said.", a.text());
    }

    /**
     * What stays as it was: a page of one {@code <article>} reads it and not the text around it, and
     * an {@code <article>} inside another (an embedded card, the posts of a live blog wrapped in one)
     * is part of it.
     */
    @Test
    void oneArticleAndArticlesInsideItStayAsTheyWere() throws IOException {
        Article alone = read(head() + "<div class=\"promo\"><p>Subscribe to our newsletter for the week's best stories "
                + "from Moscow, Kyiv and Yerevan, delivered every Friday.</p></div><article><h1>" + Entities.escape(title)
                + "</h1>" + html(paragraphs) + "</article></body></html>");
        assertEquals(story(), alone.text());
        Article nested = read(head() + "<article><h1>" + Entities.escape(title) + "</h1>" + html(paragraphs.subList(0, 2))
                + "<article class=\"embed\"><p>Read more: the Kremlin answers</p></article>"
                + html(paragraphs.subList(2, paragraphs.size())) + "</article>" + CARDS + "</body></html>");
        List<String> expected = new ArrayList<>(paragraphs);
        expected.add(2, "Read more: the Kremlin answers");
        assertEquals(title + "\n\n" + String.join("\n\n", expected), nested.text());
        assertFalse(nested.text().contains("Football"), nested.text());
    }

    /** A section front of teaser cards of like size: every card, in page order (text between them is not read). */
    @Test
    void sectionFrontOfCardsReadsEveryCard() throws IOException {
        Article a = read("<html><head><title>World</title></head><body><main>" + CARDS + "</main></body></html>");
        assertEquals("World\n\nWeather warning for Tuesday\n\nRain expected.\n\nFootball results\n\n"
                + "The local team won on Saturday.\n\nThe Kremlin betrayed its allies again, critics say\n\n"
                + "Our columnist on the week in Moscow.", a.text());
    }

    /** The audit's story (defects10 #1 to #3): three paragraphs, and a "Read more" card with a one-line teaser. */
    private static final String ARMENIA = "<p>Moscow has abandoned Armenia, its long-time ally, officials in Yerevan said on "
            + "Tuesday after the CSTO refused to send troops to the border.</p><p>The Armenian prime minister said the "
            + "Collective Security Treaty Organization failed to honour its obligations when Azerbaijani forces attacked.</p>"
            + "<p>Analysts in Yerevan say Russia left Armenia alone while it was busy with its war in Ukraine, and many "
            + "Armenians now look to the West for security guarantees.</p>";
    private static final String ARMENIA_TEXT = "Russia abandons Armenia\n\nMoscow has abandoned Armenia, its long-time ally, "
            + "officials in Yerevan said on Tuesday after the CSTO refused to send troops to the border.\n\nThe Armenian prime "
            + "minister said the Collective Security Treaty Organization failed to honour its obligations when Azerbaijani "
            + "forces attacked.\n\nAnalysts in Yerevan say Russia left Armenia alone while it was busy with its war in "
            + "Ukraine, and many Armenians now look to the West for security guarantees.";
    private static final String TEASER_CARD = "<article class=\"card\"><a href=\"/x\">Another headline about something "
            + "else</a><p>This teaser paragraph summarises a different story about the weather in Paris and the traffic on "
            + "the ring road today.</p></article>\n";
    private static final String ARMENIA_HEAD = "<html lang=en><head><title>Russia abandons Armenia</title></head><body>";

    /**
     * Eight "Read more" cards with a teaser each outweigh the story written straight into {@code <main>}:
     * each card is still a card by its own size, and the story is read without them.
     */
    @Test
    void storyInMainIsReadBesideManyTeaserCards() throws IOException {
        Article a = read(ARMENIA_HEAD + "<main><h1>Russia abandons Armenia</h1>" + ARMENIA
                + "<section class=related><h2>Read more</h2>" + TEASER_CARD.repeat(8) + "</section></main></body></html>");
        assertEquals(ARMENIA_TEXT + "\n\nRead more", a.text());
    }

    /** A story {@code <article>} holding less than two thirds of the {@code <article>}s' text is read without the cards. */
    @Test
    void storyArticleIsReadWithoutTheTeasersOfTheCardsBesideIt() throws IOException {
        Article a = read(ARMENIA_HEAD + "<main><article><h1>Russia abandons Armenia</h1>" + ARMENIA
                + "</article><div class=more><h2>Read more</h2>" + TEASER_CARD.repeat(6) + "</div></main></body></html>");
        assertEquals(ARMENIA_TEXT, a.text());
    }

    /** A {@code <main>} holding only a teaser does not hide the story {@code <article>} outside it. */
    @Test
    void storyArticleOutsideATeaserMainIsRead() throws IOException {
        Article a = read(ARMENIA_HEAD + "<main><p>Teaser: Armenia feels let down by its ally, read the full story below.</p>"
                + "</main><article><h1>Russia abandons Armenia</h1>" + ARMENIA + "</article></body></html>");
        assertEquals(ARMENIA_TEXT, a.text());
    }

    /**
     * What stays: a {@code <main>} holding the story keeps it when a card and a shorter story
     * {@code <article>} sit outside it, and short live-blog posts (no link text, so no cards) are read
     * after the blog's introduction.
     */
    @Test
    void mainStoryBesideOutsideArticlesAndShortPostsAfterAnIntroStay() throws IOException {
        Article main = read(head() + "<main><h1>" + Entities.escape(title) + "</h1>" + html(paragraphs) + "</main>"
                + "<div class=\"rail\">" + TEASER_CARD + "<article>" + ARMENIA + "</article></div></body></html>");
        assertEquals(story(), main.text());
        Article blog = read(ARMENIA_HEAD + "<main><h1>Russia abandons Armenia</h1>" + ARMENIA
                + "<article><p>09:00 Talks between the foreign ministers of Armenia and Azerbaijan begin in Moscow this "
                + "morning, our correspondent reports.</p></article>"
                + "<article><p>10:30 The CSTO says it will send observers to the border, but no troops, before the "
                + "end of the month.</p></article>"
                + "<article><p>11:15 Protesters gather outside the Russian embassy in Yerevan, police say, and the "
                + "crowd is growing.</p></article></main></body></html>");
        assertEquals(ARMENIA_TEXT + "\n\n09:00 Talks between the foreign ministers of Armenia and Azerbaijan begin in "
                + "Moscow this morning, our correspondent reports.\n\n10:30 The CSTO says it will send observers to the "
                + "border, but no troops, before the end of the month.\n\n11:15 Protesters gather outside the Russian "
                + "embassy in Yerevan, police say, and the crowd is growing.", blog.text());
    }

    /** A relative canonical or og:url is resolved against {@code <base href>}, as a browser does. */
    @Test
    void relativeCanonicalIsResolvedAgainstTheBase() throws IOException {
        String body = "<body><article><p>The Kremlin betrayed Armenia, officials in Yerevan said.</p></article></body></html>";
        assertEquals("https://news.example.org/world/2023/09/armenia-left-alone", read("<html><head>"
                + "<base href=\"https://news.example.org/world/\"><link rel=\"canonical\" href=\"2023/09/armenia-left-alone\">"
                + "<meta property=\"og:url\" content=\"/world/2023/09/armenia-left-alone\"></head>" + body).url());
        assertEquals("https://news.example.org/world/2023/09/armenia-left-alone", read("<html><head>"
                + "<base href=\"https://news.example.org/\"><meta property=\"og:url\" content=\"/world/2023/09/armenia-left-alone\">"
                + "</head>" + body).url());
        // without a base, an absolute og:url is taken over a relative canonical, and a lone relative one stays as written
        assertEquals("https://news.example.org/a", read("<html><head><link rel=\"canonical\" href=\"/a\">"
                + "<meta property=\"og:url\" content=\"https://news.example.org/a\"></head>" + body).url());
        assertEquals("2023/09/armenia-left-alone", read("<html><head><link rel=\"canonical\" href=\"2023/09/armenia-left-alone\">"
                + "</head>" + body).url());
    }

    /** The audit's date pages (audit 11b #1): the story's paragraph of the real article, dated 3 March 2015 in the story. */
    private static String datedPage(String before, String storyDate, String after) {
        return "<html><head><title>" + Entities.escape(title) + "</title></head><body>" + before + "<main><article><h1>"
                + Entities.escape(title) + "</h1>" + storyDate + html(paragraphs) + "</article></main>" + after
                + "</body></html>";
    }

    /**
     * A {@code <time>} outside the story (a site header's clock, a related story's card in an aside
     * or in {@code <main>}) or one that is no date (a "4 min read" duration) does not date the
     * article: the story's own date does.
     */
    @Test
    void aTimeOutsideTheStoryOrNoDateDoesNotDateTheArticle() throws IOException {
        String storyTime = "<time datetime=\"2015-03-03T10:00:00+03:00\">3 March 2015</time>";
        assertEquals("2015-03-03T10:00:00+03:00", read(datedPage("<nav>Today: <time datetime=\"2026-12-07\">7 December "
                + "2026</time> <a href=\"/\">Home</a></nav><header><time datetime=\"2026-12-08\">Tue</time></header>",
                storyTime, "")).published());
        assertEquals("2015-03-03T10:00:00+03:00", read(datedPage("<aside><ul><li><a href=\"/y\">Other story</a> "
                + "<time datetime=\"2023-11-11T08:00:00Z\">11 Nov</time></li></ul></aside>", storyTime, "")).published());
        assertEquals("2015-03-03T10:00:00+03:00", read(datedPage("", "<p><time datetime=\"PT4M\">4 min read</time> · "
                + storyTime + "</p>", "<footer><time datetime=\"2026-12-07\">today</time></footer>")).published());
        String card = "<article class=\"card\"><h3><a href=\"/x\">Weather warning for Tuesday</a></h3>"
                + "<time datetime=\"2023-11-11\">11 Nov</time><p>Rain expected.</p></article>";
        Article beside = read(head() + "<main>" + card + "<article><h1>" + Entities.escape(title) + "</h1>" + storyTime
                + html(paragraphs) + "</article>" + card + "</main></body></html>");
        assertEquals("2015-03-03T10:00:00+03:00", beside.published());
        assertEquals(null, read(datedPage("<nav><time datetime=\"2026-12-07\">today</time></nav>", "", card)).published(),
                "a page whose only dates are outside its story is undated");
    }

    /**
     * What stays dated: a page whose only {@code <time>} is in the story, also in the story's own
     * {@code <header>} (a WordPress post's byline), and a live blog by its first post's time.
     */
    @Test
    void aTimeInTheStoryStillDatesIt() throws IOException {
        assertEquals("2018-01-05", read(datedPage("", "<p>By Staff, <time datetime=\"2018-01-05\">5 January</time></p>", ""))
                .published());
        assertEquals("2018-01-05T09:30:00Z", read(head() + "<main><article><header class=\"entry-header\"><h1>"
                + Entities.escape(title) + "</h1><div class=\"entry-meta\"><time class=\"entry-date published\" "
                + "datetime=\"2018-01-05T09:30:00Z\">January 5, 2018</time></div></header>" + html(paragraphs)
                + "</article></main></body></html>").published());
        assertEquals("2018-09-18T10:00", read(head() + "<main><h1>" + Entities.escape(title) + "</h1><article>"
                + "<time datetime=\"2018-09-18T10:00\">10:00</time>" + html(paragraphs.subList(0, 3)) + "</article><article>"
                + "<time datetime=\"2018-09-18T10:30\">10:30</time>" + html(paragraphs.subList(3, 6))
                + "</article></main></body></html>").published());
    }

    /**
     * Where a page declares its date, in order: the meta tags, JSON-LD {@code datePublished} of an
     * article (also in {@code @graph}, in an array, with a type list), microdata
     * {@code datePublished} (content or datetime), {@code <time pubdate>}; each before the story's
     * first {@code <time>}, and a declared value that is no date gives way to one that is.
     */
    @Test
    void aDeclaredDateComesFirstInTheDocumentedOrder() throws IOException {
        String storyTime = "<time datetime=\"2015-03-09\">9 March</time>";
        String jsonLd = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"datePublished\":\"2010-01-01\"},{\"@type\":[\"ReportageNewsArticle\"],"
                + "\"datePublished\":\"2015-03-04T08:00:00Z\"}]}</script>";
        String meta = "<meta property=\"article:published_time\" content=\"2015-03-03T10:00:00Z\">";
        String microdata = "<span itemprop=\"datePublished\" content=\"2015-03-05\">5 March</span>";
        String pubdate = "<time pubdate datetime=\"2015-03-06\">6 March</time>";
        String all = microdata + pubdate + storyTime;
        assertEquals("2015-03-03T10:00:00Z", read(datedPage(meta + jsonLd, all, "")).published());
        assertEquals("2015-03-04T08:00:00Z", read(datedPage(jsonLd, all, "")).published());
        assertEquals("2015-03-05", read(datedPage("", storyTime + microdata + pubdate, "")).published());
        assertEquals("2015-03-06", read(datedPage("", storyTime + pubdate, "")).published());
        assertEquals("2015-03-07T10:00:00Z", read(datedPage("<script type=\"application/ld+json\">[{\"@type\":"
                + "\"BreadcrumbList\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-03-07T10:00:00Z\"}]</script>"
                + "<script type=\"application/ld+json\">{ not JSON</script>", storyTime, "")).published());
        assertEquals("2015-03-09", read(datedPage("<time itemprop=\"datePublished\" datetime=\"2015-03-08\">8 March</time>",
                storyTime, "")).published(), "microdata outside the story is a card's, not the article's");
        assertEquals("2015-03-04T08:00:00Z", read(datedPage("<meta property=\"article:published_time\" content=\"soon\">"
                + jsonLd, "", "")).published(), "an unreadable meta date gives way to a readable declared one");
        assertEquals("2015-03-09", read(datedPage("<meta name=\"date\" content=\"soon\">", storyTime, "")).published());
        Article undated = read(datedPage("<meta name=\"date\" content=\"soon\">", "", ""));
        assertEquals("soon", undated.published(), "a declared value that no date follows is kept as written");
        assertEquals(List.of("\"published\" \"soon\" is not a date this tool reads (docs/reports.md, \"Dates that are "
                + "read\"): the article counts as undated"), undated.warnings());
    }

    /**
     * The audit's wire brief (audit 12b #3): one paragraph with a linked name in an {@code <article>},
     * a two-sentence sign-up box beside it in {@code <main>}. The brief is the page's only prose of its
     * weight, so it is the story and not a card; the box is not read.
     */
    @Test
    void aShortBriefWithALinkedNameIsTheStoryNotACard() throws IOException {
        Article a = read("""
                <!DOCTYPE html>
                <html lang="en"><head><meta property="og:title" content="Lavrov: NATO is preparing to attack Russia"><meta property="og:site_name" content="TASS"></head>
                <body><main>
                <article class="news">
                <h1>Lavrov: NATO is preparing to attack Russia</h1>
                <p>MOSCOW, March 3. /TASS/. NATO is preparing to attack Russia, Russian Foreign Minister <a href="/person/lavrov">Sergey Lavrov</a> said on Tuesday. He said the alliance had moved troops to the Baltic states.</p>
                </article>
                <div class="subscribe-box"><p>Subscribe to our Telegram channel. Get the most important news from Moscow first.</p></div>
                </main></body></html>
                """);
        assertEquals("Lavrov: NATO is preparing to attack Russia\n\nMOSCOW, March 3. /TASS/. NATO is preparing to attack "
                + "Russia, Russian Foreign Minister Sergey Lavrov said on Tuesday. He said the alliance had moved troops to "
                + "the Baltic states.", a.text());
    }

    /** What stays: a card as long as that brief beside a story that outweighs it is still left out. */
    @Test
    void aCardBesideAHeavierStoryIsStillLeftOut() throws IOException {
        Article a = read(ARMENIA_HEAD + "<main><h1>Russia abandons Armenia</h1>" + ARMENIA + "<article><p>MOSCOW, March 3. "
                + "NATO is preparing to attack Russia, Russian Foreign Minister <a href=\"/person/lavrov\">Sergey Lavrov</a> "
                + "said on Tuesday.</p></article></main></body></html>");
        assertEquals(ARMENIA_TEXT, a.text());
    }

    /**
     * A page that ASP.NET WebForms wraps whole in its {@code <form>} (audit 12b #4) keeps its story;
     * the form's controls and a sign-up form beside a story go.
     */
    @Test
    void aFormWrappingThePageKeepsItsStoryAndABoxFormGoes() throws IOException {
        Article audit = read("""
                <!DOCTYPE html>
                <html><head><title>Russia abandons its allies | Caucasus Watch</title>
                <meta property="og:title" content="Russia abandons its allies"></head>
                <body>
                <form method="post" action="./article.aspx?id=1234" id="aspnetForm">
                <input type="hidden" name="__VIEWSTATE" value="abc">
                <div id="content">
                <h1>Russia abandons its allies</h1>
                <p>Russia abandoned Armenia when Azerbaijan attacked Nagorno-Karabakh in September 2023, analysts in Yerevan said.</p>
                <p>The Collective Security Treaty Organization did not send troops, and Moscow's peacekeepers stood aside.</p>
                </div>
                </form>
                </body></html>
                """);
        assertEquals("Russia abandons its allies\n\nRussia abandoned Armenia when Azerbaijan attacked Nagorno-Karabakh in "
                + "September 2023, analysts in Yerevan said.\n\nThe Collective Security Treaty Organization did not send "
                + "troops, and Moscow's peacekeepers stood aside.", audit.text());
        String signUp = "<form action=\"/subscribe\"><p>Get our newsletter. The week's best stories from Moscow, Kyiv and "
                + "Yerevan, every Friday.</p><label>Email</label><input type=\"email\"><button>Sign up</button></form>";
        Article real = read(head() + "<form id=\"form1\"><div class=\"search\"><label>Search</label><input type=\"text\">"
                + "<button>Go</button></div><div id=\"content\"><h1>" + Entities.escape(title) + "</h1>" + html(paragraphs)
                + "</div></form></body></html>");
        assertEquals(story(), real.text());
        Article beside = read(head() + "<div id=\"content\"><h1>" + Entities.escape(title) + "</h1>" + html(paragraphs)
                + signUp + "</div></body></html>");
        assertEquals(story(), beside.text());
    }

    /**
     * Reader comments in common markups (audit 12b #5): a comments section of comment blocks, a list
     * of comments, schema.org comment microdata. An opinion piece whose class names it commentary stays.
     */
    @Test
    void commentsInCommonMarkupsAreNotReadButCommentaryIs() throws IOException {
        Article audit = read("""
                <!DOCTYPE html>
                <html lang="en"><head><meta property="og:title" content="EU approves new aid package for Armenia"></head>
                <body><main><article>
                <h1>EU approves new aid package for Armenia</h1>
                <p>The European Union on Monday approved a new aid package of 270 million euros for Armenia, the European Commission said.</p>
                <p>The funds will support the economy and border management, officials in Brussels said.</p>
                </article>
                <section class="comments">
                <h3>4 comments</h3>
                <div class="comment"><span class="author">truthseeker77</span><p>Russia betrayed Armenia and now the EU is collapsing too. NATO is preparing to attack Russia.</p></div>
                <div class="comment"><span class="author">ivan_k</span><p>The West is using Armenia against Russia.</p></div>
                </section>
                </main></body></html>
                """);
        assertEquals("EU approves new aid package for Armenia\n\nThe European Union on Monday approved a new aid package of "
                + "270 million euros for Armenia, the European Commission said.\n\nThe funds will support the economy and "
                + "border management, officials in Brussels said.", audit.text());
        String comment = "<p>Russia betrayed Armenia and now the EU is collapsing too. NATO is preparing to attack Russia.</p>";
        Article real = read(head() + "<main><div class=\"commentary\"><h1>" + Entities.escape(title) + "</h1>"
                + html(paragraphs) + "</div><ol class=\"comment-thread\"><li>" + comment + "</li></ol>"
                + "<div itemprop=\"comment\" itemscope>" + comment + "</div></main></body></html>");
        assertEquals(story(), real.text());
    }

    /**
     * Menus and link lines (audit 12b #6 and the inline box of #2): an AMP page's sidebar, a "Most
     * Read" column of headline links, an inline "READ MORE:" headline and a "Read more" box inside the
     * story are not read. A paragraph with links in its sentences, and a card's headline link when
     * a section front of cards is read, stay.
     */
    @Test
    void menusAndLinkLinesAreNotReadButLinksInSentencesAre() throws IOException {
        Article amp = read("""
                <!doctype html>
                <html amp lang="en"><head><meta charset="utf-8"><title>Moscow warns Lithuania over Baltic exercises</title></head>
                <body>
                <amp-sidebar id="sidebar" layout="nodisplay" side="left">
                <ul><li><a href="/en/russia">Russia</a></li><li><a href="/en/nato">NATO</a></li><li><a href="/en/eu">European Union</a></li><li><a href="/en/karabakh">Karabakh</a></li></ul>
                </amp-sidebar>
                <div class="amp-article">
                <h1>Moscow warns Lithuania over Baltic exercises</h1>
                <p>The Russian Foreign Ministry warned on Friday that military exercises in Lithuania were a provocation.</p>
                <p>Vilnius said the drills were defensive.</p>
                </div>
                </body></html>
                """);
        assertEquals("Moscow warns Lithuania over Baltic exercises\n\nThe Russian Foreign Ministry warned on Friday that "
                + "military exercises in Lithuania were a provocation.\n\nVilnius said the drills were defensive.", amp.text());
        Article mostRead = read("""
                <!DOCTYPE html>
                <html><head><meta property="og:title" content="Armenia signs trade deal with Iran"></head>
                <body><div class="wrapper">
                <div class="col-left"><h3>Most Read</h3>
                <ul><li><a href="/1">NATO is preparing to attack Russia, Lavrov warns</a></li>
                <li><a href="/2">Russia betrayed Armenia, says opposition leader</a></li></ul></div>
                <div class="col-main">
                <h1>Armenia signs trade deal with Iran</h1>
                <p>Armenia and Iran signed a trade agreement in Yerevan on Tuesday, the economy ministry said.</p>
                <p>The deal lowers tariffs on agricultural goods.</p>
                </div></div></body></html>
                """);
        assertEquals("Armenia signs trade deal with Iran\n\nArmenia and Iran signed a trade agreement in Yerevan on Tuesday, "
                + "the economy ministry said.\n\nThe deal lowers tariffs on agricultural goods.", mostRead.text());
        Article readMore = read("""
                <!DOCTYPE html>
                <html lang="en"><head><meta property="og:title" content="Lavrov meets Armenian counterpart in Moscow"><meta property="og:site_name" content="RT International"></head>
                <body><div class="layout"><div class="article">
                <h1>Lavrov meets Armenian counterpart in Moscow</h1>
                <div class="article__text">
                <p>Russian Foreign Minister Sergei Lavrov met his Armenian counterpart Ararat Mirzoyan in Moscow on Thursday.</p>
                <p><strong>READ MORE: <a href="/russia/1">Russia betrayed Armenia? Moscow rejects Pashinyan's claim</a></strong></p>
                <p>The ministers discussed transport links in the South Caucasus.</p>
                </div></div></div></body></html>
                """);
        assertEquals("Lavrov meets Armenian counterpart in Moscow\n\nRussian Foreign Minister Sergei Lavrov met his Armenian "
                + "counterpart Ararat Mirzoyan in Moscow on Thursday.\n\nThe ministers discussed transport links in the South "
                + "Caucasus.", readMore.text());
        Article inlineBox = read(Files.readString(INLINE_READ_MORE_PAGE)); // audit 12b #2, the HTML twin
        assertEquals("Pashinyan: CSTO failed Armenia\n\nYEREVAN, March 12. Prime Minister Nikol Pashinyan told parliament on "
                + "Tuesday that the Collective Security Treaty Organization failed Armenia in 2021 and 2022.\n\nHe said that "
                + "Russia betrayed Armenia when Azerbaijan attacked in September 2023.\n\nThe Kremlin spokesman Dmitry Peskov "
                + "rejected the accusation.", inlineBox.text());
        List<String> linked = new ArrayList<>(paragraphs);
        linked.set(0, "<a href=\"/trump\">President Trump</a> " + paragraphs.get(0));
        Article withLinks = read(head() + "<article><h1>" + Entities.escape(title) + "</h1><p>" + String.join("</p><p>", linked)
                + "</p><p>The statement: <a href=\"/statement\">White House</a>.</p></article></body></html>");
        List<String> expected = new ArrayList<>(paragraphs);
        expected.set(0, "President Trump " + paragraphs.get(0));
        expected.add("The statement: White House.");
        assertEquals(title + "\n\n" + String.join("\n\n", expected), withLinks.text());
    }

    /**
     * A standfirst in the story's own {@code <header>} is story text (audit 12b #7), on the audit's
     * page and on the real article whose first paragraph is its standfirst; the site's header is not read.
     */
    @Test
    void aStandfirstInTheStorysOwnHeaderIsReadAndTheSiteHeaderIsNot() throws IOException {
        Article audit = read("""
                <!DOCTYPE html>
                <html><head><meta property="og:title" content="Kremlin left Armenia alone, says minister"></head>
                <body>
                <main><article>
                <header>
                <h1>Kremlin left Armenia alone, says minister</h1>
                <p class="standfirst">Armenia's foreign minister said Russia betrayed Armenia in 2023 and that the CSTO had become useless to Yerevan.</p>
                <div class="byline">By Lilit Hakobyan</div>
                </header>
                <p>Ararat Mirzoyan told reporters in Yerevan that the alliance had failed its member.</p>
                <p>Moscow denied the claim and said it remained a reliable partner.</p>
                </article></main>
                </body></html>
                """);
        assertEquals("Kremlin left Armenia alone, says minister\n\nArmenia's foreign minister said Russia betrayed Armenia in "
                + "2023 and that the CSTO had become useless to Yerevan.\n\nBy Lilit Hakobyan\n\nArarat Mirzoyan told "
                + "reporters in Yerevan that the alliance had failed its member.\n\nMoscow denied the claim and said it "
                + "remained a reliable partner.", audit.text());
        Article real = read(head() + "<main><article><header><h1>" + Entities.escape(title) + "</h1><p class=\"standfirst\">"
                + Entities.escape(paragraphs.get(0)) + "</p></header>" + html(paragraphs.subList(1, paragraphs.size()))
                + "</article></main></body></html>");
        assertEquals(story(), real.text());
        assertFalse(real.text().contains("Daily News"), "the site's <header> is furniture");
    }

    /**
     * A site logo's {@code <h1>} in the site header is not the title (audit 12b #8): the page's
     * {@code <title>}, the story's {@code <h2>} with the site's name after it, is, and that headline
     * is not repeated in the text. What stays: a live blog's {@code <h1>} above its posts is the title.
     */
    @Test
    void aSiteLogoH1IsNotTheTitle() throws IOException {
        Article a = read("""
                <!DOCTYPE html>
                <html><head><title>NATO plans to attack Russia, claims Moscow - Daily Caucasus</title></head>
                <body>
                <header><h1 class="logo"><a href="/">Daily Caucasus</a></h1></header>
                <div class="story">
                <h2>NATO plans to attack Russia, claims Moscow</h2>
                <p>Russian Foreign Minister Sergei Lavrov said on Monday that NATO is preparing to attack Russia from the Baltic states.</p>
                <p>Estonia and Latvia dismissed the claim as propaganda.</p>
                </div>
                </body></html>
                """);
        assertEquals("NATO plans to attack Russia, claims Moscow", a.title());
        assertEquals("NATO plans to attack Russia, claims Moscow\n\nRussian Foreign Minister Sergei Lavrov said on Monday that "
                + "NATO is preparing to attack Russia from the Baltic states.\n\nEstonia and Latvia dismissed the claim as "
                + "propaganda.", a.text());
    }

    /**
     * An {@code og:title} that is the headline with the site's name after it (audit 12b #9) is the
     * headline, which is not repeated in the text. What stays: a title whose part after a colon is a
     * heading ("Lavrov: NATO ...") keeps its speaker, and a subheading that is the title's longer part
     * is no headline.
     */
    @Test
    void aTitleWithTheSiteNameMatchesItsHeadline() throws IOException {
        Article a = read("""
                <!DOCTYPE html>
                <html><head><meta property="og:title" content="Russia betrayed Armenia, says Pashinyan | News.am"></head>
                <body><main><article>
                <h1>Russia betrayed Armenia, says Pashinyan</h1>
                <p>Prime Minister Nikol Pashinyan spoke to parliament in Yerevan on Tuesday about the CSTO.</p>
                </article></main></body></html>
                """);
        assertEquals("Russia betrayed Armenia, says Pashinyan", a.title());
        assertEquals("Russia betrayed Armenia, says Pashinyan\n\nPrime Minister Nikol Pashinyan spoke to parliament in Yerevan "
                + "on Tuesday about the CSTO.", a.text());
        Article real = read("<html><head><meta property=\"og:title\" content=\"RT World News - " + Entities.escape(title)
                + "\"></head><body><article><h1>" + Entities.escape(title) + "</h1>" + html(paragraphs) + "</article></body></html>");
        assertEquals(story(), real.text());
        Article colon = read("<html><head><meta property=\"og:title\" content=\"Lavrov: NATO is preparing to attack\"></head>"
                + "<body><article><h2>NATO is preparing to attack</h2>" + html(paragraphs) + "</article></body></html>");
        assertEquals("Lavrov: NATO is preparing to attack", colon.title());
        assertEquals("Lavrov: NATO is preparing to attack\n\nNATO is preparing to attack\n\n" + String.join("\n\n", paragraphs),
                colon.text());
        Article longer = read("<html><head><meta property=\"og:title\" content=\"Talks - what the Kremlin and Yerevan "
                + "said\"></head><body><article><h2>Talks</h2>" + html(paragraphs) + "</article></body></html>");
        assertEquals("Talks - what the Kremlin and Yerevan said", longer.title());
        assertEquals("Talks - what the Kremlin and Yerevan said\n\nTalks\n\n" + String.join("\n\n", paragraphs), longer.text());
    }
}
