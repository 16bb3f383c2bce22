package be.proactief.aws.wiring;

import be.proactief.core.platform.SocialStatusSource;
import be.proactief.magda.MagdaClient;
import be.proactief.testkit.aws.SecretsManagerStandIn;
import be.proactief.testkit.magda.DevelopmentKeystore;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Personas;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On AWS the MAGDA keystore comes from Secrets Manager, read once with the SDK; a bad secret stops the start. */
class MagdaKeystoreSecretTest {

    @TempDir
    static Path dir;
    static SecretsManagerStandIn secrets;
    static MagdaSimulator platform;
    static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        keystore = DevelopmentKeystore.generate(dir.resolve("city.p12"), "gent.be proactief");
        secrets = new SecretsManagerStandIn()
                .put("proactief/magda-keystore", "{\"pkcs12\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(keystore))
                        + "\",\"password\":\"" + DevelopmentKeystore.PASSWORD + "\"}")
                .put("proactief/not-json", "pkcs12=abc")
                .put("proactief/wrong-password", "{\"pkcs12\":\"" + Base64.getEncoder().encodeToString(Files.readAllBytes(keystore))
                        + "\",\"password\":\"not-it\"}");
        platform = new MagdaSimulator().registerAll(Personas.all()).start().trust(DevelopmentKeystore.certificate(keystore));
    }

    @AfterAll
    static void stop() {
        secrets.close();
        platform.close();
    }

    private static ApplicationContext context(String secretName) {
        Map<String, Object> p = new HashMap<>();
        p.put("magda.endpoint", platform.endpoint().toString());
        p.put("magda.allow.http", "true");
        p.put("magda.sender.id", "gent.be/proactief");
        p.put("magda.hoedanigheid", "1303");
        p.put("proactief.secretsmanager.endpoint", secrets.endpoint().toString());
        p.put("proactief.magda.keystore.secret", secretName);
        return ApplicationContext.builder().properties(p).start();
    }

    @Test
    void the_keystore_is_read_once_from_its_secret_and_signs_what_the_platform_accepts() throws Exception {
        int before = secrets.reads();
        try (ApplicationContext ctx = context("proactief/magda-keystore")) {
            SocialStatusSource source = ctx.getBean(SocialStatusSource.class);
            assertThat(((MagdaClient) ((be.proactief.aws.metrics.MeteredPlatform) source).measured()).config().signsRequests()).isTrue();
            assertThat(source.ask(Personas.increasedAllowance().insz(), List.of("BIM_BVT"), LocalDate.of(2025, 3, 1)).applicable())
                    .containsExactly("BIM_BVT");
            source.ask(Personas.increasedAllowance().insz(), List.of("BIM_BVT"), LocalDate.of(2025, 3, 1));
            assertThat(secrets.reads() - before).isEqualTo(1);
        }
    }

    @Test
    void a_missing_secret_stops_the_start_naming_the_setting_and_the_secret() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/no-such-secret")) {
                ctx.getBean(SocialStatusSource.class);
            }
        }).hasMessageContaining("PROACTIEF_MAGDA_KEYSTORE_SECRET").hasMessageContaining("proactief/no-such-secret");
    }

    @Test
    void a_secret_of_another_shape_or_with_the_wrong_password_stops_the_start_without_showing_it() {
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/not-json")) {
                ctx.getBean(SocialStatusSource.class);
            }
        }).hasMessageContaining("must be {\"pkcs12\"").hasMessageNotContaining("pkcs12=abc");
        assertThatThrownBy(() -> {
            try (ApplicationContext ctx = context("proactief/wrong-password")) {
                ctx.getBean(SocialStatusSource.class);
            }
        }).hasMessageContaining("PROACTIEF_MAGDA_KEYSTORE_SECRET").hasMessageContaining("wrong password").hasMessageNotContaining("not-it");
    }
}
