package dev.purgedeck.fastly;

import java.util.Objects;

/** A Fastly API token that never shows its value in {@code toString}, logs or messages. */
public final class ApiToken {
    private final String secret;

    private ApiToken(String secret) {
        this.secret = secret;
    }

    /** Wraps a token; surrounding white space (a common copy-paste accident) is trimmed. */
    public static ApiToken of(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The API token is empty.");
        }
        return new ApiToken(trimmed);
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
