package dev.purgedeck.fastly;

import java.util.Objects;
import java.util.Optional;

/** A Fastly API token that never shows its value in {@code toString}, logs or messages. */
public final class ApiToken {
    /** Far above any Fastly token (32 characters); a whole pasted file is refused rather than sent. */
    static final int MAX_CHARS = 4096;

    private final String secret;

    private ApiToken(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps a token; surrounding white space (a common copy-paste accident) is trimmed.
     *
     * @throws IllegalArgumentException when it is empty or holds anything but visible ASCII, saying so without
     *                                  repeating the value
     */
    public static ApiToken of(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.strip();
        problem(trimmed).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return new ApiToken(trimmed);
    }

    /**
     * Why {@code value} (already trimmed) cannot be a token, or empty. It travels in the {@code Fastly-Key} header,
     * where only visible ASCII is safe: a line break would end the header, so checking here saves failing per item.
     */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("The API token is empty.");
        }
        if (value.length() > MAX_CHARS) {
            return Optional.of("The API token is longer than " + MAX_CHARS + " characters; paste only the token.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return Optional.of("The API token contains " + (c < 0x21 || c == 0x7F ? "a space, line break or "
                        + "control character" : "a character that is not plain ASCII") + " at position " + (i + 1)
                        + "; Fastly tokens are letters, digits, '-' and '_'. Paste only the token.");
            }
        }
        return Optional.empty();
    }

    /** The raw value, for the {@code Fastly-Key} header and secure storage only. */
    public String secret() {
        return secret;
    }

    /** A display form such as {@code ••••••••3f9a}: enough to tell two tokens apart, never enough to use one. */
    public String masked() {
        return mask(secret);
    }

    /** Replaces every occurrence of this token in {@code text} by its masked form. */
    public String scrub(String text) {
        return text == null ? null : text.replace(secret, masked());
    }

    static String mask(String value) {
        String tail = value.length() > 8 ? value.substring(value.length() - 4) : "";
        return "••••••••" + tail;
    }

    @Override
    public String toString() {
        return "ApiToken[" + masked() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiToken t && t.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }
}
