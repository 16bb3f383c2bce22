package be.proactief.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * API Gateway HTTP API on localhost: each HTTP request becomes a payload-2.0 event for the
 * function whose route matches (routes and scopes from template.yaml), after a JWT authorizer
 * step that behaves as AWS's does: no or invalid token → 401 before the function runs; a route
 * scope the token lacks → 403; no route → 404. Claims and scopes go into
 * {@code requestContext.authorizer.jwt}.
 */
final class HttpApiGateway implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpApiGateway.class);

    static {
        // answer at once instead of waiting for the client's delayed ACK (Nagle)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final LocalFunctions functions;
    private final DevelopmentTokens tokens;
    private final Optional<ConsoleSite> console;
    private final HttpServer server;

    HttpApiGateway(LocalFunctions functions, DevelopmentTokens tokens, int port) throws IOException {
        this(functions, tokens, Optional.empty(), port);
    }

    /** With {@code console}, also the console at {@code /console/} (as CloudFront serves it beside the API on AWS). */
    HttpApiGateway(LocalFunctions functions, DevelopmentTokens tokens, Optional<ConsoleSite> console, int port) throws IOException {
        this.functions = functions;
        this.tokens = tokens;
        this.console = console;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-api");
            t.setDaemon(true);
            return t;
        }));
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** The console's address, when this gateway serves it. */
    Optional<URI> console() {
        return console.map(c -> endpoint().resolve(ConsoleSite.PREFIX));
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (console.isPresent() && ConsoleSite.serves(path)) {
                console.get().handle(exchange, method, path);
                return;
            }
            Optional<Map.Entry<FunctionSpec, FunctionSpec.HttpRoute>> route = route(method, path);
            if (route.isEmpty()) {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            Optional<Map<String, Object>> claims = bearer(exchange).flatMap(tokens::verify);
            if (claims.isEmpty()) {
                send(exchange, 401, "{\"message\":\"Unauthorized\"}");
                return;
            }
            List<String> scopes = scopes(claims.get());
            List<String> needed = route.get().getValue().scopes();
            if (!needed.isEmpty() && needed.stream().noneMatch(scopes::contains)) {
                send(exchange, 403, "{\"message\":\"Forbidden\"}");
                return;
            }
            APIGatewayV2HTTPEvent event = event(exchange, method, path, claims.get(), scopes);
            APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) functions.invoke(route.get().getKey(), event);
            reply(exchange, response);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable e) {
            // what API Gateway answers when the function itself fails; the function's log says why
            LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    be.proactief.core.insz.Insz.redact(LocalFunctions.reason(e)));
            send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        }
    }

    private Optional<Map.Entry<FunctionSpec, FunctionSpec.HttpRoute>> route(String method, String path) {
        for (FunctionSpec spec : functions.specs()) {
            for (FunctionSpec.HttpRoute r : spec.routes()) {
                if (r.matches(method, path)) return Optional.of(Map.entry(spec, r));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String h = exchange.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(h.substring(7).strip());
    }

    static List<String> scopes(Map<String, Object> claims) {
        Object raw = claims.get("scope");
        if (raw == null) return List.of();
        return Arrays.stream(String.valueOf(raw).split("\\s+")).filter(s -> !s.isBlank()).toList();
    }

    private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String method, String path, Map<String, Object> claims, List<String> scopes)
            throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> claimText = new HashMap<>();
        claims.forEach((k, v) -> claimText.put(k, v instanceof List<?> l ? "[" + String.join(" ", l.stream().map(String::valueOf).toList()) + "]" : String.valueOf(v)));
        Instant now = Instant.now();
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        String query = exchange.getRequestURI().getRawQuery();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(query == null ? "" : query)
                .withHeaders(headers)
                .withQueryStringParameters(query(query))
                .withBody(body.length == 0 ? null : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName("localhost")
                        .withDomainPrefix("localhost")
                        .withStage("$default")
                        .withRouteKey("$default")
                        .withRequestId(UUID.randomUUID().toString())
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", "")).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(claimText).withScopes(scopes).build())
                                .build())
                        .build())
                .build();
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) return null;
        Map<String, String> out = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.merge(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "", (a, b) -> a + "," + b);
        }
        return out;
    }

    private static void reply(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                seen.add(name.toLowerCase(Locale.ROOT));
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            });
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (seen.add(name.toLowerCase(Locale.ROOT))) exchange.getResponseHeaders().set(name, value);
            });
        }
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody()) : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        ConsoleSite.send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
