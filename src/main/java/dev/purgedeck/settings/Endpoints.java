package dev.purgedeck.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks endpoint addresses before any token is sent to them: HTTPS everywhere, plain HTTP only to this computer.
 * TLS verification is never turned off anywhere in PurgeDeck, so an HTTPS endpoint needs a certificate Java trusts.
 */
public final class Endpoints {
    static final String HTTP_OFF_LOOPBACK =
            "http:// is only allowed for this computer (127.0.0.1 or localhost); use https:// for other hosts";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Endpoints() {
    }

    /**
     * The address as a base URL (scheme in lower case, no trailing slash), or an {@link InvalidEndpointException}
     * saying plainly what is wrong. Messages never repeat the text: a token pasted into the wrong field must not end
     * up in a dialog or a log.
     */
    public static URI validateCustom(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidEndpointException("Enter the endpoint's address, for example https://api.example.com.");
        }
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidEndpointException("That is not a valid web address; check it for spaces or stray characters.");
        }
        if (u.getScheme() == null || u.isOpaque()) {
            throw new InvalidEndpointException("Start the address with https://, for example https://api.example.com.");
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidEndpointException("Only https:// addresses are allowed (and http:// for this computer).");
        }
        if (u.getHost() == null) {
            throw new InvalidEndpointException("The address needs a valid host name, for example https://api.example.com.");
        }
        if (u.getRawUserInfo() != null) {
            // It would be sent along and could end up in logs; the token travels in the Fastly-Key header instead.
            throw new InvalidEndpointException("The address must not contain a user name or password.");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            // Request paths are appended to the base URL, so a query or fragment would swallow them.
            throw new InvalidEndpointException("Give only the base address, without ? or #.");
        }
        if (u.getPort() == 0 || u.getPort() > 65535) {
            throw new InvalidEndpointException("The port must be between 1 and 65535.");
        }
        if (scheme.equals("http") && !isLoopback(u)) {
            throw new InvalidEndpointException(HTTP_OFF_LOOPBACK);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        String authority = u.getRawAuthority();
        if (scheme.equals("http") && u.getHost().equalsIgnoreCase("localhost")) {
            // Java looks "localhost" up like any name (the OS resolver: the hosts file, then possibly DNS), so the
            // token would go wherever that answers; over plain http it goes to the loopback address instead.
            authority = "127.0.0.1" + (u.getPort() < 0 ? "" : ":" + u.getPort());
        }
        return URI.create(scheme + "://" + authority + path);
    }

    /**
     * Whether the URL's host is this computer: {@code localhost} (exactly: "localhost." is a DNS name), 127.0.0.0/8
     * or ::1, written literally. Other names are never looked up, because what a name resolves to can change after
     * the check; {@link #validateCustom} sends http to localhost to 127.0.0.1 for the same reason.
     */
    public static boolean isLoopback(URI u) {
        String host = u == null ? null : u.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return true;
        }
        String literal;
        if (host.startsWith("[") && host.endsWith("]")) {
            literal = host.substring(1, host.length() - 1);
        } else if (IPV4.matcher(host).matches()) {
            literal = host;
        } else {
            return false;
        }
        try {
            // An IP literal is parsed, not resolved: no DNS query happens here.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
