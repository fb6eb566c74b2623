package dev.purgedeck.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.edge.DebugHeaders;
import dev.purgedeck.edge.PageFetchException;
import dev.purgedeck.edge.PageReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The inspector's view model without the toolkit: fetches answered by hand, actions recorded. */
class InspectorViewModelTest {
    private final Map<String, CompletableFuture<PageReport>> pending = new HashMap<>();
    private final List<String> done = new ArrayList<>();
    private final List<Throwable> bugs = new ArrayList<>();
    private Optional<String> purgeRefusal = Optional.empty();
    private final InspectorViewModel vm = new InspectorViewModel(
            url -> pending.computeIfAbsent(url, u -> new CompletableFuture<>()), Runnable::run, new InspectorActions() {
                @Override
                public Optional<String> purgeUrl(String url) {
                    done.add("purge " + url);
                    return purgeRefusal;
                }

                @Override
                public void addKeys(List<String> keys, String pageUrl) {
                    done.add("add " + keys + " of " + pageUrl);
                }

                @Override
                public void saveKeySet(List<String> keys) {
                    done.add("save " + keys);
                }
            }, bugs::add);

    @Test
    void aReportShowsItsKeysAndTheActionsTakeAllOrThePickedOnesInThePagesOrder() {
        vm.inspect("  https://www.dailycourier.example/news ");
        assertThat(vm.busyProperty().get()).isTrue();
        answer("https://www.dailycourier.example/news", "news article/1 section/world");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.reportProperty().get().surrogateKeys()).hasSize(3);
        assertThat(vm.keys()).containsExactly("news", "article/1", "section/world");

        vm.addKeys();
        vm.toggle("section/world");
        vm.toggle("news");
        vm.toggle("not-a-key-of-this-page");
        assertThat(vm.selectedKeys()).containsExactly("section/world", "news");
        vm.saveKeys();
        vm.toggle("news");
        vm.addKeys();
        assertThat(done).containsExactly(
                "add [news, article/1, section/world] of https://www.dailycourier.example/news",
                "save [news, section/world]",
                "add [section/world] of https://www.dailycourier.example/news");
        assertThat(vm.noticeProperty().get()).isEqualTo("Added 1 key to the key editor.");
    }

    @Test
    void purgingTheUrlGoesThroughTheConsoleAndSaysWhyWhenItCannot() {
        vm.purgeUrl();
        assertThat(vm.noticeProperty().get()).isEqualTo("Inspect a page first.");
        vm.inspect("https://shop.northwind.example/");
        answer("https://shop.northwind.example/", "");
        vm.purgeUrl();
        assertThat(vm.noticeProperty().get()).isEqualTo("Purging https://shop.northwind.example/ from the console.");
        purgeRefusal = Optional.of("A purge is running: purge this URL when it has ended.");
        vm.purgeUrl();
        assertThat(vm.noticeProperty().get()).isEqualTo("A purge is running: purge this URL when it has ended.");
        assertThat(done).containsExactly("purge https://shop.northwind.example/", "purge https://shop.northwind.example/");
        vm.addKeys();
        assertThat(vm.noticeProperty().get()).isEqualTo("This page shows no surrogate keys to add.");
    }

    @Test
    void aPageThatCannotBeReadShowsThePlainReasonAndClearsTheLastReport() {
        vm.inspect("https://www.dailycourier.example/news");
        answer("https://www.dailycourier.example/news", "news");
        vm.inspect("https://nowhere.invalid/");
        pending.get("https://nowhere.invalid/").completeExceptionally(new PageFetchException(
                "The host name nowhere.invalid could not be found (DNS): check the address for typos."));
        assertThat(vm.errorProperty().get()).startsWith("The host name nowhere.invalid could not be found");
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.keys()).isEmpty();
        assertThat(bugs).as("a plain fetch problem is no bug").isEmpty();

        vm.inspect("https://www.dailycourier.example/other");
        pending.get("https://www.dailycourier.example/other").completeExceptionally(new IllegalStateException("bug"));
        assertThat(vm.errorProperty().get()).contains("could not inspect this page");
        assertThat(bugs).hasSize(1);
    }

    @Test
    void anOlderAnswerArrivingLateNeverReplacesTheNewerOne() {
        vm.inspect("https://a.example/");
        vm.inspect("https://b.example/");
        answer("https://b.example/", "b");
        answer("https://a.example/", "a");
        assertThat(vm.reportProperty().get().url()).isEqualTo(URI.create("https://b.example/"));
        assertThat(vm.keys()).containsExactly("b");
        assertThat(vm.urlProperty().get()).isEqualTo("https://b.example/");
    }

    @Test
    void aFetcherThatThrowsInsteadOfFailingItsFutureIsStillShownNotThrown() {
        InspectorViewModel throwing = new InspectorViewModel(url -> {
            throw new PageFetchException("Only http:// and https:// pages can be inspected, not ftp://x.");
        }, Runnable::run, null, bugs::add);
        throwing.inspect("ftp://x");
        assertThat(throwing.errorProperty().get()).startsWith("Only http:// and https://");
        assertThat(throwing.busyProperty().get()).isFalse();
    }

    private void answer(String url, String keys) {
        Map<String, List<String>> h = new HashMap<>();
        h.put("X-Cache", List.of("HIT"));
        if (!keys.isEmpty()) {
            h.put("Surrogate-Key", List.of(keys));
        }
        pending.get(url).complete(DebugHeaders.parse(URI.create(url), 200, h, 0));
    }
}
