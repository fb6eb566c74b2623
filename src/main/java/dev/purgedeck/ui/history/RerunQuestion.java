package dev.purgedeck.ui.history;

import dev.purgedeck.fastly.PurgeKind;
import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobRecording;
import java.util.List;
import java.util.Objects;

/**
 * The question asked before History re-runs purges: what is sent, where to, and a plain warning when the items were
 * recorded on another profile or endpoint (a sandbox purge re-run against the real Fastly account).
 */
record RerunQuestion(String title, String question, String action) {

    /** @param skipped failed items left out because they were purged successfully later */
    static RerunQuestion of(List<HistoryEntry> chosen, boolean soft, JobRecording.Origin current, int skipped) {
        HistoryEntry first = chosen.get(0);
        int count = first.kind() == PurgeKind.ALL ? 1 : (int) chosen.stream().map(HistoryEntry::target).distinct().count();
        String what = switch (first.kind()) {
            case URL -> count == 1 ? "1 URL" : String.format("%,d URLs", count);
            case KEY -> count == 1 ? "1 surrogate key" : String.format("%,d surrogate keys", count);
            case ALL -> "everything cached for the service";
        };
        String how = first.kind() == PurgeKind.ALL ? "" : soft ? " (soft: marked stale)" : " (hard: removed)";
        StringBuilder q = new StringBuilder("This purges ").append(what).append(how).append(" again, now.\n\n")
                .append("Profile: ").append(current == null ? "unknown" : name(current.profile())).append('\n')
                .append("Endpoint: ").append(current == null ? "unknown" : where(current.endpointKind(), current.endpoint()))
                .append('\n')
                .append("Service: ").append(service(first)).append('\n')
                .append("Items: ").append(String.format("%,d", count));
        if (skipped > 0) {
            q.append(String.format(" (%,d failed item%s purged successfully later left out)", skipped, skipped == 1 ? "" : "s"));
        }
        List<HistoryEntry> elsewhere = chosen.stream().filter(e -> current == null || !sameOrigin(e, current)).toList();
        if (!elsewhere.isEmpty()) {
            HistoryEntry other = elsewhere.get(0);
            q.append("\n\nWARNING: ").append(elsewhere.size() == chosen.size() ? "these items were" : "some of these items were")
                    .append(" recorded on profile ").append(name(other.profile())).append(" at ")
                    .append(where(other.endpointKind(), other.endpoint()))
                    .append(", not on the profile and endpoint this re-run uses. Check that this is where you mean to purge.");
        }
        String title = elsewhere.isEmpty() ? "Re-run these purges?" : "Re-run on a different profile or endpoint?";
        return new RerunQuestion(title, q.toString(), "Re-run " + (count == 1 ? "1 item" : String.format("%,d items", count)));
    }

    private static boolean sameOrigin(HistoryEntry e, JobRecording.Origin current) {
        return Objects.equals(e.profile(), blankToNull(current.profile()))
                && Objects.equals(e.endpoint(), blankToNull(current.endpoint()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String name(String profile) {
        return profile == null || profile.isEmpty() ? "(none)" : "“" + profile + "”";
    }

    static String where(String kind, String endpoint) {
        String label = kind == null ? "unknown endpoint" : switch (kind) {
            case "fastly" -> "Fastly API";
            case "sandbox" -> "sandbox";
            default -> "custom endpoint";
        };
        return endpoint == null ? label : label + " " + endpoint;
    }

    private static String service(HistoryEntry e) {
        if (e.serviceId() == null) {
            return e.kind() == PurgeKind.URL ? "none (URL purges are not tied to a service)" : "none";
        }
        return e.serviceName() == null ? e.serviceId() : e.serviceName() + " (" + e.serviceId() + ")";
    }
}
