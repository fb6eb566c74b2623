package dev.purgedeck.fastly;

import java.text.Normalizer;

/**
 * How a typed service name is compared with a real one, the same in the window and on the command line: any dash
 * stands for any dash and runs of spaces count as one, since names often hold characters like "—" that few keyboards
 * have.
 */
public final class ServiceNameMatch {
    private ServiceNameMatch() {
    }

    /** The name with every dash a plain "-", spaces collapsed and trimmed; case is kept. */
    public static String loosely(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\p{Pd}", "-").replaceAll("\\s+", " ").strip();
    }

    /** Whether {@code typed} names {@code name} letter for letter (dashes and spaces aside), as a confirmation needs. */
    public static boolean exactly(String typed, String name) {
        return typed != null && name != null && loosely(typed).equals(loosely(name));
    }

    /** Whether {@code typed} names {@code name}, case, dashes and spaces aside, as a search needs. */
    public static boolean ignoringCase(String typed, String name) {
        return typed != null && name != null && loosely(typed).equalsIgnoreCase(loosely(name));
    }
}
