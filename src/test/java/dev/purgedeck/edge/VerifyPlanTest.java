package dev.purgedeck.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purgedeck.fastly.ItemOutcome;
import dev.purgedeck.fastly.PurgeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyPlanTest {
    private static ItemOutcome url(String target) {
        return new ItemOutcome(0, PurgeKind.URL, target, ItemOutcome.Status.OK, "1-2-3", 200, 1, Duration.ofMillis(5),
                null, null, Instant.now());
    }

    @Test
    void aUrlIsLookedAtAsPurgedAndOneWithoutSchemeOverHttps() {
        VerifyPlan plan = VerifyPlan.verify(List.of());
        assertThat(plan.pagesFor(url("http://www.dailycourier.example/a"))).containsExactly(
                "http://www.dailycourier.example/a");
        assertThat(plan.pagesFor(url("www.dailycourier.example/weather?city=leeds"))).containsExactly(
                "https://www.dailycourier.example/weather?city=leeds");
    }
}
