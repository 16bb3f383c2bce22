package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;

import be.proactief.testkit.city.SyntheticCity;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./proactief demo | serve | invoke | trigger}: the local run. */
public final class Main {

    static final String USAGE = """
            Usage: ./proactief <command> [flags]

              demo    [--households N] [--seed S] [--magda-keystore FILE.p12]
                      Runs a synthetic city through the real handlers (month-end invoices, yearly
                      waste-bag vouchers, desk checks) on an embedded stack and prints a report.
              serve   [--port 8080] [--backend embedded|localstack] [--magda-url URL] [--magda-keystore FILE.p12]
                      Runs the stack until Ctrl-C: check-api on http://localhost:PORT, queues
                      processed as on AWS. Prints tokens and endpoints.
              invoke  FUNCTION --event FILE.json [--magda-keystore FILE.p12]
                      Runs one function's handler once on a Lambda event file and prints its response.
              trigger voucher-run --period YYYY [--roster FILE.jsonl] [--magda-keystore FILE.p12]
                      Fires the scheduled voucher run as EventBridge Scheduler would.
              redrive DLQ
                      Moves a DLQ's messages (e.g. invoices-dlq) back to its queue on the running serve.
              pseudonyms
                      Reads a national number on standard input and prints its pseudonym per scheme and key
                      (from PROACTIEF_SUBJECT_KEYS), to find a resident's audit lines ("who looked me up?").

            Every MAGDA request is signed (WS-Security) with --magda-keystore (its password in
            MAGDA_KEYSTORE_PASSWORD), or else with a development keystore made once in .proactief/.

            Every command takes --help.
            """;

