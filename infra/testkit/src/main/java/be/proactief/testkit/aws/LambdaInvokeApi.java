package be.proactief.testkit.aws;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's {@code Invoke} API for asynchronous invocations ({@code POST /2015-03-31/functions/{name}/invocations},
 * {@code X-Amz-Invocation-Type: Event}, answered 202), over the real wire protocol the SDK speaks: what a function
 * that invokes itself reaches locally and in tests. Each accepted event is recorded and handed to {@code onEvent}
 * (the local run invokes the function; a test may only look).
 */
public final class LambdaInvokeApi implements AutoCloseable {

    /** One asynchronous invocation: the function named and the event. */
    public record Invocation(String functionName, String payload) {
    }

    private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public LambdaInvokeApi(Consumer<Invocation> onEvent) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Matcher m = PATH.matcher(exchange.getRequestURI().getRawPath());
                String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!exchange.getRequestMethod().equals("POST") || !m.matches()) {
                    reply(exchange, 404, "{\"Type\":\"User\",\"message\":\"no such route\"}");
                } else if (!"Event".equals(type)) {
                    reply(exchange, 400, "{\"Type\":\"User\",\"message\":\"only asynchronous invocations (X-Amz-Invocation-Type: Event) are served here\"}");
                } else {
                    Invocation invocation = new Invocation(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), payload);
                    invocations.add(invocation);
                    onEvent.accept(invocation);
                    exchange.sendResponseHeaders(202, -1);
                }
            }
        });
        server.start();
    }

    /** Records the events only. */
    public LambdaInvokeApi() {
        this(i -> { });
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every event accepted so far, in order. */
    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
