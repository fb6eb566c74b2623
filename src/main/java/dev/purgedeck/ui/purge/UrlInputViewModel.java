package dev.purgedeck.ui.purge;

import dev.purgedeck.fastly.TextLines;
import dev.purgedeck.fastly.UrlListParser;
import dev.purgedeck.fastly.Validation;
import dev.purgedeck.fastly.ValidationIssue;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/** The URL box: one URL or a pasted list; bad lines are reported with their reason and never sent. */
public final class UrlInputViewModel {
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectBinding<UrlListParser.Result> parsed =
            Bindings.createObjectBinding(() -> UrlListParser.parse(text.get()), text);

    public StringProperty textProperty() {
        return text;
    }

    public ObservableValue<UrlListParser.Result> parsedProperty() {
        return parsed;
    }

    /** The valid URLs, normalised and de-duplicated. */
    public List<String> validUrls() {
        return parsed.get().urls();
    }

    /** "3 URLs will be purged" / "No URLs yet". */
    public String summary() {
        int n = parsed.get().urls().size();
        return n == 0 ? "No URLs yet" : n == 1 ? "1 URL will be purged" : String.format("%,d URLs will be purged", n);
    }

    /** Duplicates folded and lines skipped, or "" when there is nothing to say. */
    public String notice() {
        UrlListParser.Result r = parsed.get();
        StringBuilder b = new StringBuilder();
        if (r.duplicates() > 0) {
            b.append(r.duplicates() == 1 ? "1 duplicate URL folded" : String.format("%,d duplicate URLs folded", r.duplicates()));
        }
        if (!r.issues().isEmpty()) {
            if (b.length() > 0) {
                b.append(" · ");
            }
            b.append(r.issues().size() == 1
                    ? "1 invalid line will not be sent"
                    : String.format("%,d invalid lines will not be sent", r.issues().size()));
        }
        return b.toString();
    }

    /** "Line 3: 'ftp://x' uses 'ftp://': only http and https URLs can be purged" for each bad line. */
    public List<String> issueLines() {
        return parsed.get().issues().stream().map(UrlInputViewModel::describe).toList();
    }

    /** Appends dropped or loaded text as new lines. */
    public void append(String more) {
        String current = text.get();
        text.set(current.isEmpty() || current.endsWith("\n") ? current + more : current + "\n" + more);
    }

    /** Removes the lines that cannot be purged, keeping everything else as typed. */
    public void removeInvalidLines() {
        List<ValidationIssue> issues = parsed.get().issues();
        if (issues.isEmpty()) {
            return;
        }
        List<String> lines = TextLines.split(text.get());
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        issues.forEach(i -> bad.add(i.index()));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!bad.contains(i)) {
                b.append(lines.get(i)).append(i < lines.size() - 1 ? "\n" : "");
            }
        }
        text.set(b.toString().stripTrailing());
    }

    private static String describe(ValidationIssue i) {
        return "Line " + (i.index() + 1) + ": '" + Validation.printable(i.item(), 80) + "' " + i.reason();
    }
}
