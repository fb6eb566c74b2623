package dev.purgedeck.fastly;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Answers as text, decoded as {@code HttpResponse.BodyHandlers.ofString()} decodes them: in the charset the
 * {@code Content-Type} names, UTF-8 when it names none or one Java does not know. The JDK's handler finds the charset
 * with its general header parser, which cost each purge of a job more CPU than reading Fastly's answer
 * (docs/performance.md §11); the parameter is found here with plain string search.
 */
final class TextBodies {
    /** The handler every API request uses. */
    static final HttpResponse.BodyHandler<String> TEXT =
            info -> HttpResponse.BodySubscribers.ofString(charset(info.headers()));

    private TextBodies() {
    }

    /** The {@code charset} parameter of the {@code Content-Type} (case aside, quotes removed), else UTF-8. */
    static Charset charset(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
        for (int semi = type.indexOf(';'); semi >= 0; ) {
            int next = type.indexOf(';', semi + 1);
            String param = type.substring(semi + 1, next < 0 ? type.length() : next);
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String name = param.substring(eq + 1).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8; // unknown or malformed, as the JDK's handler falls back
                }
            }
            semi = next;
        }
        return StandardCharsets.UTF_8;
    }
}
