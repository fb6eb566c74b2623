package dev.purgedeck.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.PurgeKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Filters by text, service, outcome, kind and time, and sorting. */
class HistoryQueryTest {
    private static final Instant T = Entries.T0;

    private static final HistoryEntry URL_OK = e("job-A", 0, "SVC1", "Shop", PurgeKind.URL,
            "https://www.Example.com/Products/Shoes", HistoryEntry.Outcome.OK, "108-1-77", null);
    private static final HistoryEntry KEY_FAILED = e("job-B", 1, "SVC2", "Café Blog", PurgeKind.KEY,
            "article-12", HistoryEntry.Outcome.FAILED, null, "Fastly answered \"403 Forbidden\"");
    private static final HistoryEntry KEY_CANCELLED = e("job-B", 2, "SVC2", "Café Blog", PurgeKind.KEY,
            "日本-key", HistoryEntry.Outcome.CANCELLED, null, "Cancelled before Fastly confirmed it.");
    private static final HistoryEntry ALL_OK = e("job-C", 3, "SVC1", "Shop", PurgeKind.ALL,
            "SVC1", HistoryEntry.Outcome.OK, "108-2-99", null);
    private static final List<HistoryEntry> ALL = List.of(URL_OK, KEY_FAILED, KEY_CANCELLED, ALL_OK);

    private static HistoryEntry e(String job, int minute, String service, String serviceName, PurgeKind kind,
                                  String target, HistoryEntry.Outcome outcome, String purgeId, String error) {
        return new HistoryEntry(job, T.plusSeconds(60L * minute), null, "sandbox", "http://127.0.0.1", service,
                serviceName, kind, target, false, "production", outcome, purgeId, 200, error, 1, 10, "alice", "dev");
    }

    @Test
    void profileMatchesTheRecordedProfileInAnyCase() {
        HistoryEntry onWork = new HistoryEntry("job-W", T, "Work", "fastly", "https://api.fastly.com", "SVC1", "Shop",
                PurgeKind.KEY, "k", false, "production", HistoryEntry.Outcome.OK, "1-2", 200, null, 1, 10, "alice", "dev");
        List<HistoryEntry> all = List.of(URL_OK, onWork, KEY_FAILED);
        assertThat(HistoryQuery.all().withProfile("work").run(all, null)).containsExactly(onWork);
        assertThat(HistoryQuery.all().withProfile("other").run(all, null)).isEmpty();
        assertThat(HistoryQuery.all().withProfile(" ").run(all, null)).hasSize(3);
        assertThat(onWork.profileLabel()).isEqualTo("Work (Fastly)");
        assertThat(URL_OK.profileLabel()).isEqualTo("sandbox");
    }

    @Test
    void anEmptyQueryMatchesEverythingNewestFirst() {
        assertThat(HistoryQuery.all().run(ALL, null)).containsExactly(ALL_OK, KEY_CANCELLED, KEY_FAILED, URL_OK);
        assertThat(new HistoryQuery("  ", "", Set.of(), Set.of(), null, null).run(ALL, null)).hasSize(4);
    }

    @Test
    void textIsACaseInsensitiveSubstringOfTargetPurgeIdErrorServiceNameOrJobId() {
        assertThat(HistoryQuery.all().withText("products/SHOES").run(ALL, null)).containsExactly(URL_OK);
        assertThat(HistoryQuery.all().withText("-77").run(ALL, null)).containsExactly(URL_OK);
        assertThat(HistoryQuery.all().withText("forbidden").run(ALL, null)).containsExactly(KEY_FAILED);
        assertThat(HistoryQuery.all().withText("CAFÉ").run(ALL, null)).containsExactly(KEY_CANCELLED, KEY_FAILED);
        assertThat(HistoryQuery.all().withText("JOB-c").run(ALL, null)).containsExactly(ALL_OK);
        assertThat(HistoryQuery.all().withText("日本").run(ALL, null)).containsExactly(KEY_CANCELLED);
        assertThat(HistoryQuery.all().withText(" shop ").run(ALL, null)).containsExactly(ALL_OK, URL_OK);
        assertThat(HistoryQuery.all().withText("nowhere").run(ALL, null)).isEmpty();
        assertThat(HistoryQuery.all().withText("alice").run(ALL, null)).as("the user is not searched").isEmpty();
    }

    @Test
    void serviceOutcomeKindAndTimeNarrowIt() {
        assertThat(HistoryQuery.all().withServiceId("SVC1").run(ALL, null)).containsExactly(ALL_OK, URL_OK);
        assertThat(HistoryQuery.all().withOutcomes(Set.of(HistoryEntry.Outcome.FAILED, HistoryEntry.Outcome.CANCELLED))
                .run(ALL, null)).containsExactly(KEY_CANCELLED, KEY_FAILED);
        assertThat(HistoryQuery.all().withKinds(Set.of(PurgeKind.URL, PurgeKind.ALL)).run(ALL, null))
                .containsExactly(ALL_OK, URL_OK);
        // from inclusive, to exclusive
        assertThat(HistoryQuery.all().between(T.plusSeconds(60), T.plusSeconds(180)).run(ALL, null))
                .containsExactly(KEY_CANCELLED, KEY_FAILED);
        assertThat(HistoryQuery.all().between(null, T.plusSeconds(60)).run(ALL, null)).containsExactly(URL_OK);
        HistoryQuery combined = new HistoryQuery("blog", "SVC2", Set.of(HistoryEntry.Outcome.FAILED),
                Set.of(PurgeKind.KEY), T, T.plusSeconds(3600));
        assertThat(combined.run(ALL, null)).containsExactly(KEY_FAILED);
        assertThat(combined.matches(KEY_FAILED)).isTrue();
        assertThat(combined.matches(KEY_CANCELLED)).isFalse();
    }

    @Test
    void aComparatorSortsAndNewestFirstKeepsTheLastWrittenFirstOnTies() {
        assertThat(HistoryQuery.all().run(ALL, Comparator.comparing(HistoryEntry::target)))
                .containsExactly(ALL_OK, KEY_FAILED, URL_OK, KEY_CANCELLED); // "S" < "a" < "h" < "日"
        HistoryEntry a = e("j", 5, "S", "n", PurgeKind.KEY, "a", HistoryEntry.Outcome.OK, "1", null);
        HistoryEntry b = e("j", 5, "S", "n", PurgeKind.KEY, "b", HistoryEntry.Outcome.OK, "2", null);
        assertThat(HistoryQuery.all().run(List.of(a, b), null)).containsExactly(b, a);
    }

    @Test
    void largeListsGiveTheSameAnswerAsSmallOnes() {
        List<HistoryEntry> many = IntStream.range(0, 50_000).mapToObj(i -> Entries.entry("job-" + i / 1000, i)).toList();
        List<HistoryEntry> hits = HistoryQuery.all().withText("PAGE/4999").run(many, null);
        assertThat(hits).extracting(HistoryEntry::target).containsExactly(
                "https://www.example.com/job-49/page/49999", "https://www.example.com/job-49/page/49998",
                "https://www.example.com/job-49/page/49997", "https://www.example.com/job-49/page/49996",
                "https://www.example.com/job-49/page/49995", "https://www.example.com/job-49/page/49994",
                "https://www.example.com/job-49/page/49993", "https://www.example.com/job-49/page/49992",
                "https://www.example.com/job-49/page/49991", "https://www.example.com/job-49/page/49990",
                "https://www.example.com/job-4/page/4999");
        assertThat(HistoryQuery.all().run(many, null)).hasSize(50_000).first().isEqualTo(many.get(49_999));
    }
}
