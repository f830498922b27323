package org.narrativewatch.patterns;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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
 *
 * <p>A probe of the whole pattern never reaches a repetition behind a literal prefix
 * ({@code ^x((a+)+)+b}, {@code ^updated ((a+)+)+b}, {@code [{word:x}] ([{word:a}]+)+}): the run of
 * {@code a} fails at the prefix at once. So every repeated group is also probed on its own,
 * followed by what nothing matches ({@code (?!)}, or a token no probe holds), which fails after
 * every way the group can match and so makes the matcher try them all, as a failing
 * continuation of the real pattern would. The number of those ways is what
 * explodes, wherever the group stands. This stays a measurement, not a rule on the syntax: a
 * nesting that Java matches in linear time ({@code (\w+ )+}, or {@code (a+)+}, whose failed
 * positions Java remembers) passes.
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
    /** A token no probe holds: a repeated group probed on its own is followed by it, so every way to match the group fails. */
    private static final String NO_TOKEN = "[{word:/(?!)/}]";
    private static final Pattern INLINE_FLAGS = Pattern.compile("\\(\\?[a-zA-Z]*-?[a-zA-Z]*\\)");

    private PatternProbe() {
    }

    /** Null when {@code pattern} and each of its repeated groups pass every probe within the budget, else why it is refused. */
    public static String regex(Pattern pattern) {
        String source = pattern.pattern();
        List<Part> parts = new ArrayList<>();
        parts.add(regexPart(pattern, null));
        for (String group : repeatedGroups(source, PatternProbe::regexAtomEnd)) {
            try {
                parts.add(regexPart(Pattern.compile(inlineFlags(source) + group + "(?!)", pattern.flags()), group));
            } catch (PatternSyntaxException e) {
                // The group needs the rest of the pattern (a back reference to a group outside it): the whole pattern is probed.
            }
        }
        return within(parts, "pattern /" + source + "/", "character");
    }

    /** Runs {@code pattern} on a run of each character it spells out and on one cycle of them all, each with a tail that matches nothing. */
    private static Part regexPart(Pattern pattern, String group) {
        List<String> probes = new ArrayList<>();
        Set<Character> alphabet = alphabet(group != null ? group : pattern.pattern());
        char tail = tail(alphabet);
        StringBuilder cycle = new StringBuilder();
        for (char c : alphabet) {
            probes.add(String.valueOf(c).repeat(PROBE_LENGTH) + tail);
        }
        while (cycle.length() < PROBE_LENGTH) {
            alphabet.forEach(cycle::append);
        }
        probes.add(cycle.append(tail).toString());
        return new Part(group, () -> {
            for (String probe : probes) {
                Matcher m = InterruptibleText.matcher(pattern, probe);
                while (m.find()) {
                    // every match, as a rule runs them
                }
            }
        });
    }

    /**
     * Null when a TokensRegex pattern and each of its repeated groups pass every probe within the
     * budget, else why it is refused. Its {@code /regex/} literals are probed first as regular
     * expressions: CoreNLP runs them on one token's text with {@code java.util.regex}, where no
     * interrupt can stop them.
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
        List<Part> parts = new ArrayList<>();
        parts.add(tokensPart(pattern, null, probes));
        for (String group : repeatedGroups(source, PatternProbe::tokensAtomEnd)) {
            try {
                parts.add(tokensPart(TokenSequencePattern.compile(group + " " + NO_TOKEN), group, probes));
            } catch (RuntimeException e) {
                // The group needs the rest of the pattern (a back reference, a variable): the whole pattern is probed.
            }
        }
        return within(parts, "TokensRegex pattern", "token");
    }

    private static Part tokensPart(TokenSequencePattern pattern, String group, List<List<CoreLabel>> probes) {
        return new Part(group, () -> {
            for (List<CoreLabel> probe : probes) {
                TokenSequenceMatcher m = pattern.getMatcher(probe);
                while (m.find()) {
                    // every match, as a rule runs them
                }
            }
        });
    }

    /**
     * The groups that a quantifier repeats, each with its quantifier, in the order their closing
     * parentheses appear: {@code ((a+)+)+} and {@code (a+)+} in {@code ^x((a+)+)+b}. Not
     * lookarounds (they match no text to repeat), nor possessive repetitions (they never give back
     * what they matched). {@code atomEnd} gives, for a position, the last position of the
     * opaque part that starts there (an escape, a character class, a token or a {@code /regex/}),
     * whose parentheses are not groups; the position itself when nothing opaque starts there.
     */
    static List<String> repeatedGroups(String source, AtomEnd atomEnd) {
        List<String> groups = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < source.length(); i++) {
            int opaqueEnd = atomEnd.of(source, i);
            if (opaqueEnd > i) {
                i = opaqueEnd;
            } else if (source.charAt(i) == '(') {
                open.push(i);
            } else if (source.charAt(i) == ')' && !open.isEmpty()) {
                int start = open.pop();
                int end = quantifierEnd(source, i + 1);
                boolean lookaround = source.startsWith("(?=", start) || source.startsWith("(?!", start)
                        || source.startsWith("(?<=", start) || source.startsWith("(?<!", start);
                if (end > i + 1 && !lookaround && !source.startsWith("+", end)) {
                    groups.add(source.substring(start, end));
                }
            }
        }
        return groups;
    }

    /** The last position of the opaque part of a pattern that starts at {@code at}, or {@code at}. */
    @FunctionalInterface
    interface AtomEnd {
        int of(String source, int at);
    }

    /** In a regular expression: an escape ({@code \(}, {@code \Q...\E}) or a character class ({@code [(]}, {@code [a-z&&[^b]]}). */
    static int regexAtomEnd(String source, int at) {
        char c = source.charAt(at);
        if (c == '\\') {
            if (source.startsWith("Q", at + 1)) {
                int end = source.indexOf("\\E", at + 2);
                return end < 0 ? source.length() - 1 : end + 1;
            }
            return Math.min(at + 1, source.length() - 1);
        }
        if (c == '[') {
            return closingBracket(source, at, (text, i) -> text.charAt(i) == '\\' ? i + 1 : i);
        }
        return at;
    }

    /** In TokensRegex: a token in brackets ({@code [{word:/a(b)/}]}), a quoted string or a {@code /regex/}. */
    static int tokensAtomEnd(String source, int at) {
        char c = source.charAt(at);
        if (c == '"' || c == '/') {
            for (int i = at + 1; i < source.length(); i++) {
                if (source.charAt(i) == '\\') {
                    i++;
                } else if (source.charAt(i) == c) {
                    return i;
                }
            }
            return source.length() - 1;
        }
        if (c == '[') {
            return closingBracket(source, at,
                    (text, i) -> text.charAt(i) == '"' || text.charAt(i) == '/' ? tokensAtomEnd(text, i) : i);
        }
        return at;
    }

    /**
     * Where the bracket that opens at {@code at} closes (the end of the source when it does not), counting
     * nested brackets and passing over what {@code opaque} finds inside: an escape in a character class, a
     * quoted string or {@code /regex/} in a token.
     */
    private static int closingBracket(String source, int at, AtomEnd opaque) {
        int depth = 0;
        for (int i = at; i < source.length(); i++) {
            char d = source.charAt(i);
            if (d == '[') {
                depth++;
            } else if (d == ']' && --depth == 0) {
                return i;
            } else {
                i = opaque.of(source, i);
            }
        }
        return source.length() - 1;
    }

    /** Where the quantifier that starts at {@code at} ends, a lazy {@code ?} included; {@code at} when there is none. */
    private static int quantifierEnd(String source, int at) {
        if (at >= source.length()) {
            return at;
        }
        char q = source.charAt(at);
        int end = at;
        if (q == '*' || q == '+' || q == '?') {
            end = at + 1;
        } else if (q == '{') {
            int close = source.indexOf('}', at);
            end = close < 0 ? at : close + 1;
        }
        return end > at && source.startsWith("?", end) ? end + 1 : end;
    }

    /** The pattern's flag groups such as {@code (?i)}, which a group probed on its own needs in front. */
    private static String inlineFlags(String source) {
        StringBuilder flags = new StringBuilder();
        Matcher m = INLINE_FLAGS.matcher(source);
        while (m.find()) {
            flags.append(m.group());
        }
        return flags.toString();
    }

    /** Probes of a whole pattern (group null) or of one of its repeated groups. */
    private record Part(String group, Runnable probes) {
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
     * Runs the parts' probes on their own thread; null when they end within the budget, else the
     * problem, naming the repeated group whose probes were running. The thread is interrupted at
     * the budget, so a runaway probe stops.
     */
    private static String within(List<Part> parts, String pattern, String unit) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Part> running = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                for (Part part : parts) {
                    running.set(part);
                    part.probes().run();
                }
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
                    return named(pattern, running.get()) + " takes > " + BUDGET.toMillis() + " ms on a " + PROBE_LENGTH + "-" + unit
                            + " probe: catastrophic backtracking (nested repetition such as ((a+)+)+b); rewrite it";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.interrupt();
            return pattern + " could not be checked: interrupted";
        }
        Throwable f = failure.get();
        String what = named(pattern, running.get());
        if (f instanceof StackOverflowError) {
            return what + " overflows the stack on a " + PROBE_LENGTH + "-" + unit
                    + " probe (a repetition of something that can match nothing, such as ([]*)*); rewrite it";
        }
        return f == null ? null : what + " fails on a " + PROBE_LENGTH + "-" + unit + " probe: " + f;
    }

    /** The pattern, and the repeated group in it whose probes ran over when that was one of them. */
    private static String named(String pattern, Part part) {
        return part == null || part.group() == null ? pattern
                : pattern + " (its repetition " + part.group() + ", probed on its own)";
    }
}
