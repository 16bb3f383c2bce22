package be.proactief.core.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryDelayTest {

    private final RetryDelay defaults = RetryDelay.defaults();

    @Test
    void the_wait_doubles_with_every_receive_from_the_base_up_to_the_cap() {
        assertThat(defaults.after(1, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.after(2, null)).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.after(6, null)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(defaults.after(7, null)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.after(20, null)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.after(1_000, null)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void the_platforms_retry_after_wins_when_it_is_longer_and_is_capped_too() {
        assertThat(defaults.after(1, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.after(3, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(240));
        assertThat(defaults.after(1, Duration.ofHours(5))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_receive_count_below_one_counts_as_the_first() {
        assertThat(defaults.after(0, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void with_the_defaults_and_twenty_receives_a_message_outlives_a_twelve_hour_outage() {
        assertThat(defaults.survivedOutage(20)).isGreaterThan(Duration.ofHours(12)).isEqualTo(Duration.ofSeconds(50_580));
        assertThat(defaults.survivedOutage(5)).as("today's maxReceiveCount of 5").isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void a_cap_shorter_than_the_base_or_longer_than_sqs_allows_is_refused() {
        assertThatThrownBy(() -> new RetryDelay(Duration.ofMinutes(5), Duration.ofMinutes(1))).hasMessageContaining("must not be shorter");
        assertThatThrownBy(() -> new RetryDelay(Duration.ofMinutes(1), Duration.ofHours(12))).hasMessageContaining("at most 11 h");
        assertThatThrownBy(() -> new RetryDelay(Duration.ofMillis(500), Duration.ofHours(1))).hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> new RetryDelay(Duration.ZERO, Duration.ofHours(1))).hasMessageContaining("positive");
    }
}
