package be.proactief.local;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./proactief serve} on a free port, driven by a real HTTP client through the emulated API Gateway. */
class ServeTest {

    record Started(URI endpoint, String portal, String caseworker, Runnable stop) {
    }

    static final CompletableFuture<Started> started = new CompletableFuture<>();
    static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    static Thread serve;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        serve = new Thread(() -> Main.serve(List.of("--port", "0"), new PrintStream(printed, true, StandardCharsets.UTF_8),
                (endpoint, portal, caseworker, stop) -> started.complete(new Started(endpoint, portal, caseworker, stop))), "serve-under-test");
        serve.setDaemon(true);
        serve.start();
        started.get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        started.get().stop().run();
        serve.join(10_000);
    }

    static HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(started.get().endpoint().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serve_prints_tokens_and_endpoints_on_lines_of_their_own() {
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).anyMatch(l -> l.startsWith("PORTAL_TOKEN=ey"))
                .anyMatch(l -> l.startsWith("CASEWORKER_TOKEN=ey"))
                .anyMatch(l -> l.startsWith("SQS_ENDPOINT=http://"))
                .anyMatch(l -> l.startsWith("DYNAMODB_ENDPOINT=http://"));
    }

    @Test
    void a_portal_checks_a_resident() throws Exception {
        HttpResponse<String> r = post("/v1/checks", started.get().portal(),
                "{\"insz\":\"" + Personas.leefloon().insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"outcome\":\"ENTITLED\"");
    }

    @Test
    void a_caseworker_records_an_override() throws Exception {
        String until = LocalDate.now(ZoneId.of("Europe/Brussels")).plusDays(10).toString();
        HttpResponse<String> r = post("/v1/overrides", started.get().caseworker(), "{\"insz\":\"" + Personas.noStatus().insz().digits()
                + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"ENTITLED\",\"reasonCode\":\"RECENT_MOVE\",\"validUntil\":\"" + until + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).isPresent();
    }

    @Test
    void the_wrong_token_is_403_before_the_function() throws Exception {
        HttpResponse<String> r = post("/v1/overrides", started.get().portal(), "{}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void no_token_is_401_before_the_function() throws Exception {
        HttpResponse<String> r = post("/v1/checks", null, "{}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void a_route_the_template_does_not_declare_is_404() throws Exception {
        assertThat(post("/v2/anything", started.get().portal(), "{}").statusCode()).isEqualTo(404);
    }
}
