package org.narrativewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar goes to stderr, so it is shown when stderr (not stdout) is a terminal. */
class TerminalProgressTest {
    @Test
    void stderrOnATerminalShowsProgressWhateverStdoutIs() {
        // analyze --jsonl - > f: stdout is a file, so the JVM has no console, but stderr is the terminal.
        assertTrue(TerminalProgress.isTerminal("/dev/pts/3", false));
        assertTrue(TerminalProgress.isTerminal("/dev/tty1", false));
        assertTrue(TerminalProgress.isTerminal("/dev/ttyS0", false));
        assertTrue(TerminalProgress.isTerminal("/dev/console", false));
    }

    @Test
    void stderrRedirectedShowsNoProgressEvenWithAConsole() {
        // analyze in --out o 2>run.err on a terminal: stdin and stdout are the terminal, stderr a file.
        assertFalse(TerminalProgress.isTerminal("/home/analyst/run.err", true));
        assertFalse(TerminalProgress.isTerminal("pipe:[48213]", true));
        assertFalse(TerminalProgress.isTerminal("socket:[48213]", true));
        assertFalse(TerminalProgress.isTerminal("/dev/null", true));
        assertFalse(TerminalProgress.isTerminal("/dev/ptsfile", true));
    }

    @Test
    void withoutProcTheConsoleDecides() {
        assertTrue(TerminalProgress.isTerminal(null, true));
        assertFalse(TerminalProgress.isTerminal(null, false));
    }

    @Test
    void linkTargetsAreReadAndAMissingLinkIsNull(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("fd2"), Path.of("/dev/pts/7"));
        assertEquals("/dev/pts/7", TerminalProgress.linkTarget(link));
        assertNull(TerminalProgress.linkTarget(dir.resolve("no-such-link")));
        assertNull(TerminalProgress.linkTarget(Files.writeString(dir.resolve("plain-file"), "x")));
    }
}
