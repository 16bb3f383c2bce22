package be.proactief.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk and caseworker console on the local gateway, at {@code /console/}: the built app (from the
 * {@code proactief-console} jar on the class path, or live from {@value #DIRECTORY_SETTING} while working on
 * it), a {@code config.json} that selects the development sign-in, and {@code POST /console/development-token},
 * which hands a desk clerk's or a caseworker's development token to that sign-in. On AWS, CloudFront serves the
 * app from S3 and the city's identity provider signs people in; nothing here exists there.
 */
final class ConsoleSite {

    /** A directory holding the built console (its {@code index.html}), served instead of the packaged one. */
    static final String DIRECTORY_SETTING = "PROACTIEF_CONSOLE_DIR";
    static final String PREFIX = "/console/";
    /** Where the console module's jar carries the built app. */
    private static final String RESOURCE_ROOT = "proactief-console/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final String CLIENT_ID = "proactief-console-local";
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([a-z]+)\"");

    /** The two people the development sign-in offers: who they are and what they may do. */
    enum Role {
        DESK("baliemedewerker-lokaal", List.of(DevelopmentTokens.SCOPE_CHECK)),
        CASEWORKER("dossierbeheerder-lokaal", List.of(DevelopmentTokens.SCOPE_CHECK, DevelopmentTokens.SCOPE_OVERRIDE));

        final String person;
        final List<String> scopes;

        Role(String person, List<String> scopes) {
            this.person = person;
            this.scopes = scopes;
        }
    }

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "woff2", "font/woff2", "txt", "text/plain; charset=utf-8", "map", "application/json");

    private final DevelopmentTokens tokens;
    private final Path directory;

    private ConsoleSite(DevelopmentTokens tokens, Path directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    /**
     * The console as this run can serve it, or empty when it was not built (a build without {@code console/}).
     *
     * @throws IllegalArgumentException when {@value #DIRECTORY_SETTING} names a directory without {@code index.html}
     */
    static Optional<ConsoleSite> of(DevelopmentTokens tokens, Map<String, String> environment) {
        String configured = environment.get(DIRECTORY_SETTING);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("index.html"))) {
                throw new IllegalArgumentException(DIRECTORY_SETTING + "=" + configured + " holds no index.html; build the console first (cd console && npm run build)");
            }
            return Optional.of(new ConsoleSite(tokens, dir));
        }
        if (ConsoleSite.class.getClassLoader().getResource(RESOURCE_ROOT + "index.html") == null) return Optional.empty();
        return Optional.of(new ConsoleSite(tokens, null));
    }

    static boolean serves(String path) {
        return path.equals("/console") || path.startsWith(PREFIX);
    }

    void handle(HttpExchange exchange, String method, String path) throws IOException {
        securityHeaders(exchange);
        if (path.equals("/console")) {
            exchange.getResponseHeaders().set("Location", PREFIX);
            exchange.sendResponseHeaders(301, -1);
            return;
        }
        String file = path.substring(PREFIX.length());
        if (file.equals("development-token")) {
            if (!loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // a page elsewhere whose name was made to point at 127.0.0.1 (DNS rebinding) gets no token
                send(exchange, 403, "application/problem+json", problem(403, "Development tokens are given to pages opened as localhost only"));
                return;
            }
            if (!method.equals("POST")) {
                send(exchange, 405, "application/problem+json", problem(405, "Use POST with {\"role\":\"desk\"} or {\"role\":\"caseworker\"}"));
                return;
            }
            developmentToken(exchange);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(exchange, 405, "application/problem+json", problem(405, "The console's files are read with GET"));
            return;
        }
        if (file.equals("config.json")) {
            noStore(exchange);
            send(exchange, 200, TYPES.get("json"), "{\"signIn\":\"development\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (file.isEmpty()) file = "index.html";
        if (!file.matches("[A-Za-z0-9._/-]+") || file.contains("..") || file.startsWith("/")) {
            send(exchange, 404, "application/problem+json", problem(404, "No such file in the console"));
            return;
        }
        byte[] body = read(file);
        if (body == null) {
            send(exchange, 404, "application/problem+json", problem(404, "No such file in the console"));
            return;
        }
        if (file.startsWith("assets/")) {
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
        } else {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        }
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), method.equals("HEAD") ? null : body);
    }

    private void developmentToken(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readNBytes(1024), StandardCharsets.UTF_8);
        Matcher m = ROLE.matcher(body);
        Role role = null;
        if (m.find()) {
            for (Role r : Role.values()) if (r.name().equalsIgnoreCase(m.group(1))) role = r;
        }
        if (role == null) {
            send(exchange, 400, "application/problem+json", problem(400, "role must be \"desk\" or \"caseworker\""));
            return;
        }
        String token = tokens.issue(role.person, CLIENT_ID, role.scopes, TOKEN_LIFETIME);
        noStore(exchange);
        send(exchange, 200, TYPES.get("json"), ("{\"accessToken\":\"" + token + "\",\"sub\":\"" + role.person + "\",\"scopes\":[\""
                + String.join("\",\"", role.scopes) + "\"]}").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, with or without a port. */
    static boolean loopbackHost(String host) {
        if (host == null) return false;
        String name = host.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private byte[] read(String file) throws IOException {
        if (directory != null) {
            Path p = directory.resolve(file).normalize();
            if (!p.startsWith(directory) || !Files.isRegularFile(p)) return null;
            return Files.readAllBytes(p);
        }
        try (InputStream in = ConsoleSite.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void securityHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    }

    private static void noStore(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static byte[] problem(int status, String detail) {
        return ("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** One answer: status, content type, and the body (none for null or empty); the gateway answers through this too. */
    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
