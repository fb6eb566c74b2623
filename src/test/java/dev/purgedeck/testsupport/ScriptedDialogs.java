package dev.purgedeck.testsupport;

import dev.purgedeck.ui.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers a screen's questions as a test scripted them, and remembers what was asked. */
public final class ScriptedDialogs implements Dialogs {
    public volatile Path saveTo;
    public volatile Path openFrom;
    public volatile boolean confirmAnswer = true;
    /** The text typed into the next askText; null cancels. */
    public volatile String textAnswer;
    /** Picks the option whose label contains this; null cancels. */
    public volatile String chooseAnswer;
    public final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, String description, String extension) {
        asked.add("save: " + title + " / " + suggestedName);
        return Optional.ofNullable(saveTo);
    }

    @Override
    public Optional<Path> openFile(String title, String description, String... extensions) {
        asked.add("open: " + title);
        return Optional.ofNullable(openFrom);
    }

    @Override
    public boolean confirm(String title, String question, String action) {
        asked.add("confirm: " + title);
        return confirmAnswer;
    }

    @Override
    public Optional<String> askText(String title, String question, String initial,
                                    java.util.function.Function<String, Optional<String>> check) {
        asked.add("ask: " + title);
        if (textAnswer == null || check.apply(textAnswer).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(textAnswer.strip());
    }

    @Override
    public <T> Optional<T> choose(String title, String question, List<T> options, java.util.function.Function<T, String> label) {
        asked.add("choose: " + title);
        return chooseAnswer == null ? Optional.empty()
                : options.stream().filter(o -> label.apply(o).contains(chooseAnswer)).findFirst();
    }

    @Override
    public void inform(String title, String message) {
        asked.add("inform: " + title + ": " + message);
    }
}
