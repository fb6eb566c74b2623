package dev.purgedeck.fastly;

import java.util.regex.Pattern;

/** Quotes text for a POSIX shell (sh, bash, zsh) so that it reaches the command as one word, exactly as given. */
public final class ShellWords {
    // Bare only when no shell gives any of these characters a meaning: a leading "=" is expanded by zsh and a
    // leading "-" could read as an option, so a word must start with a letter, digit or "_".
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_@%+=:,./-]*");

    private ShellWords() {
    }

    /**
     * The word as is when it is safe bare, else in single quotes, within which no character is special; a single
     * quote itself ends the quoting, is escaped and opens it again ({@code '\''}).
     */
    public static String quote(String word) {
        if (BARE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
