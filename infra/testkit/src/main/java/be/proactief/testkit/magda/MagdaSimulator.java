package be.proactief.testkit.magda;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.city.SyntheticCity;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own MAGDA GeefSociaalStatuut 03.00 endpoint for tests and the local run: a JDK
 * {@link HttpServer} on 127.0.0.1 that speaks the same SOAP 1.1 as the platform, answers from a
 * registry of synthetic {@link Persona}s, and injects {@link SimulatorFaults} on demand.
 *
 * <h2>Answers</h2>
 * <ul>
 *   <li>registered INSZ: per asked status Resultaat Code 1 "Van toepassing" with the matching
 *       Periodes when the persona's status holds on the asked date (or overlaps the asked period),
 *       else Code 0 "Niet van toepassing";</li>
 *   <li>unknown INSZ: an Antwoord with Uitzondering (MAGDA error element) FOUT 30003 "Onbestaande INSZ";</li>
 *   <li>a persona whose {@link Persona#reply()} is not ANSWER: that {@link Reply} (no data, a person-level status,
 *       a status left out, a number cancelled or replaced, warnings, a period mismatch, a reply about someone
 *       else or another question);</li>
 *   <li>a request that is not a GeefSociaalStatuut question: HTTP 400 with a SOAP Fault.</li>
 * </ul>
 *
 * <h2>Admin endpoint</h2> on the same server (parameters in the query string, a form body or a flat JSON object):
 * <ul>
 *   <li>{@code GET /__admin/faults}: the armed faults as JSON; {@code POST /__admin/faults}
 *       {@code fault=HTTP_500|HTTP_ERROR|TIMEOUT|MALFORMED_REPLY|OVERSIZED_REPLY|DEEP_REPLY|UITZONDERING|WAARSCHUWING}, {@code times=N|always},
 *       {@code status=503}, {@code latencyMs=200}, {@code timeoutHoldMs}; {@code DELETE /__admin/faults}: reset;</li>
 *   <li>{@code GET /__admin/calls}: {@code {"total":N,"inFlight":n}}; {@code DELETE /__admin/calls}: reset the counters;</li>
 *   <li>{@code GET /__admin/health}: {@code {"status":"UP","personas":n}}.</li>
 * </ul>
 * Thread-safe. Every call to the service path is counted (total, and per INSZ once the question parses).
 */
