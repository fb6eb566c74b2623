package dev.purgedeck.cli;

import dev.purgedeck.fastly.Validation;

/** Makes a message safe and short enough for a terminal: escapes control and bidi characters, cuts echoed values. */
final class TerminalText {
    /** Longest message printed; a 100,000-character option echoed back would bury the reason. */
    static final int MAX_MESSAGE = 2000;

    private TerminalText() {
    }

    /** Each line of {@code message} escaped (line feeds kept as line breaks), the whole cut to {@link #MAX_MESSAGE}. */
    static String safe(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(Validation.printable(lines[i], MAX_MESSAGE));
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.length() > MAX_MESSAGE ? b.substring(0, MAX_MESSAGE) + "…" : b.toString();
    }

    /** A value typed by the user or stored, for quoting inside a message. */
    static String quoted(String value) {
        return "'" + Validation.printable(value, 80) + "'";
    }
}
