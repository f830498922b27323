package org.narrativewatch.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.narrativewatch.TestData;
import org.narrativewatch.ingest.PageLayout;
import org.narrativewatch.pipeline.Resources;

class PatternProbeTest {
    /** Exponential in java.util.regex even with Java 9's memo of simple loops: 25 characters take seconds. */
    private static final Pattern CATASTROPHIC = Pattern.compile("((a+)+)+b");

    @Test
    void anInterruptStopsARunawayRegexOnInterruptibleText() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                InterruptibleText.matcher(CATASTROPHIC, "a".repeat(200) + "!").find();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join(300);
        assertTrue(t.isAlive(), "the match should still be running after 300 ms");
        long interruptedAt = System.nanoTime();
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive(), "the interrupted match should have stopped");
        assertInstanceOf(InterruptibleText.MatchInterruptedException.class, thrown.get());
        assertTrue(System.nanoTime() - interruptedAt < 1_000_000_000L, "stopped within a second of the interrupt");
    }

    @Test
    void interruptibleTextMatchesLikeTheString() {
        Pattern date = Pattern.compile("(?i)^(\\d+|an?)\\s+(hour|day)s?\\s+ago$");
        assertTrue(InterruptibleText.matcher(date, "4 hours ago").matches());
        assertFalse(InterruptibleText.matcher(date, "4 hours later").matches());
        var m = InterruptibleText.matcher(Pattern.compile("(\\w+) (\\w+)"), "Moscow denied it");
        assertTrue(m.find());
        assertTrue(m.group(2).equals("denied"));
    }

    @Test
    void catastrophicRegexesAreFoundAndSaneOnesPass() {
        String problem = PatternProbe.regex(CATASTROPHIC);
        assertNotNull(problem);
        assertTrue(problem.contains("pattern /((a+)+)+b/ takes > 250 ms on a 30-character probe: catastrophic backtracking"),
                problem);
        assertNull(PatternProbe.regex(Pattern.compile("1[6-8][0-9][0-9]|19[0-8][0-9]")));
        assertNull(PatternProbe.regex(Pattern.compile("(?i)\\b(russo-?phob\\w*|anti-russian)\\b")));
    }

    @Test
    void catastrophicTokensRegexesAreFoundAndSaneOnesPass() {
        String nested = "([{word:a}]+)+ [{word:b}]";
        String problem = PatternProbe.tokensRegex(nested, TokenSequencePattern.compile(nested));
        assertNotNull(problem);
        assertTrue(problem.startsWith("TokensRegex pattern takes > 250 ms on a 30-token probe"), problem);

        String emptyLoop = "([{word:a}]*)* [{word:b}]";
        problem = PatternProbe.tokensRegex(emptyLoop, TokenSequencePattern.compile(emptyLoop));
        assertNotNull(problem);
        assertTrue(problem.contains("overflows the stack") || problem.contains("catastrophic"), problem);

        String nodeRegex = "[{word:/((a+)+)+b/}] [{lemma:russia}]";
        problem = PatternProbe.tokensRegex(nodeRegex, TokenSequencePattern.compile(nodeRegex));
        assertNotNull(problem);
        assertTrue(problem.startsWith("pattern /((a+)+)+b/ takes > 250 ms"), problem);

        String sane = "[{word:/1[6-8][0-9][0-9]|19[0-8][0-9]/}] []{0,3} [{lemma:/occupy|liberate/}]";
        assertNull(PatternProbe.tokensRegex(sane, TokenSequencePattern.compile(sane)));
    }

    @Test
    void pageLayoutRefusesCatastrophicPatternsAndKeepsThePackagedOnes() throws IOException {
        assertNotNull(PageLayout.load(new ByteArrayInputStream(Resources.read(null, "boilerplate.yaml")), "packaged",
                TestData.shippedTagger()));
        for (String key : List.of("relative_date", "leading_furniture")) {
            String yaml = key + ": '((a+)+)+ ago'\n";
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> PageLayout.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml",
                            TestData.shippedTagger()));
            assertTrue(e.getMessage().contains("\nrules.yaml:1: " + key + ": pattern /((a+)+)+ ago/ takes > 250 ms"),
                    e.getMessage());
        }
    }

    /** Audit 12a, defects 1 and 3: a literal in front of the nested repetition hid it from the probes of the whole pattern. */
    @Test
    void aRepetitionBehindALiteralPrefixIsFound() {
        for (String source : List.of("(?i)^x((a+)+)+b$", "x((a+)+)+b", "(?i)^updated ((a+)+)+ ago$")) {
            String problem = PatternProbe.regex(Pattern.compile(source));
            assertNotNull(problem, source);
            assertTrue(problem.startsWith("pattern /" + source + "/ (its repetition ((a+)+)+, probed on its own) takes > 250 ms"
                    + " on a 30-character probe: catastrophic backtracking"), problem);
        }
        String nodeRegex = "[{word:/x((a+)+)+b/}]";
        String problem = PatternProbe.tokensRegex(nodeRegex, TokenSequencePattern.compile(nodeRegex));
        assertNotNull(problem);
        assertTrue(problem.startsWith("pattern /x((a+)+)+b/ (its repetition ((a+)+)+, probed on its own) takes > 250 ms"), problem);
        String sequence = "[{word:x}] ([{word:a}]+)+ [{word:b}]";
        problem = PatternProbe.tokensRegex(sequence, TokenSequencePattern.compile(sequence));
        assertNotNull(problem);
        assertTrue(problem.startsWith("TokensRegex pattern (its repetition ([{word:a}]+)+, probed on its own) takes > 250 ms"),
                problem);

        // A repetition Java matches in linear time passes wherever it stands: the probes measure, they do not judge the syntax.
        assertNull(PatternProbe.regex(Pattern.compile("^x(a+)+b"))); // Java remembers where a+ failed
        assertNull(PatternProbe.regex(Pattern.compile("(?i)^(\\w+ )+ago$"))); // every repetition ends at its own space
        String pairs = "[{word:x}] ([{word:a}] [{word:b}])+ [{word:c}]";
        assertNull(PatternProbe.tokensRegex(pairs, TokenSequencePattern.compile(pairs)));
    }

    @Test
    void repeatedGroupsAreFoundOutsideEscapesClassesStringsAndTokens() {
        assertEquals(List.of("(a+)+", "((a+)+)+"), PatternProbe.repeatedGroups("^x((a+)+)+b$", PatternProbe::regexAtomEnd));
        assertEquals(List.of(), PatternProbe.repeatedGroups("\\(a\\)+[(]+(b)(?:c|d)*+(?=e)[a-z&&[^(]]*",
                PatternProbe::regexAtomEnd));
        assertEquals(List.of("(?:c|d){2,}?"), PatternProbe.repeatedGroups("\\Q(x)+\\E(?:c|d){2,}?", PatternProbe::regexAtomEnd));
        assertEquals(List.of("([{word:a}]+)+"), PatternProbe.repeatedGroups(
                "[{word:/(a)+/}] \"(b)+\" ([{word:a}]+)+ /(c)*/", PatternProbe::tokensAtomEnd));
    }

    /**
     * The probes cannot see every slow pattern (here a run of repetitions after a literal, O(n^7)),
     * and the page layout's patterns run on the reader thread, which nothing interrupts: the
     * budget stops them.
     */
    @Test
    void aBudgetStopsARunawayRegexOnAThreadNoOneInterrupts() {
        Pattern polynomial = Pattern.compile("^x\\d*\\d*\\d*\\d*\\d*\\d*\\d*y");
        assertNull(PatternProbe.regex(polynomial));
        long t0 = System.nanoTime();
        InterruptibleText.MatchInterruptedException e = assertThrows(InterruptibleText.MatchInterruptedException.class,
                () -> InterruptibleText.within(Duration.ofMillis(300),
                        () -> InterruptibleText.matcher(polynomial, "x" + "7".repeat(300)).matches()));
        long elapsed = System.nanoTime() - t0;
        assertEquals("pattern /^x\\d*\\d*\\d*\\d*\\d*\\d*\\d*y/ took longer than the time budget of 300 ms on a text"
                + " of 301 characters: catastrophic backtracking (repetitions that can split the same text in many ways)",
                e.getMessage());
        assertTrue(elapsed < 2_000_000_000L, "stopped after " + elapsed / 1e9 + " s");

        // Within its budget a match answers as on the string, and the budget ends with the work.
        Pattern date = Pattern.compile("(?i)^(\\d+|an?)\\s+(hour|day)s?\\s+ago$");
        assertTrue(InterruptibleText.within(Duration.ofMillis(300), () -> InterruptibleText.matcher(date, "4 hours ago").matches()));
        assertFalse(InterruptibleText.matcher(polynomial, "x" + "7".repeat(20)).matches());
    }
}
