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
public final class ConnectionViewModel {
    private final Connection connection;
    private final FastlyClient client;
    private final Executor fx;
    private final ReadOnlyStringWrapper tokenText = new ReadOnlyStringWrapper("Checking the token…");
    private final ReadOnlyBooleanWrapper tokenProblem = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<TokenInfo> tokenInfo = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("Checking the token…");

    public ConnectionViewModel(Connection connection, FastlyClient client, Executor fx) {
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

    /** What Fastly said about the token, once it has answered. */
    public javafx.beans.property.ReadOnlyObjectProperty<TokenInfo> tokenInfoProperty() {
        return tokenInfo.getReadOnlyProperty();
    }

    /** Owner, name, scopes, services, expiry and what the scopes rule out, for the Settings screen. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Reads the token in the background. */
    public void check() {
        client.readToken().whenComplete((info, error) -> fx.execute(() -> {
            if (error != null) {
                tokenProblem.set(true);
                tokenText.set(FastlyApiException.plainMessage(error, "The token could not be checked."));
                details.set(tokenText.get());
            } else {
                java.util.Optional<String> expiry = dev.purgedeck.settings.TokenWarnings.expiry(info, java.time.Clock.systemUTC());
                tokenProblem.set(expiry.isPresent());
                tokenText.set(describe(info) + expiry.map(w -> " · token " + w).orElse(""));
                details.set(detail(info, expiry));
                tokenInfo.set(info);
            }
        }));
    }

    private String detail(TokenInfo t, java.util.Optional<String> expiry) {
        StringBuilder b = new StringBuilder();
        b.append("Owner: ").append(t.owner().isBlank() ? "unknown" : t.owner()).append('\n');
        b.append("Token: ").append(t.name().isBlank() ? "(no name)" : t.name()).append(" on ").append(endpoint()).append('\n');
        b.append("Scopes: ").append(t.scopesKnown() ? String.join(" ", t.scopes()) : "unknown (only /current_user answered)").append('\n');
        b.append("Services: ").append(t.serviceIds().isEmpty() ? "all" : String.join(", ", t.serviceIds())).append('\n');
        b.append("Expires: ").append(t.expiresAt().map(Object::toString).orElse("never"));
        expiry.ifPresent(w -> b.append(" (").append(w).append(')'));
        for (String limit : dev.purgedeck.settings.TokenWarnings.limits(t)) {
            b.append('\n').append(limit);
        }
        return b.toString();
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
