package dev.purgedeck.cli;

import dev.purgedeck.edge.CacheState;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.edge.PlainWords;
import dev.purgedeck.fastly.Validation;
import java.util.Optional;

/** One inspected page as text: the URL, the plain-words summary, then a table of the facts it rests on. */
final class InspectText {
    private InspectText() {
    }

    static String render(PageReport r) {
        StringBuilder b = new StringBuilder();
        String nl = System.lineSeparator();
        b.append(Validation.printable(r.url().toString(), 300)).append(nl);
        r.summary().forEach(line -> b.append("  ").append(Validation.printable(line, 500)).append(nl));
        TextTable t = new TextTable("FIELD", "VALUE");
        t.add("status", Integer.toString(r.status()));
        r.redirectTarget().ifPresent(l -> t.add("redirects to", l));
        t.add("edge", node(r.edge(), r.edgePop()));
        if (r.shield() != CacheState.NONE) {
            t.add("shield", node(r.shield(), r.shieldPop()));
        }
        t.add("age", r.ageSeconds().isPresent() ? r.ageSeconds().getAsLong() + " s" : "");
        t.add("time left", r.ttlSeconds().map(s -> (r.stale() ? "stale for " + PlainWords.duration(Math.round(-s))
                : PlainWords.duration(Math.round(s))) + (r.ttlEstimated() ? " (estimated)" : "")).orElse(""));
        t.add("etag", r.etag().orElse(""));
        t.add("last-modified", r.lastModified().orElse(""));
        t.add("digest", r.digest().orElse(""));
        t.add("surrogate keys", String.join(" ", r.surrogateKeys()));
        return b.append(t.render()).toString();
    }

    private static String node(CacheState state, Optional<String> pop) {
        return state.name() + pop.map(p -> " at " + p).orElse("");
    }
}
