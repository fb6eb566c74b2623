package dev.purgedeck.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Says in plain words why a page could not be read, from what the HTTP client threw. */
final class FetchErrors {
    private FetchErrors() {
    }

    static PageFetchException explain(Throwable thrown, URI url, String via, FetchLimits limits) {
        Throwable t = unwrap(thrown);
        if (t instanceof PageFetchException p) {
            return p;
        }
        String host = url.getHost();
        String message;
        if (t instanceof HttpConnectTimeoutException) {
            message = "Could not connect to " + host + via + " within " + seconds(limits.connectTimeout().toMillis())
                    + ".";
        } else if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            message = host + via + " did not answer within " + seconds(limits.totalTimeout().toMillis())
                    + "; PurgeDeck stopped waiting.";
        } else if (unresolved(t)) {
            message = "The host name " + host + " could not be found (DNS): check the address for typos.";
        } else if (t instanceof ConnectException) {
            message = via.isEmpty() ? "Could not connect to " + host + ": nothing answers there (connection refused)."
                    : "The sandbox does not answer" + via + ", so " + host + " could not be read.";
        } else if (t instanceof SSLException) {
            message = "The secure connection to " + host + " failed (" + t.getMessage() + "); PurgeDeck checks "
                    + "certificates like a browser and does not read pages it cannot trust.";
        } else if (t instanceof IOException) {
            message = "Could not read the answer from " + host + via + ": " + t.getMessage();
        } else {
            message = "Could not inspect " + host + ": " + t;
        }
        return new PageFetchException(message, t);
    }

    private static boolean unresolved(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
