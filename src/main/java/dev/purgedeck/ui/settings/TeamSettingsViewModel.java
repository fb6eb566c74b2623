package dev.purgedeck.ui.settings;

import dev.purgedeck.team.TeamConnection;
import dev.purgedeck.team.TeamException;
import dev.purgedeck.team.TeamPasswords;
import dev.purgedeck.team.TeamSettings;
import dev.purgedeck.team.TeamSettingsStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings' Team section: the team database's connection fields, Test (connects with what is typed, saves nothing)
 * and Save (settings to team.json, the password to its owner-only file). A problem names its field, so the view
 * shows it there. Connecting and saving run on the background executor; results cross to the UI in {@link #done}.
 */
public final class TeamSettingsViewModel {
    // Properties
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty service = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty sslMode = new SimpleStringProperty("");
    private final StringProperty sslRootCert = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problemField = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final TeamSettingsStore store;
    private final TeamPasswords passwords;
    private final Executor background;
    private final Executor fx;

    public TeamSettingsViewModel(TeamSettingsStore store, TeamPasswords passwords, Executor background, Executor fx) {
        this.store = store;
        this.passwords = passwords;
        this.background = background;
        this.fx = fx;
        // A file read: never on the UI thread, which opens Settings and must not wait for a disk.
        CompletableFuture.supplyAsync(store::load, background).thenAcceptAsync(saved -> saved.ifPresent(this::fill),
                fx);
    }

    /** Shows the saved settings, except in a field the user typed into while they were read. */
    private void fill(TeamSettings s) {
        fillBlank(host, s.host());
        fillBlank(port, s.port() > 0 ? Integer.toString(s.port()) : "");
        fillBlank(database, s.database());
        fillBlank(service, s.service());
        fillBlank(user, s.user());
        fillBlank(sslMode, s.sslMode());
        fillBlank(sslRootCert, s.sslRootCert());
    }

    private static void fillBlank(StringProperty field, String saved) {
        if (field.get().isEmpty()) {
            field.set(saved);
        }
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty sslModeProperty() {
        return sslMode;
    }

    public StringProperty sslRootCertProperty() {
        return sslRootCert;
    }

    /** Typed only; kept in memory until Save writes it to the owner-only file. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The field the message is about (host, port, database, service, user, sslMode), empty for none. */
    public ReadOnlyStringProperty problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    // Commands

    /** Connects with the fields as typed and says what the server is, or why not. */
    public CompletableFuture<Void> test() {
        Optional<TeamSettings> s = valid();
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        TeamConnection c = new TeamConnection(s.get(), passwords).withTypedPassword(password.get().toCharArray());
        return run(() -> "Connected: " + c.test() + ".");
    }

    /** Saves the fields (and a typed password); shipping starts with PurgeDeck's next start. */
    public CompletableFuture<Void> save() {
        Optional<TeamSettings> s = valid();
        if (s.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        char[] typed = password.get().toCharArray();
        return run(() -> {
            try {
                store.save(s.get());
                if (typed.length > 0) {
                    passwords.save(typed);
                }
            } catch (IOException e) {
                throw new TeamException("Saving the team settings failed: " + e.getMessage());
            }
            return "Saved. PurgeDeck ships its history to " + s.get().describe() + " from its next start.";
        });
    }

    private Optional<TeamSettings> valid() {
        int p = 0;
        String portText = port.get() == null ? "" : port.get().strip();
        if (!portText.isEmpty()) {
            try {
                p = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                done("port", "The port must be a number from 1 to 65535.");
                return Optional.empty();
            }
        }
        TeamSettings s = new TeamSettings(host.get(), p, database.get(), service.get(), user.get(), sslMode.get(),
                sslRootCert.get());
        Optional<TeamSettings.Problem> problem = s.problem();
        if (problem.isPresent()) {
            done(problem.get().field(), problem.get().message());
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private interface Work {
        String run() throws TeamException;
    }

    private CompletableFuture<Void> run(Work work) {
        busy.set(true);
        problemField.set("");
        message.set("");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String[] {"", work.run()};
            } catch (TeamException e) {
                return new String[] {"host", e.getMessage()};
            }
        }, background).thenAcceptAsync(r -> done(r[0], r[1]), fx);
    }

    /** The one place results reach the UI. */
    private void done(String field, String text) {
        busy.set(false);
        problemField.set(field);
        message.set(text);
    }
}
