package be.proactief.aws.wiring;

import be.proactief.core.subject.SubjectKeys;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOnlyTest {

    @Test
    void on_lambda_the_development_subject_key_stops_the_start_naming_it() {
        try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of(
                "proactief.dev.subject.key", "proactief-local-development-subject-key-not-for-production",
                "aws.lambda.function.name", "proactief-check-api")).start()) {
            assertThatThrownBy(() -> ctx.getBean(SubjectKeys.class)).hasMessageContaining("PROACTIEF_DEV_SUBJECT_KEY is for local runs")
                    .hasMessageContaining("AWS_LAMBDA_FUNCTION_NAME=proactief-check-api");
        }
    }

    @Test
    void locally_the_development_subject_key_is_used() {
        try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of(
                "proactief.dev.subject.key", "proactief-local-development-subject-key-not-for-production")).start()) {
            assertThat(ctx.getBean(SubjectKeys.class)).isNotNull();
        }
    }
}
