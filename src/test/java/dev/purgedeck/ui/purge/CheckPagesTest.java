package dev.purgedeck.ui.purge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.VerifyPlan;
import dev.purgedeck.fastly.JobRequest;
import dev.purgedeck.fastly.PurgeOptions;
import dev.purgedeck.files.Json;
import dev.purgedeck.settings.RememberedState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Check these pages" without the toolkit: validated at the field, kept per service, and what a purge looks at. */
class CheckPagesTest {
    private static final String A = "SU1Z0isxPaozGVKXdv0eY";
    private static final String B = "Xk2Z0isxPaozGVKXdv0eZ";
    private static final String NEWS = "https://www.dailycourier.example/news";

    @TempDir
    Path dataDir;
    private final SimpleStringProperty service = new SimpleStringProperty(A);

    private CheckPages open() {
        return new CheckPages(RememberedState.load(dataDir, Json.newMapper()), service);
    }

    @Test
    void pagesAreCheckedAtTheFieldAndRememberedPerServiceAcrossARestart() {
        CheckPages pages = open();
        pages.list().typedProperty().set("ftp://www.dailycourier.example/");
        assertThat(pages.list().add()).isFalse();
        assertThat(pages.list().problemProperty().get()).contains("only http and https");
        pages.list().typedProperty().set("www.dailycourier.example/news");
        assertThat(pages.list().problemProperty().get()).as("typing clears the message").isEmpty();
        assertThat(pages.list().add()).isTrue();
        assertThat(pages.list().typedProperty().get()).isEmpty();
        assertThat(pages.list().pages()).containsExactly(NEWS);

        service.set(B);
        assertThat(pages.list().pages()).as("another service has its own list").isEmpty();
        service.set(A);
        assertThat(pages.list().pages()).containsExactly(NEWS);
        assertThat(open().list().pages()).as("after a restart").containsExactly(NEWS);
    }

    @Test
    void keysUseTheirInspectorPageElseTheListAndUrlsAreTheirOwnPage() {
        CheckPages pages = open();
        pages.useSampleUrls(List.of("https://www.dailycourier.example/"));
        pages.keysFrom(List.of("news", "article/4711"), NEWS);
        VerifyPlan keys = pages.plan(JobRequest.keys(A, List.of("news", "homepage"), PurgeOptions.HARD, 4));
        assertThat(keys.samplePages()).containsExactly("https://www.dailycourier.example/");
        assertThat(keys.pagesByKey()).isEqualTo(Map.of("news", List.of(NEWS)));
        assertThat(pages.plan(JobRequest.all(A, PurgeOptions.HARD)).samplePages())
                .containsExactly("https://www.dailycourier.example/");
        assertThat(pages.plan(JobRequest.urls(null, List.of(NEWS), PurgeOptions.HARD, 4)).samplePages()).isEmpty();

        pages.useSampleUrls(List.of());
        assertThat(pages.list().pages()).as("a set without sample URLs keeps the list").hasSize(1);
    }
}
