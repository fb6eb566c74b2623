package dev.purgedeck.ui.common;

import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeCommands;
import dev.purgedeck.fastly.PurgeKind;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Copy as curl" and "Copy as Fastly CLI" for a purge (about to be sent, or rows of results or history): the
 * requests as shell commands on the clipboard, and a "Copied …" line for whoever shows it.
 */
public final class CopyAs {
    private final Supplier<PurgeCommands> commands;
    private final Supplier<List<JobRequest>> what;
    private final Consumer<String> said;

    /**
     * @param commands writes the commands for the current profile's endpoint
     * @param what     the requests to copy; empty when there is nothing (or the input is not valid, said elsewhere)
     * @param said     shows what was copied ("Copied 2 curl commands")
     */
    public CopyAs(Supplier<PurgeCommands> commands, Supplier<List<JobRequest>> what, Consumer<String> said) {
        this.commands = commands;
        this.what = what;
        this.said = said;
    }

    /** The two items, with ids {@code <prefix>Curl} and {@code <prefix>Cli}, for a menu or a context menu. */
    public List<MenuItem> items(String idPrefix) {
        MenuItem curl = new MenuItem("Copy as curl");
        curl.setId(idPrefix + "Curl");
        curl.setOnAction(e -> copyCurl());
        MenuItem cli = new MenuItem("Copy as Fastly CLI");
        cli.setId(idPrefix + "Cli");
        cli.setOnAction(e -> copyCli());
        return List.of(curl, cli);
    }

    /** A small menu button holding both items. */
    public MenuButton button(String id) {
        MenuButton b = new MenuButton("Copy as", Icons.icon(Feather.TERMINAL));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The icon alone: at 1024 px the mode row has no room for the words (the tooltip and screen readers say them).
        b.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        b.setId(id);
        b.getItems().setAll(items(id));
        b.setAccessibleText("Copy as curl or as Fastly CLI commands");
        b.setTooltip(new javafx.scene.control.Tooltip("Copy this purge as curl or Fastly CLI commands"
                + " (the token is written as $FASTLY_API_TOKEN)"));
        return b;
    }

    /** Copies the curl commands; answers what it said. */
    public String copyCurl() {
        List<JobRequest> requests = what.get();
        return copy(requests, requests.isEmpty() ? "" : commands.get().curl(requests), "curl command");
    }

    /** Copies the Fastly CLI commands; answers what it said. */
    public String copyCli() {
        List<JobRequest> requests = what.get();
        return copy(requests, requests.isEmpty() ? "" : commands.get().fastlyCli(requests), "Fastly CLI command");
    }

    private String copy(List<JobRequest> requests, String text, String noun) {
        String message;
        if (requests.isEmpty()) {
            message = "Nothing to copy";
        } else {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            long count = text.lines().filter(l -> l.startsWith("curl ") || l.contains("fastly purge ")).count();
            message = "Copied " + count + " " + noun + (count == 1 ? "" : "s") + " for " + items(requests);
        }
        said.accept(message);
        return message;
    }

    /** "3 URLs", "1 key", "everything on a service". */
    static String items(List<JobRequest> requests) {
        int urls = 0;
        int keys = 0;
        int all = 0;
        for (JobRequest r : requests) {
            urls += r.kind() == PurgeKind.URL ? r.targets().size() : 0;
            keys += r.kind() == PurgeKind.KEY ? r.targets().size() : 0;
            all += r.kind() == PurgeKind.ALL ? 1 : 0;
        }
        StringBuilder b = new StringBuilder();
        append(b, urls, "URL");
        append(b, keys, "key");
        if (all > 0) {
            b.append(b.length() == 0 ? "" : ", ").append("everything on ").append(all).append(all == 1 ? " service" : " services");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, int n, String noun) {
        if (n > 0) {
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(noun).append(n == 1 ? "" : "s");
        }
    }
}
