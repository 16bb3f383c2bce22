package be.proactief.function.checkapi;

import be.proactief.aws.auth.DevelopmentTokens;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controllers through micronaut-aws's api-proxy test server (HTTP → API Gateway v2 event →
 * APIGatewayV2HTTPEventFunction), driven by a plain HTTP client with development tokens.
 */
class CheckApiTestServerTest {

    static CheckApiStack stack;
    static EmbeddedServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static DevelopmentTokens tokens = new DevelopmentTokens(CheckApiStack.DEV_JWT_KEY, Clock.systemUTC());
    static final Persona LEEFLOON = Personas.leefloon();

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        stack.magda.register(LEEFLOON);
        Map<String, Object> props = new HashMap<>(stack.properties());
        props.put("proactief.dev.jwt.key", CheckApiStack.DEV_JWT_KEY);
        props.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, props);
    }

    @AfterAll
    static void stop() {
        server.close();
        stack.close();
    }

    static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_portal_checks_a_resident_over_http() throws Exception {
        String portal = tokens.issue("city-portal", List.of(DevelopmentTokens.SCOPE_CHECK), Duration.ofMinutes(5));
        HttpResponse<String> r = post("/v1/checks", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"school-discount\"}", portal);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"outcome\":\"ENTITLED\"", "\"tier\":\"leefloon\"");
    }

    @Test
    void no_token_is_401_and_a_forged_one_too() throws Exception {
        assertThat(post("/v1/checks", "{}", null).statusCode()).isEqualTo(401);
        String forged = new DevelopmentTokens("another-key-that-is-long-enough-to-sign-0123", Clock.systemUTC())
                .issue("intruder", List.of(DevelopmentTokens.SCOPE_CHECK), Duration.ofMinutes(5));
        HttpResponse<String> r = post("/v1/checks", "{}", forged);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void a_portal_token_cannot_search_decisions_403() throws Exception {
        String portal = tokens.issue("city-portal", List.of(DevelopmentTokens.SCOPE_CHECK), Duration.ofMinutes(5));
        assertThat(post("/v1/decisions/search", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"waste-bags\"}", portal).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_caseworker_records_an_override_over_http() throws Exception {
        String caseworker = tokens.issue("caseworker-7", List.of(DevelopmentTokens.SCOPE_OVERRIDE), Duration.ofMinutes(5));
        String until = java.time.LocalDate.parse(Events.today()).plusMonths(2).toString();
        HttpResponse<String> r = post("/v1/overrides", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"school-discount\","
                + "\"outcome\":\"ENTITLED\",\"tier\":\"increased-allowance\",\"reasonCode\":\"CO_PARENTING\",\"validUntil\":\"" + until + "\"}", caseworker);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).startsWith("/v1/overrides/"));
    }
}
