package be.proactief.function.checkapi;

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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controllers through micronaut-aws's api-proxy test server (HTTP → API Gateway v2 event →
 * APIGatewayV2HTTPEventFunction), driven by a plain HTTP client. Such a server has no JWT authorizer in
 * front of it, so it shows what the function does with a token nobody checked: it refuses it, whatever it
 * claims (the authorizer's part is played by API Gateway on AWS and by the local gateway in the local run).
 */
class CheckApiTestServerTest {

    static CheckApiStack stack;
    static EmbeddedServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static final Persona LEEFLOON = Personas.leefloon();

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        stack.magda.register(LEEFLOON);
        Map<String, Object> props = new HashMap<>(stack.properties());
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

    /** A JWT that claims every scope, signed by nobody ({@code alg: none}). */
    static String unchecked() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(("{\"sub\":\"intruder\",\"client_id\":\"intruder\",\"scope\":\"entitlements/check entitlements/override\","
                + "\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void no_token_is_401_as_problem_json() throws Exception {
        HttpResponse<String> r = post("/v1/checks", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"school-discount\"}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void a_token_without_the_authorizers_context_is_401_whatever_it_claims() throws Exception {
        HttpResponse<String> check = post("/v1/checks", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"school-discount\"}", unchecked());
        assertThat(check.statusCode()).as(check.body()).isEqualTo(401);
        HttpResponse<String> search = post("/v1/decisions/search", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"waste-bags\"}", unchecked());
        assertThat(search.statusCode()).isEqualTo(401);
        assertThat(search.body()).doesNotContain(LEEFLOON.insz().digits());
    }
}
