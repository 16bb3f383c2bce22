package be.proactief.aws.wiring;

import be.proactief.core.insz.Insz;
import be.proactief.core.subject.SubjectKeys;
import be.proactief.testkit.aws.MotoServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secret adapters against moto's Secrets Manager, where {@code moto_server} is installed (skipped with a message
 * elsewhere): a secret created as an operator creates it, read by the function's wiring as on AWS.
 */
class MotoSecretsTest {

    static MotoServer moto;
    static final String K1 = Base64.getEncoder().encodeToString("moto-subject-key-secret-of-32-bytes!!".getBytes());

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(MotoServer.executable().isPresent(), MotoServer.missing());
        moto = MotoServer.start();
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            secrets.createSecret(b -> b.name("proactief/subject-keys").secretString("{\"waste-bags\":\"" + K1 + "\"}"));
        }
    }

    @AfterAll
    static void stop() {
        if (moto != null) moto.close();
    }

    private static ApplicationContext context(String secretName) {
        return ApplicationContext.builder().properties(Map.of("proactief.secretsmanager.endpoint", moto.endpoint().toString(),
                "proactief.subject.keys.secret", secretName)).start();
    }

    @Test
    void the_subject_keys_are_read_from_a_real_secret() {
        try (ApplicationContext ctx = context("proactief/subject-keys")) {
            SubjectKeys keys = ctx.getBean(SubjectKeys.class);
            assertThat(keys.person("waste-bags", Insz.of(85, 7, 30, 33, false)).value()).startsWith("s_");
        }
    }

    @Test
    void a_secret_that_does_not_exist_stops_the_start_naming_the_setting() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/no-such-secret")) {
                ctx.getBean(SubjectKeys.class);
            }
        }).hasMessageContaining("PROACTIEF_SUBJECT_KEYS_SECRET").hasMessageContaining("proactief/no-such-secret");
    }
}
