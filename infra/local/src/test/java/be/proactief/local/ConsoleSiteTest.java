package be.proactief.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console on the local gateway: its files with their security headers, its development sign-in, nothing else. */
class ConsoleSiteTest {

    static HttpApiGateway gateway;
    static DevelopmentTokens tokens = new DevelopmentTokens(LocalRun.DEV_JWT_KEY, Clock.systemUTC());

    @BeforeAll
    static void start(@TempDir Path dist) throws Exception {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>console</title>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/app-1234.js"), "console.log('app')");
        Optional<ConsoleSite> site = ConsoleSite.of(tokens, Map.of(ConsoleSite.DIRECTORY_SETTING, dist.toString()));
        gateway = new HttpApiGateway(null, tokens, site, 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A raw HTTP/1.1 exchange, so that the Host header is what a browser would send. */
    static String exchange(String method, String path, String host, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                    + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_page_and_its_assets_come_with_a_content_security_policy_of_the_own_origin() throws Exception {
        String page = exchange("GET", "/console/", "localhost", null);
        assertThat(page).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("Cache-Control: no-cache").contains("<title>console</title>");
        assertThat(exchange("GET", "/console/assets/app-1234.js", "localhost", null)).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("Content-Type: text/javascript").containsIgnoringCase("immutable");
        assertThat(exchange("GET", "/console", "localhost", null)).startsWith("HTTP/1.1 301").containsIgnoringCase("Location: /console/");
        assertThat(exchange("GET", "/console/config.json", "localhost", null)).contains("{\"signIn\":\"development\"}");
    }

    @Test
    void nothing_outside_the_built_console_is_served() throws Exception {
        assertThat(exchange("GET", "/console/../pom.xml", "localhost", null)).startsWith("HTTP/1.1 404");
        assertThat(exchange("GET", "/console/%2e%2e/%2e%2e/etc/passwd", "localhost", null)).startsWith("HTTP/1.1 404");
        assertThat(exchange("GET", "/console/no-such.js", "localhost", null)).startsWith("HTTP/1.1 404");
    }

    @Test
    void the_development_sign_in_gives_a_desk_clerk_and_a_caseworker_their_scopes_to_pages_on_localhost_only() throws Exception {
        String desk = exchange("POST", "/console/development-token", "localhost:8080", "{\"role\":\"desk\"}");
        assertThat(desk).startsWith("HTTP/1.1 200").contains("\"sub\":\"baliemedewerker-lokaal\"", "\"scopes\":[\"entitlements/check\"]")
                .containsIgnoringCase("Cache-Control: no-store");
        String caseworker = exchange("POST", "/console/development-token", "127.0.0.1:8080", "{\"role\":\"caseworker\"}");
        assertThat(caseworker).contains("\"scopes\":[\"entitlements/check\",\"entitlements/override\"]");
        String token = caseworker.substring(caseworker.indexOf("\"accessToken\":\"") + 15);
        token = token.substring(0, token.indexOf('"'));
        assertThat(tokens.verify(token)).hasValueSatisfying(claims -> assertThat(claims)
                .containsEntry("sub", "dossierbeheerder-lokaal").containsEntry("client_id", "proactief-console-local"));

        assertThat(exchange("POST", "/console/development-token", "attacker.example", "{\"role\":\"caseworker\"}")).startsWith("HTTP/1.1 403")
                .doesNotContain("accessToken");
        assertThat(exchange("POST", "/console/development-token", "localhost", "{\"role\":\"admin\"}")).startsWith("HTTP/1.1 400");
        assertThat(exchange("GET", "/console/development-token", "localhost", null)).startsWith("HTTP/1.1 405");
    }

    @Test
    void a_console_directory_without_a_built_app_stops_the_serve_naming_the_setting() {
        assertThatThrownBy(() -> ConsoleSite.of(tokens, Map.of(ConsoleSite.DIRECTORY_SETTING, "/no/such/dir")))
                .hasMessageContaining("PROACTIEF_CONSOLE_DIR").hasMessageContaining("npm run build");
    }
}
