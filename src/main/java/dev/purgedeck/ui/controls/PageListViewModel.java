package dev.purgedeck.ui.controls;

import dev.purgedeck.keysets.SampleUrls;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An editable list of pages to look at after a purge (a key set's sample URLs, the console's "Check these pages"):
 * the URL being typed, the pages, and why the typed text could not be added, shown at the field.
 */
public final class PageListViewModel {
    private final ObservableList<String> pages = FXCollections.observableArrayList();
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PageListViewModel() {
        typed.addListener((o, a, b) -> problem.set(""));
    }

    // ---- Properties

    /** The pages, normalised, in the order added. */
    public ObservableList<String> pages() {
        return pages;
    }

    /** What is typed in the field, not yet added. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** Why the typed text was not added, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---- Commands

    /** Adds the typed URL (and clears the field), or says at the field why not. */
    public boolean add() {
        String text = typed.get() == null ? "" : typed.get().strip();
        if (text.isEmpty()) {
            problem.set("Type or paste a page URL first.");
            return false;
        }
        Optional<String> why = SampleUrls.problemAdding(pages, text);
        if (why.isPresent()) {
            problem.set(why.get());
            return false;
        }
        pages.add(SampleUrls.normalize(text));
        typed.set("");
        return true;
    }

    public void remove(String page) {
        pages.remove(page);
        problem.set("");
    }

    /** Replaces the pages (read from a set or the remembered list; bad entries are left out). */
    public void setAll(List<String> urls) {
        pages.setAll(SampleUrls.lenient(urls));
        problem.set("");
    }
}
