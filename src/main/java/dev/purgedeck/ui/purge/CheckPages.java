package dev.purgedeck.ui.purge;

import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.keysets.SampleUrls;
import dev.purgedeck.settings.Pref;
import dev.purgedeck.settings.RememberedState;
import dev.purgedeck.ui.controls.PageListViewModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

/**
 * The pages a key purge or purge-all is verified on (docs/fastly-edge.md §2.1): the console's "Check these pages"
 * list, remembered per service, and the page each key came from when it was added from the inspector.
 */
public final class CheckPages {
    private final PageListViewModel list = new PageListViewModel();
    private final Map<String, List<String>> pagesByKey = new ConcurrentHashMap<>();
    private final RememberedState prefs;
    private String service;
    private boolean loading;

    CheckPages(RememberedState prefs, ObservableValue<String> serviceId) {
        this.prefs = prefs;
        load(serviceId.getValue());
        serviceId.addListener((o, a, id) -> load(id));
        list.pages().addListener((ListChangeListener<String>) c -> {
            if (!loading && service != null) {
                prefs.set(pref(service), String.join("\n", list.pages()));
            }
        });
    }

    /** The editable list; pages are kept for the chosen service and come back with it. */
    public PageListViewModel list() {
        return list;
    }

    /** Fills the list from a key set's sample URLs (a set without any leaves the list as it is). */
    public void useSampleUrls(List<String> urls) {
        if (!urls.isEmpty()) {
            list.setAll(urls);
        }
    }

    /** Remembers that {@code keys} were found on {@code page}, so a purge of them looks at that page. */
    public void keysFrom(List<String> keys, String page) {
        if (page == null || SampleUrls.problem(page).isPresent()) {
            return;
        }
        String url = SampleUrls.normalize(page);
        keys.forEach(k -> pagesByKey.merge(k, List.of(url), (was, add) -> was.contains(url) ? was
                : java.util.stream.Stream.concat(was.stream(), add.stream()).limit(SampleUrls.MAX).toList()));
    }

    /** What to look at after {@code request}: a URL is its own page; keys their inspector page, else the list. */
    VerifyPlan plan(JobRequest request) {
        VerifyPlan plan = VerifyPlan.verify(request.kind() == PurgeKind.URL ? List.of() : List.copyOf(list.pages()));
        if (request.kind() != PurgeKind.KEY) {
            return plan;
        }
        Map<String, List<String>> known = new LinkedHashMap<>();
        request.targets().forEach(k -> {
            List<String> pages = pagesByKey.get(k);
            if (pages != null) {
                known.put(k, pages);
            }
        });
        return plan.withPagesByKey(known);
    }

    private void load(String id) {
        service = id == null || id.isBlank() ? null : id;
        loading = true;
        try {
            String saved = service == null ? "" : prefs.get(pref(service));
            list.setAll(saved.isBlank() ? List.of() : Arrays.asList(saved.split("\n")));
        } finally {
            loading = false;
        }
    }

    private static Pref<String> pref(String service) {
        return new Pref<>("purge.checkPages." + service, String.class, "");
    }
}
