package dev.purgedeck.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The questions a screen asks the user (which file, are you sure). View models ask it from their commands, so the
 * questions and what follows each answer are tested without the toolkit; tests answer it without windows, since
 * file choosers cannot be driven headless.
 */
public interface Dialogs {
    /** Asks where to save; {@code extension} like "csv". Empty when the user cancelled. */
    Optional<Path> saveFile(String title, String suggestedName, String description, String extension);

    /** Asks which file to open. Empty when the user cancelled. */
    Optional<Path> openFile(String title, String description, String... extensions);

    /** Asks a yes/no question; {@code action} is the wording of the yes button. */
    boolean confirm(String title, String question, String action);

    /**
     * Asks the user to type a word (e.g. a service's name) before something that cannot be undone: {@code action}
     * is enabled only while {@code accepts} takes what was typed. What they typed, or empty when cancelled.
     */
    Optional<String> askToType(String title, String header, String explanation, String prompt, String placeholder,
                               Predicate<String> accepts, String action);

    /** Asks for a line of text, e.g. a name; empty when cancelled. {@code check} says why a value is not
     * acceptable (shown under the field, OK disabled), or empty when it is. */
    Optional<String> askText(String title, String question, String initial,
                             java.util.function.Function<String, Optional<String>> check);

    /** Asks the user to pick one of {@code options}; empty when cancelled. */
    <T> Optional<T> choose(String title, String question, java.util.List<T> options,
                           java.util.function.Function<T, String> label);

    /** Tells the user something they should read. */
    void inform(String title, String message);
}
