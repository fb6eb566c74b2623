package dev.purgedeck.ui.inspect;

import dev.purgedeck.edge.CacheState;
import dev.purgedeck.edge.PageReport;
import dev.purgedeck.edge.PlainWords;
import dev.purgedeck.edge.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts below the plain words, as label and value in the order a person reads them. */
final class InspectorFacts {
    private InspectorFacts() {
    }

    static Map<String, String> of(PageReport r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Status", Integer.toString(r.status()));
        r.redirectTarget().ifPresent(l -> m.put("Redirects to", l));
        m.put("Edge", InspectorView.state(r.edge()) + r.edgePop().map(p -> " (" + p + ")").orElse(""));
        if (r.shield() != CacheState.NONE) {
            // Past an edge hit, the shield's entry tells how the copy was first fetched (docs/fastly-edge.md §1.2).
            String when = r.verdict() == Verdict.EDGE_HIT ? " when this copy was fetched" : "";
            m.put("Shield", InspectorView.state(r.shield()) + when + r.shieldPop().map(p -> " (" + p + ")").orElse(""));
        }
        m.put("Age", r.ageSeconds().isPresent() ? r.ageSeconds().getAsLong() + " s" : "not said");
        m.put("Time left", r.ttlSeconds().map(t -> r.stale() ? "stale for " + PlainWords.duration(Math.round(-t))
                : PlainWords.duration(Math.round(t)) + (r.ttlEstimated() ? " (estimated)" : "")).orElse("not said"));
        m.put("ETag", r.etag().orElse("none"));
        m.put("Last-Modified", r.lastModified().orElse("none"));
        m.put("Cache key digest", r.digest().orElse("not shown"));
        return m;
    }
}
