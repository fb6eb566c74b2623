package dev.purgedeck.ui.history;

import dev.purgedeck.history.HistoryEntry;
import dev.purgedeck.history.JobNote;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The selected item in full, and the whole job it belongs to. */
final class HistoryDetails extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final HistoryViewModel vm;
    private final ZoneId zone;
    private final Label item = new Label("Select a purge to see its details and the job it belongs to.");
    private final Label job = new Label();
    private final ListView<HistoryEntry> jobItems = new ListView<>();

    HistoryDetails(HistoryViewModel vm, ZoneId zone) {
        this.vm = vm;
        this.zone = zone;
        setId("historyDetails");
        getStyleClass().add("history-details");
        item.setId("historyItem");
        item.setWrapText(true);
        item.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        job.setId("historyJob");
        job.setWrapText(true);
        job.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        job.getStyleClass().add("section-title");
        jobItems.setId("historyJobItems");
        jobItems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.outcome().name().toLowerCase(Locale.ROOT) + "  " + e.target());
            }
        });
        VBox.setVgrow(jobItems, Priority.ALWAYS);
        Label title = new Label("Details");
        title.getStyleClass().add("section-title");
        getChildren().setAll(title, item, job, jobItems);
        setSpacing(8);
        setPadding(new Insets(0, 0, 0, 12));
        setPrefWidth(280);
        setMinWidth(220);
    }

    void show(HistoryEntry e) {
        if (e == null) {
            item.setText("Select a purge to see its details and the job it belongs to.");
            job.setText("");
            jobItems.getItems().clear();
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append(e.kind().id().toUpperCase(Locale.ROOT)).append(" ").append(e.target()).append('\n');
        b.append(WHEN.format(e.time().atZone(zone))).append(" · ").append(e.soft() ? "soft" : "hard");
        if ("staging".equals(e.environment())) {
            b.append(" · staging");
        }
        b.append('\n').append("Service: ").append(label(e)).append('\n');
        b.append("Outcome: ").append(e.outcome().name().toLowerCase(Locale.ROOT));
        if (e.httpStatus() > 0) {
            b.append(" (HTTP ").append(e.httpStatus()).append(')');
        }
        b.append(" after ").append(e.attempts()).append(e.attempts() == 1 ? " attempt, " : " attempts, ")
                .append(e.durationMs()).append(" ms\n");
        if (e.purgeId() != null && !e.purgeId().isEmpty()) {
            b.append("Purge ID: ").append(e.purgeId()).append('\n');
        }
        if (e.secondPurgeId() != null) {
            b.append("Purged twice; second purge ID: ").append(e.secondPurgeId()).append('\n');
        }
        if (e.error() != null && !e.error().isEmpty()) {
            b.append("Error: ").append(e.error()).append('\n');
        }
        if (e.verdict() != null) {
            b.append("Verdict: ").append(HistoryTable.verdict(e));
            if (e.verdictReason() != null) {
                b.append(" (").append(e.verdictReason()).append(')');
            }
            b.append('\n');
        }
        vm.purgedLaterBy(e).ifPresent(ok -> b.append("Purged later by job ").append(jobRef(ok.jobId())).append('\n'));
        b.append("By ").append(e.user()).append(" on ").append(e.endpointKind()).append(" (").append(e.endpoint())
                .append("), PurgeDeck ").append(e.appVersion());
        item.setText(b.toString());
        List<HistoryEntry> all = vm.job(e);
        long ok = all.stream().filter(x -> x.outcome() == HistoryEntry.Outcome.OK).count();
        long failed = all.stream().filter(x -> x.outcome() == HistoryEntry.Outcome.FAILED).count();
        StringBuilder j = new StringBuilder(String.format("Job of %,d item%s: %,d purged, %,d failed, %,d cancelled",
                all.size(), all.size() == 1 ? "" : "s", ok, failed, all.size() - ok - failed));
        // A retry and the job it retried name each other, so either leads to the other.
        if (e.retryOf() != null) {
            j.append("\nRetry of job ").append(jobRef(e.retryOf()));
        }
        for (String by : vm.retriedBy(e)) {
            j.append("\nRetried by job ").append(jobRef(by));
        }
        // Facts learned after the job's entries were written: what the purge did to the cache, and the team notice.
        vm.jobNote(e.jobId(), JobNote.IMPACT).ifPresent(n -> j.append("\nImpact: ").append(n.text()));
        vm.jobNote(e.jobId(), JobNote.NOTICE).ifPresent(n -> j.append("\nTeam notice: ").append(n.text()));
        job.setText(j.toString());
        jobItems.getItems().setAll(all);
    }

    /**
     * A job as the user can find it: the start of its ID (the search finds a job by it) and when it ran. A job the
     * history no longer holds (cleared) is named by its ID alone.
     */
    private String jobRef(String jobId) {
        String shortId = jobId.length() > 8 ? jobId.substring(0, 8) : jobId;
        List<HistoryEntry> items = vm.job(jobId);
        return items.isEmpty() ? shortId + " (no longer in the history)"
                : shortId + " (" + WHEN.format(items.get(0).time().atZone(zone)) + ")";
    }

    private static String label(HistoryEntry e) {
        String name = e.serviceName() == null ? "" : e.serviceName();
        String id = e.serviceId() == null ? "" : e.serviceId();
        return name.isBlank() ? (id.isBlank() ? "none" : id) : name + " (" + id + ")";
    }
}
