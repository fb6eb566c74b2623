package dev.purgedeck.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceNameMatchTest {
    @Test
    void anyDashAndRunOfSpacesCountAsOne() {
        assertThat(ServiceNameMatch.exactly("Daily  Courier - News", "Daily Courier \u2014 News")).isTrue();
        assertThat(ServiceNameMatch.exactly(" Daily Courier\u2013News ", "Daily Courier-News")).isTrue();
    }

    @Test
    void aConfirmationNeedsTheLettersExactlyButASearchIgnoresCase() {
        assertThat(ServiceNameMatch.exactly("daily courier", "Daily Courier")).isFalse();
        assertThat(ServiceNameMatch.ignoringCase("daily courier", "Daily Courier")).isTrue();
        assertThat(ServiceNameMatch.ignoringCase("Daily Courie", "Daily Courier")).isFalse();
    }

    @Test
    void nothingMatchesAMissingName() {
        assertThat(ServiceNameMatch.exactly(null, "Shop")).isFalse();
        assertThat(ServiceNameMatch.ignoringCase("Shop", null)).isFalse();
    }
}
