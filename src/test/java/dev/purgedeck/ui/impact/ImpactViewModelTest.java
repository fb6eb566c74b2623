package dev.purgedeck.ui.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.stats.RealtimePoller;
import dev.purgedeck.stats.StatsSecond;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Impact panel's view model without the toolkit: a scripted source stands in for the real-time API. */
class ImpactViewModelTest {
    private final List<RealtimePoller.Listener> listeners = new ArrayList<>();
    private final List<String> followed = new ArrayList<>();
    private int closed;
    private final List<String> recorded = new ArrayList<>();
    private final ImpactViewModel vm = new ImpactViewModel((id, l) -> {
        followed.add(id);
        listeners.add(l);
        return () -> {
            closed++;
            l.ended();
        };
    }, Runnable::run, (job, text) -> recorded.add(job + ": " + text));

    private static List<StatsSecond> steady(long from, int n, long hits) {
        List<StatsSecond> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new StatsSecond(from + i, 100, hits, 100 - hits, 100 - hits, 0, 0));
        }
        return out;
    }

    @Test
    void chartsHistoryThenLiveSecondsAndSummarisesAroundTheMarker() {
        vm.watch("svc");
        assertThat(followed).containsExactly("svc");
        assertThat(vm.messageProperty().get()).startsWith("Loading");
        listeners.get(0).history(steady(1000, 120, 96));
        assertThat(vm.seconds()).hasSize(120);
        assertThat(vm.messageProperty().get()).isEmpty();
        vm.markPurge("svc", Instant.ofEpochSecond(1120), "everything");
        assertThat(followed).as("same service: no second poller").hasSize(1);
        listeners.get(0).seconds(steady(1120, 5, 40));
        assertThat(vm.summaryProperty().get()).startsWith("So far: hit ratio 96 % → 40 % at the lowest");
        listeners.get(0).seconds(steady(1125, 5, 95));
        assertThat(vm.summaryProperty().get())
                .isEqualTo("hit ratio 96 % → 40 % at the lowest, back to 95 % after 5 s; origin fetches peaked at "
                        + "15× the baseline");
        assertThat(vm.markers()).containsExactly(new ImpactViewModel.Marker(1120, "everything"));
    }

    @Test
    void theSettledSummaryIsRecordedOnceWithTheLastPurgesJob() {
        vm.watch("svc");
        listeners.get(0).history(steady(1000, 120, 96));
        vm.markPurge("svc", Instant.ofEpochSecond(1120), "3 keys", "job-keys");
        listeners.get(0).seconds(steady(1120, 5, 40));
        vm.markPurge("svc", Instant.ofEpochSecond(1125), "everything", "job-all");
        listeners.get(0).seconds(steady(1125, 5, 20));
        assertThat(recorded).as("not settled yet: nothing recorded").isEmpty();
        listeners.get(0).seconds(steady(1130, 5, 95));
        String text = vm.summaryProperty().get();
        assertThat(text).startsWith("hit ratio ").contains("20 % at the lowest");
        assertThat(recorded).containsExactly("job-all: " + text);
        listeners.get(0).seconds(steady(1135, 5, 96));
        assertThat(recorded).as("each job's summary once").hasSize(1);
    }

    @Test
    void keepsAtMostTenMinutesOfPoints() {
        vm.watch("svc");
        listeners.get(0).history(steady(0, 120, 90));
        listeners.get(0).seconds(steady(120, 700, 90));
        assertThat(vm.seconds()).hasSize(ImpactViewModel.MAX_POINTS);
        assertThat(vm.seconds().get(ImpactViewModel.MAX_POINTS - 1).recorded()).isEqualTo(819);
    }

    @Test
    void stoppingClosesThePollerAndDropsLateAnswers() {
        vm.watch("svc");
        assertThat(vm.pollingProperty().get()).isTrue();
        vm.stop();
        assertThat(closed).isEqualTo(1);
        assertThat(vm.watchingProperty().get()).isFalse();
        assertThat(vm.pollingProperty().get()).as("the poller said it ended").isFalse();
        listeners.get(0).history(steady(0, 10, 90));
        assertThat(vm.seconds()).isEmpty();
        vm.watch("other");
        assertThat(closed).as("a poller already closed is not closed twice").isEqualTo(1);
        listeners.get(0).seconds(steady(10, 10, 90));
        assertThat(vm.seconds()).as("the first service's answers never reach the second's chart").isEmpty();
    }

    @Test
    void saysPlainlyWhenThereIsNoTrafficOrNoAccess() {
        vm.watch(null);
        assertThat(vm.messageProperty().get()).isEqualTo("Choose a service to see its traffic.");
        assertThat(followed).isEmpty();
        vm.watch("quiet");
        listeners.get(0).history(List.of());
        assertThat(vm.messageProperty().get()).startsWith("No traffic on this service in the last 2 minutes");
        listeners.get(0).problem("This token cannot read the service's real-time stats", true);
        assertThat(vm.messageProperty().get()).contains("cannot read");
        assertThat(vm.watchingProperty().get()).isFalse();
    }
}
