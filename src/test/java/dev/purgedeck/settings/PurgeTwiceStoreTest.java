package dev.purgedeck.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.purgedeck.fastly.PurgeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-service Purge twice setting: Fastly's delays by default, bounds said plainly, kept per profile on disk. */
class PurgeTwiceStoreTest {
    private static final String SERVICE = "SU1Z0isxPaozGVKXdv0eY";

    @TempDir
    Path dir;

    @Test
    void theAdvisedSettingPurgesUrlsAndKeysTwoSecondsApartAndEverythingThirty() {
        PurgeTwiceSetting s = PurgeTwiceSetting.advised(SERVICE, "Daily Courier — www");
        assertThat(s.on()).isTrue();
        assertThat(s.delayFor(PurgeKind.URL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.delayFor(PurgeKind.KEY)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.delayFor(PurgeKind.ALL)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.label()).isEqualTo("Daily Courier — www");
        assertThat(PurgeTwiceSetting.declined(SERVICE, "").label()).isEqualTo(SERVICE);
    }

    @Test
    void delaysOutsideTheirBoundsAreRefusedWithTheRange() {
        PurgeTwiceSetting s = PurgeTwiceSetting.advised(SERVICE, "x");
        assertThatThrownBy(() -> s.withUrlDelay(0)).hasMessage("The pause for URLs and keys must be 1 to 120 seconds.");
        assertThatThrownBy(() -> s.withUrlDelay(121)).hasMessageContaining("1 to 120 seconds");
        assertThatThrownBy(() -> s.withAllDelay(4))
                .hasMessage("The pause for purge everything must be 5 to 600 seconds.");
        assertThat(s.withAllDelay(600).allDelaySeconds()).isEqualTo(600);
        assertThat(PurgeTwiceSetting.parseDelay(" 7 s", false)).isEqualTo(7);
        assertThat(PurgeTwiceSetting.parseDelay("45", true)).isEqualTo(45);
        assertThatThrownBy(() -> PurgeTwiceSetting.parseDelay("two", false)).hasMessageContaining("1 to 120");
        assertThatThrownBy(() -> PurgeTwiceSetting.parseDelay("", true)).hasMessageContaining("5 to 600");
        assertThatThrownBy(() -> PurgeTwiceSetting.parseDelay("99999999999", false)).hasMessageContaining("1 to 120");
    }

    @Test
    void settingsAreKeptPerProfileAndServiceOwnerOnlyAndSurviveARestart() throws Exception {
        PurgeTwiceStore store = PurgeTwiceStore.open(dir);
        AtomicInteger heard = new AtomicInteger();
        store.addListener(heard::incrementAndGet);
        assertThat(store.get("Sandbox", SERVICE)).isEmpty();
        store.put("Sandbox", PurgeTwiceSetting.advised(SERVICE, "Daily Courier — www").withUrlDelay(5)).join();
        store.put("Sandbox", PurgeTwiceSetting.declined("other", "Northwind Shop")).join();
        store.put("Production", PurgeTwiceSetting.advised(SERVICE, "Daily Courier — www")).join();
        store.put("Production", PurgeTwiceSetting.advised(SERVICE, "Daily Courier — www")).join();
        assertThat(heard).as("an unchanged setting is no change").hasValue(3);

        PurgeTwiceStore again = PurgeTwiceStore.open(dir);
        assertThat(again.problem()).isEmpty();
        assertThat(again.get("Sandbox", SERVICE).orElseThrow().urlDelaySeconds()).isEqualTo(5);
        assertThat(again.all("Sandbox")).extracting(PurgeTwiceSetting::serviceName)
                .containsExactly("Daily Courier — www", "Northwind Shop");
        assertThat(again.get("Sandbox", "other").orElseThrow().on()).as("Not now is remembered").isFalse();
        assertThat(again.get("Production", SERVICE).orElseThrow().urlDelaySeconds()).isEqualTo(2);

        again.remove("Sandbox", SERVICE).join();
        assertThat(PurgeTwiceStore.open(dir).get("Sandbox", SERVICE)).isEmpty();
        assumeTrue(TokenStoreTest.posix());
        assertThat(TokenStoreTest.perms(dir.resolve(PurgeTwiceStore.FILE))).isEqualTo("rw-------");
    }

    @Test
    void anotherWindowsChoiceForAnotherServiceIsKept() {
        PurgeTwiceStore one = PurgeTwiceStore.open(dir);
        PurgeTwiceStore two = PurgeTwiceStore.open(dir);
        one.put("Sandbox", PurgeTwiceSetting.advised("a", "A")).join();
        two.put("Sandbox", PurgeTwiceSetting.advised("b", "B")).join();
        assertThat(PurgeTwiceStore.open(dir).all("Sandbox")).extracting(PurgeTwiceSetting::serviceId)
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aDamagedEntryIsLeftOutAndSaidTheOthersAreKept() throws Exception {
        Files.writeString(dir.resolve(PurgeTwiceStore.FILE), """
                {"version":1,"profiles":{"Sandbox":{"services":{
                  "good":{"name":"Good","on":true,"urlDelaySeconds":3,"allDelaySeconds":40},
                  "bad":{"name":"Bad","on":true,"urlDelaySeconds":0,"allDelaySeconds":40},
                  "odd":{"name":"Odd","on":"yes","urlDelaySeconds":2.5,"allDelaySeconds":40}}}}}
                """);
        PurgeTwiceStore store = PurgeTwiceStore.open(dir);
        assertThat(store.all("Sandbox")).extracting(PurgeTwiceSetting::serviceId).containsExactly("good");
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("2 services' settings"));
    }

    @Test
    void aFileThatIsNotJsonIsSetAsideNotACrash() throws Exception {
        Files.writeString(dir.resolve(PurgeTwiceStore.FILE), "{ not json");
        PurgeTwiceStore store = PurgeTwiceStore.open(dir);
        assertThat(store.all("Sandbox")).isEmpty();
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("set aside"));
        store.put("Sandbox", PurgeTwiceSetting.advised("a", "A")).join();
        assertThat(PurgeTwiceStore.open(dir).all("Sandbox")).hasSize(1);
    }
}
