package be.proactief.local;

import be.proactief.testkit.magda.DevelopmentKeystore;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local path signed end to end: {@code serve --magda-keystore} with the city's own certificate signs every MAGDA
 * request with it, the serve's simulator answers only requests so signed, and an attached {@code invoke} signs with the
 * serve's keystore too. Without the flag, a development keystore is made once and reused.
 */
class SignedLocalRunTest {

    static Path stateDir;
    static Path ownKeystore;
    static ServeProcess serve;
    static String previousStateDir;

    @BeforeAll
    static void serveWithTheCitysOwnKeystore() throws Exception {
        stateDir = Files.createTempDirectory("proactief-signed-");
        ownKeystore = DevelopmentKeystore.generate(stateDir.resolve("city-own.p12"), "gent.be proactief");
        serve = new ServeProcess(stateDir, Map.of(LocalKeystore.PASSWORD_VARIABLE, DevelopmentKeystore.PASSWORD),
                "--magda-keystore", ownKeystore.toString());
        previousStateDir = System.setProperty("proactief.state.dir", stateDir.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (previousStateDir == null) System.clearProperty("proactief.state.dir");
        else System.setProperty("proactief.state.dir", previousStateDir);
        serve.close();
    }

    @Test
    void a_desk_check_on_serve_is_answered_by_a_platform_that_answers_only_the_citys_signed_requests() throws Exception {
        HttpResponse<String> check = serve.post("/v1/checks", "PORTAL_TOKEN",
                "{\"insz\":\"" + Personas.leefloon().insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\"}");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("\"outcome\":\"ENTITLED\"");

        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serve.printed.get("MAGDA_ENDPOINT")))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(
                        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body/></soapenv:Envelope>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(500);
        assertThat(unsigned.body()).contains("Fault").contains("WS-Security");
        assertThat(Files.exists(stateDir.resolve(LocalKeystore.DEVELOPMENT_FILE))).as("no development keystore when the city gives its own").isFalse();
    }

    @Test
    void an_attached_invoke_signs_with_the_serves_keystore() throws Exception {
        Path event = Path.of(getClass().getResource("/check-event.json").toURI());
        Path withBody = Files.writeString(Files.createTempFile("check", ".json"), Files.readString(event)
                .replace("${BODY}", "{\\\"insz\\\":\\\"" + Personas.increasedAllowance().insz().digits() + "\\\",\\\"scheme\\\":\\\"uitpas-kansentarief\\\"}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of("invoke", "check-api", "--event", withBody.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":200", "ENTITLED");

        int refused = Main.run(List.of("invoke", "check-api", "--event", withBody.toString(), "--magda-keystore", ownKeystore.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the running serve signs with its own keystore");
    }

    @Test
    void without_a_keystore_the_local_run_makes_a_development_keystore_once_and_reuses_it() throws Exception {
        Path elsewhere = Files.createTempDirectory("proactief-dev-keys-");
        String before = System.setProperty("proactief.state.dir", elsewhere.toString());
        try {
            LocalKeystore first = LocalKeystore.choose("serve", null, Map.of());
            LocalKeystore second = LocalKeystore.choose("invoke", null, Map.of());
            assertThat(first.development()).isTrue();
            assertThat(first.file()).isEqualTo(elsewhere.resolve(LocalKeystore.DEVELOPMENT_FILE).toAbsolutePath());
            assertThat(second.certificate()).isEqualTo(first.certificate());
        } finally {
            System.setProperty("proactief.state.dir", before);
        }
    }

    @Test
    void a_keystore_setting_without_a_keystore_or_a_keystore_without_its_password_is_a_usage_error_naming_it() {
        assertThatThrownBy(() -> LocalKeystore.choose("serve", null, Map.of(LocalKeystore.PASSWORD_VARIABLE, "x")))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("MAGDA_KEYSTORE_PASSWORD is set but no --magda-keystore");
        assertThatThrownBy(() -> LocalKeystore.choose("serve", ownKeystore.toString(), Map.of()))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("needs its password in MAGDA_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> LocalKeystore.choose("serve", null, Map.of("MAGDA_KEYSTORE", "/tmp/x.p12")))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("MAGDA_KEYSTORE is set");
        assertThatThrownBy(() -> LocalKeystore.choose("serve", ownKeystore.toString(), Map.of(LocalKeystore.PASSWORD_VARIABLE, "wrong")))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("wrong password").hasMessageNotContaining("wrong\"");
    }
}
