package be.proactief.testkit.aws;

import be.proactief.testkit.ProjectPaths;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml: no function's environment holds a secret (anyone who may read a function's configuration could
 * read it there): secrets are named, by a parameter, and read with the SDK; each function may read only the secrets
 * it needs.
 */
class NoSecretInTheEnvironmentTest {

    private final SamTemplate template = SamTemplate.load(ProjectPaths.template(), Map.of());

    /** Settings that hold a secret's value: for the local run and tests only. */
    static final Set<String> VALUES = Set.of("PROACTIEF_SUBJECT_KEYS", "PROACTIEF_DEV_SUBJECT_KEY", "PROACTIEF_DEV_JWT_KEY", "MAGDA_KEYSTORE",
            "MAGDA_KEYSTORE_PASSWORD", "MAGDA_TRUSTSTORE_PASSWORD");

    private List<Map.Entry<String, Object>> environment(Object properties) {
        Map<String, Object> variables = SamTemplate.map(SamTemplate.map(SamTemplate.map(properties).get("Environment")).get("Variables"));
        return new ArrayList<>(variables.entrySet());
    }

    @Test
    void no_function_or_global_variable_holds_a_secret_value_or_a_dynamic_reference_to_one() {
        List<Map.Entry<String, Object>> all = new ArrayList<>(environment(template.globals().get("Function")));
        template.resourcesOfType("AWS::Serverless::Function").forEach(f -> all.addAll(environment(f.properties())));
        assertThat(all).isNotEmpty().allSatisfy(v -> {
            assertThat(VALUES).as(v.getKey()).doesNotContain(v.getKey());
            assertThat(String.valueOf(v.getValue())).as(v.getKey()).doesNotContain("{{resolve:");
        });
    }

    @Test
    void the_functions_that_decide_name_the_subject_key_secret_and_only_they_may_read_it() {
        for (SamTemplate.Resource f : template.resourcesOfType("AWS::Serverless::Function")) {
            boolean decides = !java.util.Set.of("VoucherRunFunction", "ReviewWatchFunction").contains(f.logicalId());
            Map<String, Object> variables = Map.ofEntries(environment(f.properties()).toArray(Map.Entry[]::new));
            String policies = String.valueOf(f.properties().get("Policies"));
            if (decides) {
                assertThat(variables).as(f.logicalId()).containsEntry("PROACTIEF_SUBJECT_KEYS_SECRET", Map.of("Ref", "SubjectKeysSecretName"));
                assertThat(policies).as(f.logicalId()).contains("secret:${SubjectKeysSecretName}-??????");
            } else {
                assertThat(variables).as(f.logicalId()).doesNotContainKey("PROACTIEF_SUBJECT_KEYS_SECRET");
                assertThat(policies).as(f.logicalId()).doesNotContain("secretsmanager:");
            }
        }
    }
}
