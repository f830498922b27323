package org.narrativewatch.output;

/**
 * Untrusted text (file names, parser messages, values read from input or gold files) as it may be
 * written to a terminal. Shared by every command that echoes such text on stderr.
 */
public final class TerminalText {
    private static final int MAX_CHARS = 500;

    private TerminalText() {
    }

    /**
     * A message as it may go to a terminal: control characters (which could move the cursor,
     * recolour the screen or retitle the window) shown as escapes, and cut to a readable length.
     */
    public static String printable(String message) {
        StringBuilder sb = new StringBuilder(Math.min(message.length(), MAX_CHARS + 20));
        for (int i = 0; i < message.length() && sb.length() < MAX_CHARS; i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_CHARS) {
            sb.append(" ...");
        }
        return sb.toString();
    }
}
