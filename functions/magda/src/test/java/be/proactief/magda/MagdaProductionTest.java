package be.proactief.magda;

import be.proactief.core.insz.Insz;
import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.PlatformUnavailableException.Reason;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.testkit.magda.DevelopmentKeystore;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a city needs to go live: signed requests the platform (the simulator, trusting the city's certificate) accepts
 * and refuses when they are not the city's, registrations per scheme, signed replies, bounded replies, HTTP 429.
 */
class MagdaProductionTest {

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final String BIM = "BIM_BVT";

    @TempDir
    static Path dir;
    static KeyMaterial city;
    static KeyMaterial stranger;
    static Path platformKeystore;

    private MagdaSimulator simulator;

    @BeforeAll
    static void keys() {
        city = KeyMaterial.load(new MagdaConfig.StoreRef(DevelopmentKeystore.generate(dir.resolve("city.p12"), "city.test"), DevelopmentKeystore.PASSWORD, null));
        stranger = KeyMaterial.load(new MagdaConfig.StoreRef(DevelopmentKeystore.generate(dir.resolve("other.p12"), "other.test"), DevelopmentKeystore.PASSWORD, null));
        platformKeystore = DevelopmentKeystore.generate(dir.resolve("platform.p12"), "magda.test");
    }

    @BeforeEach
    void start() {
        simulator = new MagdaSimulator().registerAll(Personas.all()).start().trust(city.certificate());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static MagdaConfig config(URI endpoint) {
        return MagdaConfig.defaults(endpoint, "gent.be/proactief", "1303").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withRetry(MagdaConfig.RetrySettings.attempts(1, Duration.ofMillis(20)));
    }

    private static PlatformUnavailableException unavailable(MagdaClient client) {
        return catchThrowableOfType(() -> client.ask(Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025), PlatformUnavailableException.class);
    }

    @Test
    void a_request_signed_with_the_citys_certificate_is_answered() throws Exception {
        MagdaClient client = new MagdaClient(config(simulator.endpoint()).withTls(city, null));
        assertThat(client.ask(Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025).applicable()).containsExactly(BIM);
    }

    @Test
    void an_unsigned_request_is_refused_with_a_soap_fault_and_is_unknown() {
        PlatformUnavailableException e = unavailable(new MagdaClient(config(simulator.endpoint())));
        assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
        assertThat(e.getMessage()).contains("HTTP 500");
    }

    @Test
    void a_refused_request_is_not_asked_again_nor_held_against_the_platform() {
        MagdaClient client = new MagdaClient(config(simulator.endpoint()).withRetry(MagdaConfig.RetrySettings.attempts(3, Duration.ofMillis(10))));
        PlatformUnavailableException e = unavailable(client);
        assertThat(e.getMessage()).contains("MAGDA refused the request", "wsse:InvalidSecurity");
        assertThat(client.calls().httpExchanges()).as("a certificate problem does not go away by asking again").isEqualTo(1);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_request_signed_with_an_unknown_certificate_is_refused() {
        assertThat(unavailable(new MagdaClient(config(simulator.endpoint()).withTls(stranger, null))).getMessage()).contains("HTTP 500");
    }

    @Test
    void a_request_whose_body_changed_after_signing_is_refused() throws Exception {
        // a man in the middle: signs as the city, then changes the question
        String signed = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256).sign(GeefSociaalStatuutRequest.forQuestion(
                config(simulator.endpoint()), Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025, Clock.systemUTC()).toSoapEnvelope());
        String tampered = signed.replace("<Naam>BIM_BVT</Naam>", "<Naam>LIVING_WAGES_PCSA_HELP</Naam>");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(simulator.endpoint())
                .header("Content-Type", "text/xml; charset=utf-8").POST(java.net.http.HttpRequest.BodyPublishers.ofString(tampered)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").contains("does not match the Body");
    }

    @Test
    void rsa_sha1_signatures_as_magdas_own_connector_sends_are_accepted() throws Exception {
        MagdaConfig config = config(simulator.endpoint()).withTls(city, null).toBuilder().signatureAlgorithm(WsSecuritySigner.Algorithm.RSA_SHA1).build();
        assertThat(new MagdaClient(config).ask(Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025).applicable()).containsExactly(BIM);
    }

    @Test
    void two_schemes_with_their_own_registrations_send_their_own_afzender() throws Exception {
        MagdaClient client = new MagdaClient(config(simulator.endpoint()).withTls(city, null));
        Insz insz = Personas.increasedAllowance().insz();
        client.ask(insz, List.of(BIM), MARCH_2025, new PlatformRegistration("gent.be/afvalpas", "1301"));
        client.ask(insz, List.of(BIM), MARCH_2025, new PlatformRegistration("gent.be/onderwijs", "1302"));
        client.ask(insz, List.of(BIM), MARCH_2025);
        assertThat(simulator.callCount("gent.be/afvalpas", "1301")).isEqualTo(1);
        assertThat(simulator.callCount("gent.be/onderwijs", "1302")).isEqualTo(1);
        assertThat(simulator.callCount("gent.be/proactief", "1303")).as("the default").isEqualTo(1);
        assertThat(client.defaultRegistration()).isEqualTo(new PlatformRegistration("gent.be/proactief", "1303"));
    }

    @Test
    void a_reply_signed_by_the_platform_is_used_and_one_signed_by_another_is_unknown() throws Exception {
        simulator.signReplies(DevelopmentKeystore.entry(platformKeystore));
        MagdaConfig verifying = config(simulator.endpoint()).withTls(city, null).toBuilder()
                .platformCertificate(DevelopmentKeystore.certificate(platformKeystore)).build();
        StatusAnswer answer = new MagdaClient(verifying).ask(Personas.increasedAllowance().insz(), List.of(BIM), MARCH_2025);
        assertThat(answer.applicable()).containsExactly(BIM);

        MagdaConfig expectingAnother = verifying.toBuilder().platformCertificate(stranger.certificate()).build();
        PlatformUnavailableException e = unavailable(new MagdaClient(expectingAnother));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY);
        assertThat(e.getMessage()).contains("not valid for the platform's certificate");

        simulator.signReplies(null);
        assertThat(unavailable(new MagdaClient(verifying)).getMessage()).contains("not signed");
    }

    @Test
    void a_reply_over_one_mebibyte_is_unknown_not_read_into_memory() throws Exception {
        String huge = "<x>" + "a".repeat(GeefSociaalStatuutReply.MAX_REPLY_BYTES) + "</x>";
        try (CannedPlatform platform = new CannedPlatform(200, huge)) {
            PlatformUnavailableException e = unavailable(new MagdaClient(config(platform.endpoint())));
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY);
            assertThat(e.getMessage()).contains("larger than 1048576 bytes");
        }
    }

    @Test
    void a_reply_nested_twenty_thousand_deep_is_unknown_not_a_stack_overflow() throws Exception {
        String deep = "<a>".repeat(20_000) + "</a>".repeat(20_000);
        try (CannedPlatform platform = new CannedPlatform(200, deep)) {
            PlatformUnavailableException e = unavailable(new MagdaClient(config(platform.endpoint())));
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REPLY);
            assertThat(e.getMessage()).contains("nests deeper than 64");
        }
    }

    @Test
    void http_429_is_unknown_with_the_platforms_retry_after_in_seconds() throws Exception {
        try (CannedPlatform platform = new CannedPlatform(429, "", Map.of("Retry-After", "120"))) {
            PlatformUnavailableException e = unavailable(new MagdaClient(config(platform.endpoint())));
            assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR);
            assertThat(e.retryAfter()).as("before: a fixed 5 min").isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void http_429_with_an_http_date_waits_until_then() throws Exception {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(600), ZoneOffset.UTC));
        try (CannedPlatform platform = new CannedPlatform(429, "", Map.of("Retry-After", inTenMinutes))) {
            MagdaClient client = new MagdaClient(config(platform.endpoint()), Clock.fixed(now, ZoneOffset.UTC));
            assertThat(unavailable(client).retryAfter()).isEqualTo(Duration.ofSeconds(600));
        }
    }
}
