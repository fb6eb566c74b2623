package dev.purgedeck.testsupport;

import dev.purgedeck.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Answers a screen's questions as a test scripted them, and remembers what was asked. */
public final class ScriptedDialogs implements Dialogs {
    public volatile Path saveTo;
    public volatile Path openFrom;
    public volatile boolean confirmAnswer = true;
    /**
     * Whether askToType shows the real dialog, which TestFX can drive (a plain text field, unlike a file chooser);
     * tests without the toolkit turn it off and script {@link #typed}.
     */
    public volatile boolean realTypingDialog = true;
    /** The text typed into the next askToType when it is scripted; null cancels. */
    public volatile String typed;
    /** The text typed into the next askText; null cancels. */
    public volatile String textAnswer;
    /** Picks the option whose label contains this; null cancels. */
    public volatile String chooseAnswer;
    public final List<String> asked = new ArrayList<>();
    /** The text of the last confirm question, to check what it names. */
    public volatile String lastQuestion;

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
        lastQuestion = question;
        return confirmAnswer;
    }

    @Override
    public Optional<String> askToType(String title, String header, String explanation, String prompt,
                                      String placeholder, Predicate<String> accepts, String action) {
        asked.add("type: " + title + " / " + prompt);
        String answer = typed;
        if (realTypingDialog) {
            return new dev.purgedeck.ui.common.FxDialogs(() -> null)
                    .askToType(title, header, explanation, prompt, placeholder, accepts, action);
        }
        // The real dialog's button stays disabled until the text is accepted: a rejected text cannot be confirmed.
        return answer == null || !accepts.test(answer) ? Optional.empty() : Optional.of(answer);
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