public final class MagdaSimulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's small answers wait for the client's delayed ACK
        // (about 40 ms a call); the simulator should cost what the platform's answer costs, no more.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String SERVICE_PATH = "/GeefSociaalStatuutDienst-03.00/soap/WebService";
    public static final String ADMIN_PATH = "/__admin";
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(MagdaSimulator.class);

    private final Map<String, Persona> personas = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> callsPerInsz = new ConcurrentHashMap<>();
    private final AtomicLong totalCalls = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final SimulatorFaults faults = new SimulatorFaults();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Clock clock;
    private volatile HttpServer server;
    private volatile X509Certificate trusted;
    private volatile KeyStore.PrivateKeyEntry replyKey;
    private final Map<String, AtomicLong> callsPerRegistration = new ConcurrentHashMap<>();
    private volatile ExecutorService executor;

    public MagdaSimulator() {
        this(Clock.system(ZoneId.of("Europe/Brussels")));
    }

    /** @param clock stamps the Tijdstip (moment) of the answers; the truth follows the asked date, not this clock */
    public MagdaSimulator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * From now on, every question must carry a WS-Security signature of its Body by {@code certificate} (the city's, as
     * MAGDA registered it): an unsigned request, a changed Body or another certificate gets a SOAP fault with HTTP 500,
     * as the platform answers. {@code null}: signatures are not checked.
     */
    public MagdaSimulator trust(X509Certificate certificate) {
        this.trusted = certificate;
        return this;
    }

    /** From now on, every answer's Body is signed with {@code key} (RSA-SHA256), as the platform may sign; {@code null}: unsigned. */
    public MagdaSimulator signReplies(KeyStore.PrivateKeyEntry key) {
        this.replyKey = key;
        return this;
    }

    /** Questions asked under a registration, {@code identificatie/hoedanigheid} (the Afzender of each question). */
    public long callCount(String identificatie, String hoedanigheid) {
        AtomicLong n = callsPerRegistration.get(identificatie + "/" + hoedanigheid);
        return n == null ? 0 : n.get();
    }

    /** Starts on a free port of 127.0.0.1. */
    public MagdaSimulator start() {
        return start(0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0 = a free port). */
    public synchronized MagdaSimulator start(int port) {
        if (server != null) throw new IllegalStateException("simulator already started on " + endpoint());
        if (closed.getCount() == 0) throw new IllegalStateException("simulator was closed; create a new one");
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
            s.setExecutor(pool);
            s.createContext("/", this::handle);
            s.start();
            this.executor = pool;
            this.server = s;
            log.info("MAGDA simulator listening on {}", endpoint());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the MAGDA simulator on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "magda-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The service URI, e.g. {@code http://127.0.0.1:54321/GeefSociaalStatuutDienst-03.00/soap/WebService}. */
    public URI endpoint() {
        return baseUri().resolve(SERVICE_PATH);
    }

    /** {@code http://127.0.0.1:PORT/__admin/} */
    public URI adminUri() {
        return baseUri().resolve(ADMIN_PATH + "/");
    }

    public int port() {
        return requireStarted().getAddress().getPort();
    }

    private URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private HttpServer requireStarted() {
        HttpServer s = server;
        if (s == null) throw new IllegalStateException("simulator not started");
        return s;
    }

    /** Stops at once: waiting TIMEOUT and latency faults end, open connections are dropped. */
    @Override
    public synchronized void close() {
        closed.countDown();
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                    log.warn("MAGDA simulator: {} calls still being handled 2 s after stop", inFlight());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
            log.info("MAGDA simulator stopped");
        }
    }

    // ---- personas ------------------------------------------------------------------------------

    /** Registers (or replaces) the persona with this INSZ. */
    public MagdaSimulator register(Persona persona) {
        personas.put(persona.insz().digits(), persona);
        return this;
    }

    public MagdaSimulator registerAll(Collection<Persona> all) {
        all.forEach(this::register);
        return this;
    }

    public boolean unregister(Insz insz) {
        return personas.remove(insz.digits()) != null;
    }

    public Optional<Persona> persona(Insz insz) {
        return Optional.ofNullable(personas.get(insz.digits()));
    }

    public int personaCount() {
        return personas.size();
    }

    // ---- faults and counters -------------------------------------------------------------------

    /** The faults to inject; also reachable over {@code /__admin/faults}. */
    public SimulatorFaults faults() {
        return faults;
    }

    /** Resets faults and call counters (personas stay). */
    public void reset() {
        faults.reset();
        resetCounts();
    }

    /** Calls to the service path since start or the last {@link #resetCounts()}, malformed ones included. */
    public long callCount() {
        return totalCalls.get();
    }

    /** Calls whose question was about {@code insz}. */
    public long callCount(Insz insz) {
        AtomicLong n = callsPerInsz.get(insz.digits());
        return n == null ? 0 : n.get();
    }

    /** Calls per INSZ digits (test numbers only), a snapshot. */
    public Map<String, Long> callCountsPerInsz() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        callsPerInsz.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    public void resetCounts() {
        totalCalls.set(0);
        callsPerInsz.clear();
    }

    /** Calls being handled right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Waits, at most {@code timeout}, until {@link #inFlight()} is {@code n}: a loaded machine may take a moment to
     * hand a call over, or to finish one whose answer is already sent. Whether it got there.
     */
    public boolean awaitInFlight(int n, Duration timeout) {
        return await(() -> inFlight() == n, timeout);
    }

    /** Waits, at most {@code timeout}, until {@link #callCount()} is at least {@code n}. Whether it got there. */
    public boolean awaitCallCount(long n, Duration timeout) {
        return await(() -> callCount() >= n, timeout);
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(SERVICE_PATH)) {
                handleService(exchange);
            } else if (path.startsWith(ADMIN_PATH + "/")) {
                handleAdmin(exchange, path.substring(ADMIN_PATH.length() + 1));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "no such path; the service is at " + SERVICE_PATH);
            }
        } catch (IOException e) {
            log.debug("MAGDA simulator: connection dropped ({})", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("MAGDA simulator: unexpected failure", e);
        }
    }

    private void handleService(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            send(exchange, 405, "text/plain; charset=utf-8", "POST a SOAP envelope");
            return;
        }
        // Counted before it is in flight, so that a caller who sees n calls in flight also sees them counted.
        totalCalls.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                sendXml(exchange, 413, AnswerWriter.soapFault("Client", "request larger than " + MAX_REQUEST_BYTES + " bytes"));
                return;
            }
            X509Certificate city = trusted;
            if (city != null) {
                try {
                    WsSecurity.verify(body, city);
                } catch (WsSecurity.Refused refused) {
                    log.warn("MAGDA simulator refused a request: {}", refused.getMessage());
                    sendXml(exchange, 500, AnswerWriter.soapFault("Client", refused.getMessage()));
                    return;
                }
            }
            GeefSociaalStatuutQuestion question;
            try {
                question = GeefSociaalStatuutQuestion.parse(body);
            } catch (GeefSociaalStatuutQuestion.BadRequest e) {
                sendXml(exchange, 400, AnswerWriter.soapFault("Client", e.getMessage()));
                return;
            }
            callsPerInsz.computeIfAbsent(question.inszDigits(), k -> new AtomicLong()).incrementAndGet();
            callsPerRegistration.computeIfAbsent(question.senderIdentification() + "/" + question.hoedanigheid(), k -> new AtomicLong()).incrementAndGet();
            if (!pause(faults.latency())) return;
            Optional<SimulatorFaults.Armed> fault = faults.next();
            if (fault.isPresent()) {
                SimulatorFaults.Armed f = fault.get();
                switch (f.kind()) {
                    case TIMEOUT -> {
                        pause(faults.timeoutHold());
                        return; // drop the call without an answer
                    }
                    case HTTP_ERROR -> {
                        sendXml(exchange, f.httpStatus(), AnswerWriter.soapFault("Server",
                                "Gesimuleerde platformfout (HTTP " + f.httpStatus() + ")"));
                        return;
                    }
                    case OVERSIZED_REPLY -> {
                        sendXml(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><big>" + "x".repeat(1536 * 1024) + "</big>");
                        return;
                    }
                    case DEEP_REPLY -> {
                        sendXml(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<a>".repeat(20_000) + "</a>".repeat(20_000));
                        return;
                    }
                    case MALFORMED_REPLY -> {
                        sendXml(exchange, 200, AnswerWriter.truncated());
                        return;
                    }
                    case UITZONDERING -> {
                        sendXml(exchange, 200, AnswerWriter.uitzondering(question, now(), new AnswerWriter.Uitzondering(
                                "99999", "SIM", "FOUT", "Gesimuleerde fout: bron tijdelijk niet beschikbaar")));
                        return;
                    }
                    case WAARSCHUWING -> {
                        answer(exchange, question, List.of(new AnswerWriter.Uitzondering(
                                "99998", "SIM", "WAARSCHUWING", "Gesimuleerde waarschuwing: gegevens mogelijk onvolledig")));
                        return;
                    }
                }
            }
            answer(exchange, question, List.of());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange, GeefSociaalStatuutQuestion q, List<AnswerWriter.Uitzondering> warnings) throws IOException {
        Persona persona = personas.get(q.inszDigits());
        Reply kind = persona == null ? Reply.INSZ_UNKNOWN : persona.reply();
        switch (kind) {
            case INSZ_UNKNOWN -> sendXml(exchange, 200, AnswerWriter.uitzondering(q, now(), fout("30003", "Onbestaande INSZ")));
            case NO_DATA -> sendXml(exchange, 200, AnswerWriter.uitzondering(q, now(), fout("30001", "Geen gegevens gevonden voor de vraag")));
            case INSZ_CANCELLED -> sendXml(exchange, 200, AnswerWriter.uitzondering(q, now(), fout("30002", "INSZ geannuleerd")));
            case INSZ_REPLACED -> sendXml(exchange, 200, AnswerWriter.uitzondering(q, now(), fout("30004", "INSZ vervangen")));
            case PERSON_STATUS -> sendXml(exchange, 200, AnswerWriter.personStatus(q, now(), "SSH00048", "Geen gegevens gevonden"));
            case OTHER_INSZ, WRONG_REFERENCE -> {
                List<AnswerWriter.Statuut> all = q.criteria().stream()
                        .map(c -> new AnswerWriter.Statuut(c.naam(), true, List.of(Personas.YEARS_2020_2030))).toList();
                String insz = kind == Reply.OTHER_INSZ ? Personas.unknownInsz().digits() : q.inszDigits();
                String reference = kind == Reply.WRONG_REFERENCE ? UUID.randomUUID().toString() : q.questionReference();
                sendXml(exchange, 200, AnswerWriter.answer(q, now(), insz, reference, all, warnings));
            }
            default -> sendXml(exchange, 200, AnswerWriter.answer(q, now(), statuten(persona, q), warnings));
        }
    }

    /** The persona's answer per asked status, shaped by its reply kind (ANSWER, MISSING_STATUS, STATUS_WARNING, PERIOD_MISMATCH). */
    private static List<AnswerWriter.Statuut> statuten(Persona persona, GeefSociaalStatuutQuestion q) {
        List<AnswerWriter.Statuut> statuten = new ArrayList<>();
        for (GeefSociaalStatuutQuestion.Criterium c : q.criteria()) {
            if (persona.reply() == Reply.PERIOD_MISMATCH && persona.statuses().containsKey(c.naam())) {
                // it applies, says the platform, but only in a period that ended a year before the date asked
                StatusPeriod past = StatusPeriod.between(c.from().minusYears(2), c.from().minusYears(1));
                statuten.add(new AnswerWriter.Statuut(c.naam(), true, List.of(past)));
                continue;
            }
            List<StatusPeriod> periods = persona.periodsOverlapping(c.naam(), c.from(), c.until());
            statuten.add(new AnswerWriter.Statuut(c.naam(), !periods.isEmpty(), periods,
                    persona.reply() == Reply.STATUS_WARNING ? "SSH00047" : null));
        }
        if (persona.reply() == Reply.MISSING_STATUS) {
            statuten.remove(0);
            // the schema wants at least one SociaalStatuut: one that was not asked
            if (statuten.isEmpty()) statuten.add(new AnswerWriter.Statuut("GENT_PARKING_ADULT", false, List.of()));
        }
        return statuten;
    }

    private static AnswerWriter.Uitzondering fout(String code, String diagnose) {
        return new AnswerWriter.Uitzondering(code, "KSZ", "FOUT", diagnose);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** Waits {@code d} unless the simulator closes first; false when closed or interrupted. */
    private boolean pause(Duration d) {
        if (d.isZero()) return closed.getCount() > 0;
        try {
            return !closed.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
    }

    private void handleAdmin(HttpExchange exchange, String what) throws IOException {
        String method = exchange.getRequestMethod();
        try {
            switch (what) {
                case "faults" -> {
                    switch (method) {
                        case "GET" -> { }
                        case "POST", "PUT" -> faults.apply(params(exchange));
                        case "DELETE" -> faults.reset();
                        default -> throw new IllegalArgumentException("use GET, POST or DELETE on /__admin/faults");
                    }
                    sendJson(exchange, 200, faults.toJson());
                }
                case "calls" -> {
                    switch (method) {
                        case "GET" -> { }
                        case "DELETE" -> resetCounts();
                        default -> throw new IllegalArgumentException("use GET or DELETE on /__admin/calls");
                    }
                    sendJson(exchange, 200, "{\"total\":" + callCount() + ",\"inFlight\":" + inFlight() + "}");
                }
                case "reset" -> {
                    reset();
                    sendJson(exchange, 200, "{\"reset\":true}");
                }
                case "health" -> sendJson(exchange, 200, "{\"status\":\"UP\",\"personas\":" + personaCount() + "}");
                default -> sendJson(exchange, 404, "{\"error\":\"unknown admin resource; use faults, calls, reset or health\"}");
            }
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 400, "{\"error\":\"" + jsonEscape(e.getMessage()) + "\"}");
        }
    }

    private static final Pattern JSON_MEMBER = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.]+|true|false|null)");

    /** Query string plus a form-encoded or flat-JSON body. */
    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
        if (body.startsWith("{")) {
            Matcher m = JSON_MEMBER.matcher(body);
            while (m.find()) {
                params.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            }
        } else {
            parseForm(body, params);
        }
        return params;
    }

    private static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isBlank()) return;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    private static String jsonEscape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void sendXml(HttpExchange exchange, int status, String xml) throws IOException {
        KeyStore.PrivateKeyEntry key = replyKey;
        send(exchange, status, "text/xml; charset=utf-8", key != null && status == 200 && xml.contains("GeefSociaalStatuutResponse")
                ? WsSecurity.sign(xml, key) : xml);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Runs the simulator stand-alone: {@code MagdaSimulator [port] [households seed]} registers the
     * named {@link Personas} and, when asked, a {@link SyntheticCity}, then serves until stopped.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        MagdaSimulator simulator = new MagdaSimulator().registerAll(Personas.everyone());
        if (args.length > 2) {
            SyntheticCity.generate(Integer.parseInt(args[1]), Long.parseLong(args[2])).registerWith(simulator);
        }
        simulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "magda-simulator-shutdown"));
        System.out.println("MAGDA simulator: " + simulator.endpoint() + " (" + simulator.personaCount()
                + " personas; admin at " + simulator.adminUri() + ")");
        simulator.closed.await();
    }

    @Override
    public String toString() {
        HttpServer s = server;
        return "MagdaSimulator[" + (s == null ? "stopped" : endpoint().toString()) + ", personas=" + personas.size()
                + ", calls=" + totalCalls.get() + "]";
    }
}
