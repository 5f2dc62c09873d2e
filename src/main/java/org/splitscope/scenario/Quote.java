package org.splitscope.scenario;

/**
 * Content of a file as an error may quote it (SCENARIO.md): one line, at most 80 characters, with
 * control characters shown as '?'. Callers quote only a file already recognised as the expected
 * format (issue 14 item 6).
 */
public final class Quote {
    public static final int MAX = 80;

    private Quote() {
    }

    public static String of(String text) {
        StringBuilder sb = new StringBuilder();
        String t = text.strip();
        for (int i = 0; i < t.length() && sb.length() < MAX; i++) {
            char c = t.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (t.length() > MAX) {
            sb.setLength(MAX - 3);
            sb.append("...");
        }
        return sb.toString();
    }
}
