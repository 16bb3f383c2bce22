package be.proactief.aws.sqs;

import be.proactief.aws.wiring.Settings;
import be.proactief.core.messaging.RetryDelay;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchSettingsTest {

    private static BatchSettings from(Map<String, Object> properties) {
        try (ApplicationContext ctx = ApplicationContext.builder().properties(properties).start()) {
            return BatchSettings.from(new Settings(ctx.getEnvironment()));
        }
    }

    @Test
    void without_settings_a_batch_runs_ten_at_once_and_waits_a_minute_doubling_up_to_an_hour() {
        BatchSettings s = from(Map.of());
        assertThat(s.concurrency()).isEqualTo(10);
        assertThat(s.retryDelay()).isEqualTo(RetryDelay.defaults());
        assertThat(s.deadlineMargin()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_settings_take_durations_in_every_documented_form() {
        BatchSettings s = from(Map.of("proactief.batch.concurrency", "3", "proactief.retry.base", "1500ms", "proactief.retry.cap", "PT4S",
                "proactief.batch.deadline.margin", "2s"));
        assertThat(s.concurrency()).isEqualTo(3);
        assertThat(s.retryDelay()).isEqualTo(new RetryDelay(Duration.ofMillis(1500), Duration.ofSeconds(4)));
        assertThat(s.deadlineMargin()).isEqualTo(Duration.ofSeconds(2));
        assertThat(from(Map.of("proactief.retry.cap", "2h")).retryDelay().cap()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void a_base_over_the_default_cap_raises_the_cap_with_it() {
        assertThat(from(Map.of("proactief.retry.base", "90m")).retryDelay().cap()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void a_bad_value_stops_the_start_naming_its_setting() {
        assertThatThrownBy(() -> from(Map.of("proactief.batch.concurrency", "ten"))).hasMessageContaining("PROACTIEF_BATCH_CONCURRENCY");
        assertThatThrownBy(() -> from(Map.of("proactief.batch.concurrency", "0"))).hasMessageContaining("PROACTIEF_BATCH_CONCURRENCY");
        assertThatThrownBy(() -> from(Map.of("proactief.retry.base", "soon"))).hasMessageContaining("PROACTIEF_RETRY_BASE");
        assertThatThrownBy(() -> from(Map.of("proactief.retry.cap", "0s"))).hasMessageContaining("PROACTIEF_RETRY_CAP");
        assertThatThrownBy(() -> from(Map.of("proactief.retry.cap", "12h"))).hasMessageContaining("PROACTIEF_RETRY_CAP").hasMessageContaining("11 h");
        assertThatThrownBy(() -> from(Map.of("proactief.retry.base", "500ms"))).hasMessageContaining("PROACTIEF_RETRY_BASE").hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> from(Map.of("proactief.batch.deadline.margin", "-5s"))).hasMessageContaining("PROACTIEF_BATCH_DEADLINE_MARGIN");
    }
}
