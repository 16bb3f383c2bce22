package be.proactief.aws.wiring;

import be.proactief.core.insz.Insz;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;
import be.proactief.testkit.aws.SecretsManagerStandIn;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On AWS the subject keys come from the Secrets Manager secret {@code PROACTIEF_SUBJECT_KEYS_SECRET} names, read with
 * the SDK once at initialisation and again after a SnapStart restore; the function's environment holds only the name.
 */
class SubjectKeysSecretTest {

    static final Insz RESIDENT = Insz.of(85, 7, 30, 33, false);
    static final String K1 = Base64.getEncoder().encodeToString("first-subject-key-secret-of-32-bytes!".getBytes());
    static final String K2 = Base64.getEncoder().encodeToString("second-subject-key-secret-of-32-bytes".getBytes());
    static SecretsManagerStandIn secrets;

    @BeforeAll
    static void start() {
        secrets = new SecretsManagerStandIn()
                .put("proactief/subject-keys", ring("k1", false))
                .put("proactief/not-json", "waste-bags=" + K1);
    }

    @AfterAll
    static void stop() {
        secrets.close();
    }

    static String ring(String current, boolean withK2) {
        return "{\"waste-bags\":{\"current\":\"" + current + "\",\"keys\":{\"k1\":\"" + K1 + "\"" + (withK2 ? ",\"k2\":\"" + K2 + "\"" : "") + "}}}";
    }

    private static ApplicationContext context(String secretName, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("proactief.secretsmanager.endpoint", secrets.endpoint().toString());
        p.put("proactief.subject.keys.secret", secretName);
        return ApplicationContext.builder().properties(p).start();
    }

    @Test
    void the_keys_are_read_once_from_the_secret_the_environment_names() {
        int before = secrets.reads();
        try (ApplicationContext ctx = context("proactief/subject-keys", Map.of())) {
            SubjectKeys keys = ctx.getBean(SubjectKeys.class);
            SubjectKey key = keys.person("waste-bags", RESIDENT);
            assertThat(key.keyId()).isEqualTo("k1");
            assertThat(keys.person("waste-bags", RESIDENT)).isEqualTo(key);
            assertThat(secrets.reads() - before).isEqualTo(1);
        }
    }

    @Test
    void after_a_restore_the_secret_is_read_again_so_a_rotated_current_key_is_written_under_at_once() throws Exception {
        secrets.put("proactief/subject-keys-rotating", ring("k1", false));
        try (ApplicationContext ctx = context("proactief/subject-keys-rotating", Map.of())) {
            SubjectKeys keys = ctx.getBean(SubjectKeys.class);
            SubjectKey before = keys.person("waste-bags", RESIDENT);
            secrets.put("proactief/subject-keys-rotating", ring("k2", true)); // the city rotates after the snapshot
            assertThat(keys.person("waste-bags", RESIDENT).keyId()).as("the snapshot's rings until the refresh").isEqualTo("k1");

            // what Lambda does on a SnapStart restore: every registered CRaC resource's afterRestore
            ctx.getBeansOfType(io.micronaut.crac.OrderedResource.class).stream().filter(SubjectKeysAfterRestore.class::isInstance)
                    .findFirst().orElseThrow(() -> new AssertionError("no SubjectKeysAfterRestore resource")).afterRestore(null);

            SubjectKey after = keys.person("waste-bags", RESIDENT);
            assertThat(after.keyId()).isEqualTo("k2");
            assertThat(after.older()).as("what was written under k1 is still found").containsExactly(before);
        }
    }

    @Test
    void a_secret_that_cannot_be_read_or_parsed_stops_the_start_naming_the_setting_never_its_content() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/no-such-secret", Map.of())) {
                ctx.getBean(SubjectKeys.class);
            }
        }).hasMessageContaining("PROACTIEF_SUBJECT_KEYS_SECRET").hasMessageContaining("proactief/no-such-secret");
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/not-json", Map.of())) {
                ctx.getBean(SubjectKeys.class);
            }
        }).hasMessageContaining("PROACTIEF_SUBJECT_KEYS_SECRET").hasMessageContaining("proactief/not-json").hasMessageNotContaining(K1);
    }

    @Test
    void on_lambda_the_keys_as_a_value_in_the_environment_are_refused() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of("aws.lambda.function.name", "proactief-check-api",
                    "proactief.subject.keys", ring("k1", false))).start()) {
                ctx.getBean(SubjectKeys.class);
            }
        }).hasMessageContaining("PROACTIEF_SUBJECT_KEYS").hasMessageContaining("PROACTIEF_SUBJECT_KEYS_SECRET").hasMessageNotContaining(K1);
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of("aws.lambda.function.name", "proactief-check-api")).start()) {
                ctx.getBean(SubjectKeys.class);
            }
        }).hasMessageContaining("PROACTIEF_SUBJECT_KEYS_SECRET is not set");
    }
}
