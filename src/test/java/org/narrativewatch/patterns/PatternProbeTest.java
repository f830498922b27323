package org.narrativewatch.patterns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
        assertNotNull(PageLayout.load(new ByteArrayInputStream(Resources.read(null, "boilerplate.yaml")), "packaged"));
        for (String key : List.of("relative_date", "leading_furniture")) {
            String yaml = key + ": '((a+)+)+ ago'\n";
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> PageLayout.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml"));
            assertTrue(e.getMessage().contains("\nrules.yaml:1: " + key + ": pattern /((a+)+)+ ago/ takes > 250 ms"),
                    e.getMessage());
        }
    }
}
