package dev.purgedeck.ui;

import dev.purgedeck.fastly.FastlyApiException;
import dev.purgedeck.fastly.FastlyClient;
import dev.purgedeck.fastly.TokenInfo;
import dev.purgedeck.settings.Connection;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Where the app is connected and whose token it uses, for the always-visible header. */
public final class ConnectionModel {
    private final Connection connection;
    private final FastlyClient client;
    private final Executor fx;
    private final ReadOnlyStringWrapper tokenText = new ReadOnlyStringWrapper("Checking the token…");
    private final ReadOnlyBooleanWrapper tokenProblem = new ReadOnlyBooleanWrapper();

    public ConnectionModel(Connection connection, FastlyClient client, Executor fx) {
        this.connection = connection;
        this.client = client;
        this.fx = fx;
    }

    /** "Sandbox", "Fastly API" or "Custom endpoint". */
    public String badge() {
        return connection.kind().label();
    }

    public Connection.Kind kind() {
        return connection.kind();
    }

    public String endpoint() {
        return connection.endpoint().toString();
    }

    /** Whose token it is, or what is wrong with it. */
    public ReadOnlyStringProperty tokenTextProperty() {
        return tokenText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tokenProblemProperty() {
        return tokenProblem.getReadOnlyProperty();
    }

    /** Reads the token in the background. */
    public void check() {
        client.readToken().whenComplete((info, error) -> fx.execute(() -> {
            if (error != null) {
                tokenProblem.set(true);
                tokenText.set(FastlyApiException.plainMessage(error, "The token could not be checked."));
            } else {
                tokenProblem.set(false);
                tokenText.set(describe(info));
            }
        }));
    }

    private static String describe(TokenInfo t) {
        StringBuilder b = new StringBuilder();
        b.append(t.owner().isBlank() ? "Token" : t.owner());
        if (!t.name().isBlank()) {
            b.append(" · ").append(t.name());
        }
        if (t.scopesKnown()) {
            b.append(" · ").append(String.join(" ", t.scopes()));
        }
        return b.toString();
    }
}
