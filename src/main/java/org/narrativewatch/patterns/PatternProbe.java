package org.narrativewatch.patterns;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds analyst patterns that backtrack catastrophically, before they meet real text. Each
 * pattern runs on adversarial probes built from its own characters (or words): a run of
 * {@value #PROBE_LENGTH} of them and a tail that matches nothing, the classic trigger of nested
 * repetition such as {@code ((a+)+)+b}. A sane pattern answers in microseconds; one that needs
 * more than {@link #BUDGET} of CPU time on such a short probe grows exponentially with the input
 * and would hang on a real paragraph. The probes run on a separate thread that is interrupted at
 * the budget ({@link InterruptibleText} and CoreNLP's sequence matcher both stop on interrupt).
 */
public final class PatternProbe {
    /** Characters (regex) or tokens (TokensRegex) in one probe. */
    public static final int PROBE_LENGTH = 30;
    /** CPU time a pattern may use on all its probes together. */
    public static final Duration BUDGET = Duration.ofMillis(250);
    /** Wall time after which a probe is stopped even if its thread got little CPU (a loaded machine). */
    private static final Duration WALL_LIMIT = BUDGET.multipliedBy(20);
    private static final int MAX_ALPHABET = 24;
    private static final String TAILS = "!§~#\u0001";
    /** A {@code /regex/} literal in a TokensRegex pattern (a string pattern on one token's attribute). */
    private static final Pattern REGEX_LITERAL = Pattern.compile("/((?:\\\\.|[^/\\\\\\n])+)/");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_'-]+");

    private PatternProbe() {
    }

    /** Null when {@code pattern} passes every probe within the budget, else why it is refused. */
    public static String regex(Pattern pattern) {
        List<String> probes = new ArrayList<>();
        Set<Character> alphabet = alphabet(pattern.pattern());
        char tail = tail(alphabet);
        StringBuilder cycle = new StringBuilder();
        for (char c : alphabet) {
            probes.add(String.valueOf(c).repeat(PROBE_LENGTH) + tail);
        }
        while (!alphabet.isEmpty() && cycle.length() < PROBE_LENGTH) {
            alphabet.forEach(cycle::append);
        }
        probes.add(cycle.append(tail).toString());
        return within(() -> {
            for (String probe : probes) {
                Matcher m = InterruptibleText.matcher(pattern, probe);
                while (m.find()) {
                    // every match, as a rule runs them
                }
            }
        }, "pattern /" + pattern.pattern() + "/", "character");
    }

    /**
     * Null when a TokensRegex pattern passes every probe within the budget, else why it is
     * refused. Its {@code /regex/} literals are probed first as regular expressions: CoreNLP runs
     * them on one token's text with {@code java.util.regex}, where no interrupt can stop them.
     */
    public static String tokensRegex(String source, TokenSequencePattern pattern) {
        Matcher literal = REGEX_LITERAL.matcher(source);
        while (literal.find()) {
            Pattern nodeRegex;
            try {
                nodeRegex = Pattern.compile(literal.group(1));
            } catch (PatternSyntaxException e) {
                continue; // not a regex after all (a slash inside a quoted string); CoreNLP accepted the pattern
            }
            String problem = regex(nodeRegex);
            if (problem != null) {
                return problem;
            }
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher w = WORD.matcher(source);
        while (w.find() && words.size() < MAX_ALPHABET) {
            words.add(w.group());
        }
        words.add("x");
        List<List<CoreLabel>> probes = new ArrayList<>();
        List<String> cycle = new ArrayList<>();
        for (String word : words) {
            probes.add(tokens(Collections.nCopies(PROBE_LENGTH, word)));
        }
        while (cycle.size() < PROBE_LENGTH) {
            cycle.addAll(words);
        }
        probes.add(tokens(cycle));
        return within(() -> {
            for (List<CoreLabel> probe : probes) {
                TokenSequenceMatcher m = pattern.getMatcher(probe);
                while (m.find()) {
                    // every match, as a rule runs them
                }
            }
        }, "TokensRegex pattern", "token");
    }

    /** Probe tokens: every attribute a rule can test (word, lemma, tag, ner, normalized) is the word itself. */
    private static List<CoreLabel> tokens(List<String> words) {
        List<CoreLabel> labels = new ArrayList<>();
        for (String word : words) {
            labels.add(token(word));
        }
        labels.add(token("§"));
        return labels;
    }

    private static CoreLabel token(String word) {
        CoreLabel l = new CoreLabel();
        l.setWord(word);
        l.setValue(word);
        l.setOriginalText(word);
        l.setLemma(word);
        l.setTag(word);
        l.setNER(word);
        l.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, word);
        return l;
    }

    /** The characters a pattern spells out, with a sample character for {@code .}, {@code \d}, {@code \w} and {@code \s}. */
    private static Set<Character> alphabet(String source) {
        Set<Character> alphabet = new LinkedHashSet<>();
        for (int i = 0; i < source.length() && alphabet.size() < MAX_ALPHABET; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char e = source.charAt(++i);
                switch (e) {
                    case 'd' -> alphabet.add('7');
                    case 'w' -> alphabet.add('a');
                    case 's' -> alphabet.add(' ');
                    case 'D', 'W', 'S', 'b', 'B', 'p', 'P', 'A', 'z', 'Z', 'G' -> { }
                    default -> alphabet.add(e);
                }
            } else if (c == '.') {
                alphabet.add('a');
            } else if ("()[]{}|*+?^$".indexOf(c) < 0) {
                alphabet.add(c);
            }
        }
        if (alphabet.isEmpty()) {
            alphabet.add('a');
        }
        return alphabet;
    }

    private static char tail(Set<Character> alphabet) {
        for (char c : TAILS.toCharArray()) {
            if (!alphabet.contains(c)) {
                return c;
            }
        }
        return '\u0002';
    }

    /**
     * Runs the probes on their own thread; null when they end within the budget, else the
     * problem. The thread is interrupted at the budget, so a runaway probe stops.
     */
    private static String within(Runnable probes, String what, String unit) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                probes.run();
            } catch (RuntimeException | StackOverflowError e) {
                failure.set(e);
            }
        }, "nw-pattern-probe");
        t.setDaemon(true);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        t.start();
        try {
            while (t.isAlive()) {
                t.join(10);
                long wall = System.nanoTime() - started;
                long used = cpu.isThreadCpuTimeSupported() ? cpu.getThreadCpuTime(t.getId()) : wall;
                if (t.isAlive() && (used > BUDGET.toNanos() || wall > WALL_LIMIT.toNanos())) {
                    t.interrupt();
                    t.join(WALL_LIMIT.toMillis());
                    return what + " takes > " + BUDGET.toMillis() + " ms on a " + PROBE_LENGTH + "-" + unit
                            + " probe: catastrophic backtracking (nested repetition such as ((a+)+)+b); rewrite it";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            return what + " could not be checked: interrupted";
        }
        Throwable f = failure.get();
        if (f instanceof StackOverflowError) {
            return what + " overflows the stack on a " + PROBE_LENGTH + "-" + unit
                    + " probe (a repetition of something that can match nothing, such as ([]*)*); rewrite it";
        }
        return f == null ? null : what + " fails on a " + PROBE_LENGTH + "-" + unit + " probe: " + f;
    }
}