    /** Households of the synthetic city that {@code serve} (and {@code trigger} without --roster) use. */
    static final int SERVE_CITY_HOUSEHOLDS = 200;
    static final long SERVE_CITY_SEED = 42;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code != Integer.MIN_VALUE) System.exit(code);
    }

    /** Runs a command; returns the exit code (serve returns only when stopped). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "demo" -> demo(rest, out);
                case "serve" -> serve(rest, out, null);
                case "invoke" -> invoke(rest, out);
                case "trigger" -> trigger(rest, out);
                case "redrive" -> redrive(rest, out);
                case "pseudonyms" -> pseudonyms(rest, new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)),
                        System.getenv(), out);
                default -> throw new Options.UsageException("unknown command '" + command + "'; use demo, serve, invoke, trigger, redrive or pseudonyms");
            };
        } catch (Options.UsageException e) {
            err.println("proactief: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("proactief " + command + " failed: " + be.proactief.core.insz.Insz.redact(String.valueOf(e.getMessage())));
            return 1;
        }
    }

    static int demo(List<String> args, PrintStream out) {
        Options o = Options.parse("demo", args, Set.of("households", "seed", "magda-keystore"), 0);
        if (o.help()) {
            out.println("Usage: ./proactief demo [--households N] [--seed S] [--magda-keystore FILE.p12]   (default 2000 households, seed 1)");
            return 0;
        }
        int households = o.intValue("households", 2000, 1, 200_000);
        long seed = o.longValue("seed", 1);
        LocalKeystore keystore = LocalKeystore.choose("demo", o.get("magda-keystore", null), System.getenv());
        System.setProperty("proactief.audit.level", "OFF");
        DemoReport report = new Demo(households, seed, out, keystore).run();
        out.print(report.render());
        out.println("The desk and caseworker console: run ./proactief serve and open the CONSOLE= address it prints "
                + "(http://localhost:8080/console/), then sign in as baliemedewerker or dossierbeheerder.");
        return 0;
    }

    /**
     * @param started counted down once the stack serves (tests wait on it); null from the command line
     */
    static int serve(List<String> args, PrintStream out, ServeHandle started) {
        Options o = Options.parse("serve", args, Set.of("port", "backend", "magda-url", "data-dir", "magda-keystore"), 0);
        if (o.help()) {
            out.println("Usage: ./proactief serve [--port 8080] [--backend embedded|localstack] [--magda-url URL] [--data-dir DIR] [--magda-keystore FILE.p12]");
            out.println("  --data-dir DIR  keep the DynamoDB tables (decisions, overrides, review cases) in DIR across restarts; without it, in memory");
            out.println("  --magda-keystore FILE.p12  sign every MAGDA request (and present it on https) with this keystore, its password in");
            out.println("                  MAGDA_KEYSTORE_PASSWORD; without it, a development keystore made once in .proactief/");
            return 0;
        }
        int port = o.intValue("port", 8080, 0, 65535);
        String backendName = o.get("backend", "embedded");
        LocalRun.Backend backend = switch (backendName) {
            case "embedded" -> LocalRun.Backend.EMBEDDED;
            case "localstack" -> LocalRun.Backend.LOCALSTACK;
            default -> throw new Options.UsageException("serve: --backend must be embedded or localstack, got '" + backendName + "'");
        };
        String magdaUrl = o.get("magda-url", null);
        if (magdaUrl != null && !magdaUrl.matches("https?://.+")) {
            throw new Options.UsageException("serve: --magda-url must be an http(s) URL, got '" + magdaUrl + "'");
        }
        Path dataDir = null;
        if (o.has("data-dir")) {
            if (backend != LocalRun.Backend.EMBEDDED) throw new Options.UsageException("serve: --data-dir is for the embedded backend; LocalStack keeps its own data");
            dataDir = Path.of(o.get("data-dir", null));
            try {
                Files.createDirectories(dataDir);
            } catch (java.io.IOException | RuntimeException e) {
                throw new Options.UsageException("serve: --data-dir " + dataDir + " cannot be created: " + e.getMessage());
            }
        }
        LocalKeystore keystore = LocalKeystore.choose("serve", o.get("magda-keystore", null), System.getenv());
        System.setProperty("proactief.audit.level", "INFO");
        LocalRun run = LocalRun.start(backend, magdaUrl, dataDir, keystore);
        SyntheticCity city = SyntheticCity.generate(SERVE_CITY_HOUSEHOLDS, SERVE_CITY_SEED);
        if (run.magda != null) {
            city.registerWith(run.magda);
            run.magda.registerAll(Personas.everyone());
        }
        try {
            run.functions.startAll(); // a function that cannot start stops the serve here, before its banner
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        run.startEventSourceMappings();
        HttpApiGateway gateway;
        try {
            Optional<ConsoleSite> console;
            try {
                console = ConsoleSite.of(run.tokens, System.getenv());
            } catch (IllegalArgumentException e) {
                run.close();
                throw new Options.UsageException("serve: " + e.getMessage());
            }
            gateway = new HttpApiGateway(run.functions, run.tokens, console, port);
        } catch (java.io.IOException e) {
            run.close();
            throw new IllegalStateException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        LocalRun.ServeState state = new LocalRun.ServeState(ProcessHandle.current().pid(), run.aws.dynamoDbEndpoint(), run.aws.sqsEndpoint(),
                run.magdaEndpoint, gateway.port(), backend == LocalRun.Backend.EMBEDDED);
        state.write();
        LocalRun.ServeSettings.write(keystore);
        CountDownLatch stop = new CountDownLatch(1);
        Runnable shutdown = () -> {
            gateway.close();
            run.close();
            LocalRun.ServeState.remove();
            LocalRun.ServeSettings.remove();
            stop.countDown();
        };
        Thread hook = new Thread(shutdown, "proactief-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String portal = run.tokens.issue("city-portal", List.of(DevelopmentTokens.SCOPE_CHECK), Duration.ofHours(12));
        String caseworker = run.tokens.issue("caseworker-local", List.of(DevelopmentTokens.SCOPE_OVERRIDE), Duration.ofHours(12));
        out.println("Proactief is running (" + backendName + "). check-api: " + gateway.endpoint() + "   Ctrl-C stops it.");
        out.println("CHECK_API=" + gateway.endpoint());
        gateway.console().ifPresentOrElse(c -> out.println("CONSOLE=" + c),
                () -> out.println("(no console: this build has none; build it with mvn -B package)"));
        out.println("PORTAL_TOKEN=" + portal);
        out.println("CASEWORKER_TOKEN=" + caseworker);
        out.println("SQS_ENDPOINT=" + run.aws.sqsEndpoint());
        out.println("DYNAMODB_ENDPOINT=" + run.aws.dynamoDbEndpoint());
        out.println("MAGDA_ENDPOINT=" + run.magdaEndpoint);
        out.println("QUEUES=" + String.join(",", run.aws.resources().queueUrls().values().stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).sorted().toList()));
        out.println("TABLES=" + String.join(",", run.aws.resources().tableNames().values().stream().sorted().toList()));
        if (run.magda != null) {
            out.println("SAMPLE_INSZ_LEEFLOON=" + Personas.leefloon().insz().digits());
            out.println("SAMPLE_INSZ_INCREASED_ALLOWANCE=" + Personas.increasedAllowance().insz().digits());
            out.println("SAMPLE_INSZ_NO_STATUS=" + Personas.noStatus().insz().digits());
            out.println("SAMPLE_INSZ_REVIEW=" + Personas.replying(Reply.PERSON_STATUS).insz().digits());
            out.println("SAMPLE_INSZ_UNKNOWN=" + Personas.replying(Reply.OTHER_INSZ).insz().digits());
        }
        out.println("Try: curl -s -X POST " + gateway.endpoint() + "/v1/checks -H \"Authorization: Bearer $PORTAL_TOKEN\" "
                + "-H 'Content-Type: application/json' -d '{\"insz\":\"" + Personas.leefloon().insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\"}'");
        out.flush();
        if (started != null) {
            started.started(gateway.endpoint(), portal, caseworker, () -> {
                Runtime.getRuntime().removeShutdownHook(hook);
                shutdown.run();
            });
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Lets a test drive an in-process serve. */
    interface ServeHandle {
        void started(java.net.URI endpoint, String portalToken, String caseworkerToken, Runnable stop);
    }

    /**
     * A resident's pseudonyms (one per scheme and key of its ring), from her number read on standard input (never an
     * argument: those end up in shell histories and process lists) and the key rings of {@code PROACTIEF_SUBJECT_KEYS}:
     * what her audit lines carry as {@code subject}. Prints {@code SUBJECT <scheme> <keyId> <pseudonym>} lines, then the
     * Logs Insights filter that finds them.
     */
    static int pseudonyms(List<String> args, java.io.BufferedReader in, Map<String, String> env, PrintStream out) {
        Options o = Options.parse("pseudonyms", args, Set.of(), 0);
        if (o.help()) {
            out.println("Usage: PROACTIEF_SUBJECT_KEYS='<the subject-key secret>' ./proactief pseudonyms   (the national number on standard input)");
            return 0;
        }
        String rings = env.get("PROACTIEF_SUBJECT_KEYS");
        if (rings == null || rings.isBlank()) {
            throw new Options.UsageException("pseudonyms: PROACTIEF_SUBJECT_KEYS is not set (the subject-key secret: aws secretsmanager get-secret-value …)");
        }
        be.proactief.core.subject.SubjectKeys keys;
        try {
            keys = be.proactief.aws.wiring.SubjectKeySecrets.parse(rings, io.micronaut.json.JsonMapper.createDefault());
        } catch (IllegalStateException e) {
            throw new Options.UsageException("pseudonyms: " + e.getMessage());
        }
        java.io.Console console = System.console();
        String line;
        try {
            line = console != null ? new String(console.readPassword("national number (not shown): ")) : in.readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read standard input: " + e.getMessage(), e);
        }
        if (line == null || line.isBlank()) throw new Options.UsageException("pseudonyms: give the national number on standard input");
        be.proactief.core.insz.Insz insz;
        try {
            insz = be.proactief.core.insz.Insz.parse(line.strip());
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException("pseudonyms: " + be.proactief.core.insz.Insz.redact(e.getMessage()));
        }
        List<String> all = new java.util.ArrayList<>();
        for (String scheme : be.proactief.core.scheme.SchemeCatalog.load(env::get).ids()) {
            be.proactief.core.subject.SubjectKey key;
            try {
                key = keys.person(scheme, insz);
            } catch (IllegalStateException noKey) {
                continue; // the secret has no ring for this scheme
            }
            out.println("SUBJECT " + scheme + " " + key.keyId() + " " + key.value());
            all.add(key.value());
            for (be.proactief.core.subject.SubjectKey older : key.older()) {
                out.println("SUBJECT " + scheme + " " + older.keyId() + " " + older.value());
                all.add(older.value());
            }
        }
        out.println("Logs Insights: fields @timestamp, audit, caller, application, purpose, scheme, outcome | filter subject in [\""
                + String.join("\", \"", all) + "\"] | sort @timestamp desc");
        return 0;
    }

    static int invoke(List<String> args, PrintStream out) {
        Options o = Options.parse("invoke", args, Set.of("event", "magda-keystore"), 1);
        if (o.help()) {
            out.println("Usage: ./proactief invoke FUNCTION --event FILE.json [--magda-keystore FILE.p12]   (FUNCTION: a logical id of template.yaml, e.g. CheckApiFunction, or check-api)");
            return 0;
        }
        if (o.positional().isEmpty()) throw new Options.UsageException("invoke: name the FUNCTION (e.g. check-api)");
        if (!o.has("event")) throw new Options.UsageException("invoke: --event FILE.json is required");
        Path file = Path.of(o.get("event", null));
        if (!Files.isRegularFile(file)) throw new Options.UsageException("invoke: no event file " + file);
        String event;
        try {
            event = Files.readString(file);
        } catch (java.io.IOException e) {
            throw new Options.UsageException("invoke: cannot read " + file + ": " + e.getMessage());
        }
        try (LocalRun run = LocalRun.runningOrEmbedded("invoke", o.get("magda-keystore", null))) {
            FunctionSpec spec = run.functions.find(o.positional().get(0)).orElseThrow(() -> new Options.UsageException(
                    "invoke: unknown function '" + o.positional().get(0) + "'; template.yaml has "
                            + run.functions.specs().stream().map(FunctionSpec::logicalId).toList()));
            if (run.magda != null) SyntheticCity.generate(SERVE_CITY_HOUSEHOLDS, SERVE_CITY_SEED).registerWith(run.magda).registerAll(Personas.everyone());
            // the sample events' placeholders (${INSZ}, ${PERIOD}, …): the local run's sample residents, today, fresh ids
            String queueArn = spec.sqsSources().isEmpty() ? null : run.aws.resources().queueArns().get(spec.sqsSources().get(0).queueLogicalId());
            out.println(run.functions.invokeJson(spec, SampleEvents.fill(event, spec.logicalId(), queueArn)));
        }
        return 0;
    }

    static int redrive(List<String> args, PrintStream out) {
        Options o = Options.parse("redrive", args, java.util.Set.of(), 1);
        if (o.help() || o.positional().isEmpty()) {
            if (!o.help()) throw new Options.UsageException("redrive: name the DLQ, e.g. ./proactief redrive invoices-dlq");
            out.println("Usage: ./proactief redrive DLQ   (e.g. invoices-dlq, voucher-work-dlq): moves its messages back to its queue on the running serve");
            return 0;
        }
        LocalRun.ServeState serve = LocalRun.ServeState.read().orElseThrow(() -> new IllegalStateException(
                "no running ./proactief serve to redrive on (on AWS: aws sqs start-message-move-task --source-arn <DLQ ARN> --destination-arn <queue ARN>)"));
        try (AwsBackend aws = AwsBackend.remote(serve.dynamoDb(), serve.sqs(), serve.embedded())) {
            out.println("REDRIVEN=" + Redrive.run(o.positional().get(0), aws));
        }
        return 0;
    }

    /** Five retries at the default delays (1 + 2 + 4 + 8 + 16 min). */
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(31);

    static int trigger(List<String> args, PrintStream out) {
        Options o = Options.parse("trigger", args, Set.of("period", "roster", "magda-keystore"), 1);
        if (o.help()) {
            out.println("Usage: ./proactief trigger voucher-run --period YYYY [--roster FILE.jsonl] [--magda-keystore FILE.p12]");
            return 0;
        }
        if (o.positional().isEmpty() || !o.positional().get(0).equals("voucher-run")) {
            throw new Options.UsageException("trigger: the only schedule is voucher-run");
        }
        String period = o.get("period", Integer.toString(LocalDate.now(ZoneId.of("Europe/Brussels")).getYear()));
        if (!period.matches("\\d{4}")) throw new Options.UsageException("trigger: --period must be a year YYYY, got '" + period + "'");
        Path roster;
        SyntheticCity city = SyntheticCity.generate(SERVE_CITY_HOUSEHOLDS, SERVE_CITY_SEED);
        try {
            if (o.has("roster")) {
                roster = Path.of(o.get("roster", null));
                if (!Files.isRegularFile(roster)) throw new Options.UsageException("trigger: no roster file " + roster);
            } else {
                roster = city.writeJsonLines(Files.createTempFile("proactief-roster-", ".jsonl"));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the synthetic roster: " + e.getMessage(), e);
        }
        System.setProperty("proactief.roster.file", roster.toAbsolutePath().toString());
        try (LocalRun run = LocalRun.runningOrEmbedded("trigger", o.get("magda-keystore", null))) {
            FunctionSpec spec = run.functions.find("VoucherRunFunction")
                    .orElseThrow(() -> new IllegalStateException("template.yaml has no VoucherRunFunction"));
            if (run.magda != null) city.registerWith(run.magda).registerAll(Personas.everyone());
            String input = "{\"scheme\":\"waste-bags\",\"period\":\"" + period + "\",\"runId\":\"manual-" + System.currentTimeMillis() + "\"}";
            try {
                out.println(run.functions.invokeJson(spec, input));
            } catch (IllegalArgumentException refused) { // e.g. a period whose status date lies after today
                throw new Options.UsageException("trigger: " + refused.getMessage());
            }
            // a run short of time goes on in invocations of its own (from a page token): the roster is done when they are
            if (!run.awaitAsynchronousInvocations(DRAIN_TIMEOUT)) {
                throw new IllegalStateException("the voucher run's continuations still run after " + DRAIN_TIMEOUT.toMinutes() + " minutes");
            }
            if (run.backend != LocalRun.Backend.SERVE) {
                // no serve to process the fan-out: do it here, as the event source mapping would
                run.startEventSourceMappings();
                // a failed household comes back after its retry delay (1, 2, 4, 8, 16 min by default:
                // PROACTIEF_RETRY_BASE, PROACTIEF_RETRY_CAP): wait that long rather than drop the embedded stack with work on it
                if (!run.awaitDrained(DRAIN_TIMEOUT)) {
                    long left = run.mappings().stream().mapToLong(m -> run.depth(m.queueUrl())).sum();
                    throw new IllegalStateException(left + " messages still on the voucher-work queue after " + DRAIN_TIMEOUT.toMinutes() + " minutes");
                }
                out.println("processed: " + run.mappings().stream().mapToLong(SqsEventSourceMapping::invocations).sum() + " batches");
            } else {
                out.println("the running serve processes the voucher-work queue");
            }
        }
        return 0;
    }


}
