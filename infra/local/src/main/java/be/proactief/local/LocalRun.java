package be.proactief.local;

import be.proactief.testkit.FunctionSettings;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.aws.SamTemplate;
import be.proactief.testkit.magda.MagdaSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole stack on one machine: emulated AWS (embedded dynalite + ElasticMQ, LocalStack, or
 * the emulators of a running {@code serve}), resources from template.yaml, the MAGDA simulator
 * (or another endpoint), and the functions' real handlers.
 */
final class LocalRun implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalRun.class);

    /** Local development keys: for this machine only, never for real data. */
    static final String DEV_SUBJECT_KEY = "proactief-local-development-subject-key-not-for-production";
    static final String DEV_JWT_KEY = "proactief-local-development-jwt-signing-key-not-for-production";

    enum Backend { EMBEDDED, LOCALSTACK, SERVE }

    final AwsBackend aws;
    final MagdaSimulator magda;
    final URI magdaEndpoint;
    final LocalFunctions functions;
    final be.proactief.testkit.aws.LambdaInvokeApi lambda;
    private final java.util.concurrent.ExecutorService asynchronous = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-async");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    final DevelopmentTokens tokens = new DevelopmentTokens(DEV_JWT_KEY, Clock.systemUTC());
    final Backend backend;
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();

    private LocalRun(Backend backend, AwsBackend aws, MagdaSimulator magda, URI magdaEndpoint, LocalKeystore keystore) {
        this.backend = backend;
        this.aws = aws;
        this.magda = magda;
        this.magdaEndpoint = magdaEndpoint;
        Map<String, Object> local = FunctionSettings.forEmulators(aws, magdaEndpoint, DEV_SUBJECT_KEY);
        local.put("magda.sender.id", "kb.vlaanderen.be/aiv/proactief-local");
        local.put("aws.region", AwsBackend.REGION.id());
        // the template's Secrets Manager names are for AWS: never read locally (the keys: PROACTIEF_SUBJECT_KEYS or the development key)
        local.put("proactief.magda.keystore.secret", "");
        local.put("proactief.subject.keys.secret", "");
        if (keystore != null) keystore.putInto(local);
        // attached to a serve: its subject keys, scheme files and MAGDA keystore, so that what is decided here is what the
        // serve decides, signed as its simulator trusts
        if (backend == Backend.SERVE) {
            Map<String, Object> shared = ServeSettings.read();
            ServeSettings.refuseOtherKeys(shared);
            shared.forEach(local::put);
        }
        // Lambda's Invoke API for the invocations a function sends itself (the voucher run going on from a page token)
        this.lambda = new be.proactief.testkit.aws.LambdaInvokeApi(this::invokeLater);
        local.put("proactief.lambda.endpoint", lambda.endpoint().toString());
        this.functions = new LocalFunctions(SamTemplate.load(ProjectPaths.template(), Map.of()), aws.resources(), local);
    }

    /** An asynchronous invocation, as Lambda runs it: later, on a thread of its own; a failure is logged (no retries, as configured). */
    private void invokeLater(be.proactief.testkit.aws.LambdaInvokeApi.Invocation invocation) {
        inFlight.incrementAndGet();
        asynchronous.submit(() -> {
            try {
                FunctionSpec spec = functions.find(invocation.functionName())
                        .orElseThrow(() -> new IllegalStateException("no function " + invocation.functionName() + " in template.yaml"));
                LOG.info("{} invoked asynchronously: {}", spec.logicalId(), be.proactief.core.insz.Insz.redact(String.valueOf(functions.invokeJson(spec, invocation.payload()))));
            } catch (RuntimeException e) {
                LOG.warn("asynchronous invocation of {} failed: {}", invocation.functionName(), be.proactief.core.insz.Insz.redact(LocalFunctions.reason(e)));
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** Waits until no asynchronous invocation is under way (one may start another); false when {@code timeout} passed first. */
    boolean awaitAsynchronousInvocations(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            sleep(100);
        }
        return true;
    }

    /**
     * @param magdaUrl another GeefSociaalStatuut endpoint, or null for the built-in simulator
     */
    static LocalRun start(Backend backend, String magdaUrl, LocalKeystore keystore) {
        return start(backend, magdaUrl, null, keystore);
    }

    /**
     * @param dataDir  where the embedded DynamoDB keeps its tables across restarts (null: in memory)
     * @param keystore what the MAGDA requests are signed with, and what the built-in simulator trusts (ignored when
     *                 attached to a serve: its own is used)
     */
    static LocalRun start(Backend backend, String magdaUrl, Path dataDir, LocalKeystore keystore) {
        AwsBackend aws = switch (backend) {
            case EMBEDDED -> AwsBackend.embedded(dataDir);
            case LOCALSTACK -> AwsBackend.localStack(URI.create(Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).orElse("http://localhost:4566")));
            case SERVE -> ServeState.read().map(s -> AwsBackend.remote(s.dynamoDb(), s.sqs(), s.embedded()))
                    .orElseThrow(() -> new IllegalStateException("no running ./proactief serve found"));
        };
        aws.provision();
        MagdaSimulator simulator = null;
        URI endpoint;
        if (magdaUrl != null) {
            endpoint = URI.create(magdaUrl);
        } else if (backend == Backend.SERVE) {
            endpoint = ServeState.read().orElseThrow().magda();
        } else {
            // as the platform does: only requests signed with the city's registered certificate are answered
            simulator = new MagdaSimulator().start().trust(keystore == null ? null : keystore.certificate());
            endpoint = simulator.endpoint();
        }
        return new LocalRun(backend, aws, simulator, endpoint, backend == Backend.SERVE ? null : keystore);
    }

    /**
     * Uses a running {@code serve} when there is one (and its keystore), else starts an embedded stack signing with
     * {@code keystore} ({@link LocalKeystore#choose}).
     *
     * @param command and {@code keystoreFlag} (--magda-keystore, or null): for a clear usage error
     */
    static LocalRun runningOrEmbedded(String command, String keystoreFlag) {
        if (ServeState.read().isPresent()) {
            if (keystoreFlag != null) {
                throw new Options.UsageException(command + ": the running serve signs with its own keystore; leave out --magda-keystore (or stop the serve)");
            }
            return start(Backend.SERVE, null, null);
        }
        return start(Backend.EMBEDDED, null, LocalKeystore.choose(command, keystoreFlag, System.getenv()));
    }

    /** Polls every SQS-triggered function's queue, as Lambda's event source mappings do. */
    void startEventSourceMappings() {
        for (FunctionSpec spec : functions.specs()) {
            for (FunctionSpec.SqsSource source : spec.sqsSources()) {
                mappings.add(new SqsEventSourceMapping(functions, spec, source, aws.sqs(), aws.resources()));
            }
        }
    }

    List<SqsEventSourceMapping> mappings() {
        return mappings;
    }

    /** Waits until the queues the mappings poll are empty (visible and in flight) and no batch is being handled. */
    boolean awaitDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietRounds = 0;
        while (System.nanoTime() < deadline) {
            boolean quiet = mappings.stream().noneMatch(SqsEventSourceMapping::busy)
                    && mappings.stream().allMatch(m -> depth(m.queueUrl()) == 0);
            quietRounds = quiet ? quietRounds + 1 : 0;
            if (quietRounds >= 3) return true;
            sleep(200);
        }
        return false;
    }

    /** Visible + in-flight messages of a queue. */
    long depth(String queueUrl) {
        Map<String, String> a = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        return Long.parseLong(a.getOrDefault("ApproximateNumberOfMessages", "0")) + Long.parseLong(a.getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
    }

    @Override
    public void close() {
        mappings.forEach(SqsEventSourceMapping::close);
        lambda.close();
        asynchronous.shutdownNow();
        functions.close();
        if (magda != null) magda.close();
        aws.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Where a running {@code serve} can be found: {@code serve.json} in the local state folder ({@code .proactief/} in the
     * repository, or {@code -Dproactief.state.dir}). {@code embedded}: its emulators are dynalite and ElasticMQ (which
     * have no TTL set-up), not LocalStack.
     */
    record ServeState(long pid, URI dynamoDb, URI sqs, URI magda, int port, boolean embedded) {

        static Path dir() {
            String configured = System.getProperty("proactief.state.dir");
            return configured != null ? Path.of(configured) : ProjectPaths.root().resolve(".proactief");
        }

        static Path file() {
            return dir().resolve("serve.json");
        }

        void write() {
            try {
                Files.createDirectories(file().getParent());
                Files.writeString(file(), "{\"pid\":" + pid + ",\"dynamoDb\":\"" + dynamoDb + "\",\"sqs\":\"" + sqs + "\",\"magda\":\"" + magda
                        + "\",\"port\":" + port + ",\"embedded\":" + embedded + "}\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void remove() {
            try {
                Files.deleteIfExists(file());
            } catch (IOException ignored) {
                // best effort
            }
        }

        /** The state of a serve whose process still runs. */
        static Optional<ServeState> read() {
            try {
                if (!Files.isRegularFile(file())) return Optional.empty();
                String text = Files.readString(file());
                ServeState s = new ServeState(Long.parseLong(field(text, "pid")), URI.create(field(text, "dynamoDb")), URI.create(field(text, "sqs")),
                        URI.create(field(text, "magda")), Integer.parseInt(field(text, "port")), !text.contains("\"embedded\":false"));
                if (s.pid() == ProcessHandle.current().pid()) return Optional.empty();
                return ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive).map(p -> s);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
            if (!m.find()) throw new IllegalArgumentException("no " + name);
            return m.group(1);
        }
    }

    /**
     * The settings a serve decides with that an attached {@code invoke} or {@code trigger} must share:
     * {@code PROACTIEF_SUBJECT_KEYS} and {@code PROACTIEF_SCHEMES_DIR} when the serve was given them, and the MAGDA
     * keystore it signs with (file and password: its simulator trusts only that certificate). Kept beside
     * {@code serve.json} in a file only its owner may read (local development only; on AWS the keys stay in Secrets
     * Manager), removed when the serve stops.
     */
    static final class ServeSettings {

        static final List<String> SHARED = List.of("PROACTIEF_SUBJECT_KEYS", "PROACTIEF_SCHEMES_DIR");

        private ServeSettings() {
        }

        static Path file() {
            return ServeState.dir().resolve("serve-settings.properties");
        }

        /** Writes the serve's own values of {@link #SHARED} (environment or system property) and its MAGDA keystore. */
        static void write(LocalKeystore keystore) {
            java.util.Properties p = new java.util.Properties();
            if (keystore != null) {
                p.setProperty("magda.keystore", keystore.file().toString());
                p.setProperty("magda.keystore.password", keystore.password());
            }
            for (String name : SHARED) {
                String value = System.getProperty(name.toLowerCase().replace('_', '.'), System.getenv(name));
                if (value == null || value.isBlank()) continue;
                p.setProperty(name.toLowerCase().replace('_', '.'), name.equals("PROACTIEF_SCHEMES_DIR") ? Path.of(value).toAbsolutePath().toString() : value);
            }
            try {
                Files.createDirectories(file().getParent());
                Files.deleteIfExists(file());
                Files.createFile(file());
                try {
                    Files.setPosixFilePermissions(file(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
                try (java.io.Writer w = Files.newBufferedWriter(file(), StandardCharsets.UTF_8)) {
                    p.store(w, "settings of the running ./proactief serve, shared with invoke and trigger; removed when it stops");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * An attached run whose own {@code PROACTIEF_SUBJECT_KEYS} differs from the serve's would decide under other
         * pseudonyms in the serve's tables (and issue vouchers twice): refused, saying what to do.
         */
        static void refuseOtherKeys(Map<String, Object> shared) {
            String own = System.getProperty("proactief.subject.keys", System.getenv("PROACTIEF_SUBJECT_KEYS"));
            if (own == null || own.isBlank()) return;
            if (!own.equals(shared.get("proactief.subject.keys"))) {
                throw new IllegalStateException("the running serve decides under other subject keys than PROACTIEF_SUBJECT_KEYS here; "
                        + "unset it, or set it as for the serve (or stop the serve)");
            }
        }

        static Map<String, Object> read() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.Reader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                return Map.of();
            }
            Map<String, Object> out = new java.util.HashMap<>();
            p.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
            return out;
        }

        static void remove() {
            try {
                Files.deleteIfExists(file());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
