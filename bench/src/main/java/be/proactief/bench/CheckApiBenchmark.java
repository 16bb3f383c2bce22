package be.proactief.bench;

import be.proactief.function.checkapi.CheckApiHandler;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Persona;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * check-api benchmark: cold start in fresh JVMs (default JVM, AppCDS, and a JDK 25 AOT cache when
 * one is installed) and warm p50/p99 of {@code POST /v1/checks} through the real handler, each
 * against a plain RequestHandler doing the same DynamoDB reads, in one run on the testkit
 * backends; the warm rows also without emulator I/O ({@link EmulatorIoTimer}), and a route
 * without I/O timed back to back, after the reads and after a sleep. Prints a Markdown table
 * (also written to bench/target/check-api-results.md). Not part of the test suite: see bench/run.
 */
public final class CheckApiBenchmark {

    static final int WARM_CALLS = 10_000;
    static final int COLD_RUNS = 5;
    /**
     * Warm-up calls of each path before the timed ones. HotSpot sends a method to C2 after 5,000 to
     * 15,000 calls (Tier4InvocationThreshold, Tier4CompileThreshold), later while its queue is long,
     * so a method that runs once per request waits that many requests; until then the framework's
     * long per-request path runs largely in profiling C1 code and the overhead is still settling.
     * Overridable with -Dbench.warmup.calls.
     */
    static final int WARM_UP_CALLS = Integer.getInteger("bench.warmup.calls", 20_000);
    static final int WARM_UP_BLOCK = 4_000;
    static final String DEV_SUBJECT_KEY = "bench-development-subject-key-0123456789abcdef";

    public static void main(String[] args) throws Exception {
        int warmCalls = args.length > 0 ? Integer.parseInt(args[0]) : WARM_CALLS;
        int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : COLD_RUNS;
        StringBuilder md = new StringBuilder();
        try (CheckApiBackends backends = CheckApiBackends.start()) {
            Persona resident = backends.resident();
            Map<String, Object> props = backends.settings(DEV_SUBJECT_KEY);

            md.append("| measure | check-api handler | plain RequestHandler baseline | ratio |\n|---|---|---|---|\n");
            warm(props, resident, warmCalls, md);
            if (coldRuns > 0) cold(props, resident, coldRuns, md);
        }
        System.out.println(md);
        Path out = Path.of("bench/target/check-api-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    private static void warm(Map<String, Object> props, Persona resident, int calls, StringBuilder md) {
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            CheckApiHandler handler = new CheckApiHandler(ctx);
            BaselineHandler baseline = new BaselineHandler(String.valueOf(props.get("proactief.dynamodb.endpoint")),
                    String.valueOf(props.get("proactief.dev.subject.key")));
            APIGatewayV2HTTPEvent event = Events.check(resident.insz().digits());
            // the first check asks the platform and stores the decision; every timed call reads it back
            handler.handleRequest(event, new LocalLambdaContext("first", "check-api"));
            // JIT warm-up of both paths, until the overhead has settled: timed too, to show how it settles
            Interleaved warmUp = interleave(handler, baseline, event, WARM_UP_CALLS);
            StringBuilder settling = new StringBuilder();
            for (int from = 0; from < WARM_UP_CALLS; from += WARM_UP_BLOCK) {
                if (from > 0) settling.append(" → ");
                settling.append(ms(pct(Arrays.copyOfRange(warmUp.overhead(), from, Math.min(WARM_UP_CALLS, from + WARM_UP_BLOCK)), 50)));
            }
            Interleaved timed = interleave(handler, baseline, event, calls);
            long[] h = timed.handler();
            long[] b = timed.baseline();
            row(md, "warm-up (" + WARM_UP_CALLS + " calls): handler overhead without emulator I/O, p50 per block of " + WARM_UP_BLOCK,
                    settling.toString(), "", "");
            long[] hFirst = Arrays.copyOfRange(h, 0, calls / 10);
            long[] hLast = Arrays.copyOfRange(h, calls - calls / 10, calls);
            row(md, "warm p50 (" + calls + " calls after the warm-up)", ms(pct(h, 50)), ms(pct(b, 50)), ratio(pct(h, 50), pct(b, 50)));
            row(md, "warm p99", ms(pct(h, 99)), ms(pct(b, 99)), ratio(pct(h, 99), pct(b, 99)));
            row(md, "warm handler overhead p50 (handler p50 − baseline p50)", ms(pct(h, 50) - pct(b, 50)), "", "");
            row(md, "SDK calls (HTTP attempts) per check", fmt((double) timed.sdkCalls() / calls), fmt((double) timed.sdkCalls() / calls), "");
            row(md, "warm p50 without emulator I/O", ms(pct(timed.handlerOwn(), 50)), ms(pct(timed.baselineOwn(), 50)),
                    ratio(pct(timed.handlerOwn(), 50), pct(timed.baselineOwn(), 50)));
            row(md, "warm handler overhead without emulator I/O, p50 / p99 of the per-call differences", ms(pct(timed.overhead(), 50)) + " / " + ms(pct(timed.overhead(), 99)), "", "");
            row(md, "warm p50, first 10 % vs last 10 % of the " + calls + " calls", ms(pct(hFirst, 50)) + " → " + ms(pct(hLast, 50)), "",
                    ratio(pct(hLast, 50), pct(hFirst, 50)));
            row(md, "Context bean definitions after " + (WARM_UP_CALLS + calls + 1) + " calls", Integer.toString(ctx.getBeanDefinitions(Context.class).size()), "", "");
            // the framework's floor: a route that does no I/O at all (the scheme catalogue from memory),
            // back to back, and right after the baseline's two DynamoDB reads (caches full of SDK code)
            APIGatewayV2HTTPEvent schemes = Events.schemes();
            for (int i = 0; i < 2_000; i++) handler.handleRequest(schemes, new LocalLambdaContext("s" + i, "check-api"));
            long[] s = new long[calls];
            long[] afterIo = new long[calls];
            long[] afterPark = new long[calls];
            for (int i = 0; i < calls; i++) {
                Context c = new LocalLambdaContext("s" + i, "check-api");
                long t0 = System.nanoTime();
                int backToBack = handler.handleRequest(schemes, c).getStatusCode();
                s[i] = System.nanoTime() - t0;
                baseline.handleRequest(event, c);
                long t1 = System.nanoTime();
                int afterReads = handler.handleRequest(schemes, c).getStatusCode();
                afterIo[i] = System.nanoTime() - t1;
                // the thread sleeps about as long as the two reads' I/O takes (≈3.5 ms), without running any SDK code
                LockSupport.parkNanos(3_000_000);
                long t2 = System.nanoTime();
                int afterSleep = handler.handleRequest(schemes, c).getStatusCode();
                afterPark[i] = System.nanoTime() - t2;
                if (backToBack != 200 || afterReads != 200 || afterSleep != 200) {
                    throw new IllegalStateException("schemes answered " + backToBack + ", " + afterReads + ", " + afterSleep);
                }
            }
            row(md, "warm p50 of GET /v1/schemes (no I/O): back to back → right after the baseline's DynamoDB reads", ms(pct(s, 50)) + " → " + ms(pct(afterIo, 50)), "",
                    ratio(pct(afterIo, 50), pct(s, 50)));
            row(md, "warm p50 of GET /v1/schemes: back to back → right after the thread slept 3 ms (no SDK code)", ms(pct(s, 50)) + " → " + ms(pct(afterPark, 50)), "",
                    ratio(pct(afterPark, 50), pct(s, 50)));
        }
    }

    /**
     * Handler and baseline times of {@code calls} checks, interleaved (handler, baseline, handler, …)
     * so both see the same machine noise; each also without the emulator I/O of its SDK calls, which
     * were as many on both sides ({@code sdkCalls} each).
     */
    private record Interleaved(long[] handler, long[] baseline, long[] handlerOwn, long[] baselineOwn, long[] overhead, long sdkCalls) {
    }

    private static Interleaved interleave(CheckApiHandler handler, BaselineHandler baseline, APIGatewayV2HTTPEvent event, int calls) {
        long[] h = new long[calls];
        long[] b = new long[calls];
        long[] hOwn = new long[calls];
        long[] bOwn = new long[calls];
        long[] overhead = new long[calls]; // per pair: handler's own time − baseline's own time
        long hSdkCalls = 0;
        long bSdkCalls = 0;
        EmulatorIoTimer.takeNanos();
        EmulatorIoTimer.takeCalls();
        for (int i = 0; i < calls; i++) {
            Context c = new LocalLambdaContext("r" + i, "check-api");
            long t0 = System.nanoTime();
            int status = handler.handleRequest(event, c).getStatusCode();
            long t1 = System.nanoTime();
            long hIo = EmulatorIoTimer.takeNanos();
            hSdkCalls += EmulatorIoTimer.takeCalls();
            long t2 = System.nanoTime();
            baseline.handleRequest(event, c);
            long t3 = System.nanoTime();
            long bIo = EmulatorIoTimer.takeNanos();
            bSdkCalls += EmulatorIoTimer.takeCalls();
            if (status != 200) throw new IllegalStateException("check answered " + status);
            h[i] = t1 - t0;
            b[i] = t3 - t2;
            hOwn[i] = h[i] - hIo;
            bOwn[i] = b[i] - bIo;
            overhead[i] = hOwn[i] - bOwn[i];
        }
        if (hSdkCalls == 0) throw new IllegalStateException("EmulatorIoTimer saw no SDK call: run with bench/target/classes on the class path (bench/run)");
        if (hSdkCalls != bSdkCalls) throw new IllegalStateException("handler made " + hSdkCalls + " SDK calls, baseline " + bSdkCalls);
        return new Interleaved(h, b, hOwn, bOwn, overhead, hSdkCalls);
    }

    /** One way to launch a fresh JVM: which java, and the flags the handler and the baseline get. */
    private record Variant(String name, Path java, List<String> handlerFlags, List<String> baselineFlags) {
    }

    private static void cold(Map<String, Object> props, Persona resident, int runs, StringBuilder md) throws Exception {
        List<String> sysProps = coldStartSystemProperties(props, resident);
        Path java17 = thisJava();
        // one training run per kind writes the AppCDS archive (dynamic archive at exit)
        Path jsa = trainArchive(java17, sysProps, "-XX:ArchiveClassesAtExit=", "check-api.jsa", "handler");
        Path baselineJsa = trainArchive(java17, sysProps, "-XX:ArchiveClassesAtExit=", "baseline.jsa", "baseline");
        String noPreload = "-Dproactief.preload.classes=false";
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("cold start, default JVM", java17, List.of(), List.of()),
                new Variant("cold start, default JVM, class preloading off", java17, List.of(noPreload), List.of()),
                new Variant("cold start, AppCDS", java17, List.of("-XX:SharedArchiveFile=" + jsa, noPreload),
                        List.of("-XX:SharedArchiveFile=" + baselineJsa)),
                new Variant("cold start, AppCDS + -XX:TieredStopAtLevel=1", java17,
                        List.of("-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1", noPreload),
                        List.of("-XX:SharedArchiveFile=" + baselineJsa, "-XX:TieredStopAtLevel=1"))));
        Path java25 = newerJava();
        if (java25 != null) {
            // JDK 24+ AOT cache (JEP 483/515): classes loaded and linked, and method profiles
            Path aot = trainArchive(java25, sysProps, "-XX:AOTCacheOutput=", "check-api.aot", "handler");
            Path baselineAot = trainArchive(java25, sysProps, "-XX:AOTCacheOutput=", "baseline.aot", "baseline");
            String jdk = "JDK " + javaFeatureVersion(java25);
            variants.add(new Variant("cold start, " + jdk + " default JVM", java25, List.of(), List.of()));
            variants.add(new Variant("cold start, " + jdk + " AOT cache", java25, List.of("-XX:AOTCache=" + aot, noPreload),
                    List.of("-XX:AOTCache=" + baselineAot)));
            variants.add(new Variant("cold start, " + jdk + " AOT cache + -XX:TieredStopAtLevel=1", java25,
                    List.of("-XX:AOTCache=" + aot, "-XX:TieredStopAtLevel=1", noPreload),
                    List.of("-XX:AOTCache=" + baselineAot, "-XX:TieredStopAtLevel=1")));
        }
        long[][] h = new long[variants.size()][runs];
        long[][] b = new long[variants.size()][runs];
        for (int i = 0; i < runs; i++) { // interleaved, so every variant sees the same machine noise
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                h[v][i] = launch(variant.java(), sysProps, variant.handlerFlags(), "handler", false);
                b[v][i] = launch(variant.java(), sysProps, variant.baselineFlags(), "baseline", false);
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            row(md, variants.get(v).name() + " (median of " + runs + ")", ms(pct(h[v], 50)), ms(pct(b[v], 50)), ratio(pct(h[v], 50), pct(b[v], 50)));
        }
        long[] unprimed = new long[runs];
        long[] primed = new long[runs];
        for (int i = 0; i < runs; i++) {
            unprimed[i] = firstCheck(java17, sysProps, false);
            primed[i] = firstCheck(java17, sysProps, true);
        }
        row(md, "first check after init, not primed → after SnapStart priming (median of " + runs + ", in process)",
                ms(pct(unprimed, 50)) + " → " + ms(pct(primed, 50)), "", ratio(pct(primed, 50), pct(unprimed, 50)));
    }

    /** A training run of {@code kind} that writes a fresh class archive {@code bench/target/<file>} through {@code outputFlag}. */
    private static Path trainArchive(Path java, List<String> sysProps, String outputFlag, String file, String kind)
            throws IOException, InterruptedException {
        Path archive = Path.of("bench/target", file).toAbsolutePath();
        Files.deleteIfExists(archive);
        launch(java, sysProps, List.of(outputFlag + archive), kind, true);
        return archive;
    }

    /** In a fresh JVM: the handler initialised (and primed, or not), then only its first check timed. */
    private static long firstCheck(Path java, List<String> sysProps, boolean primed) throws IOException, InterruptedException {
        List<String> cmd = coldStartCommand(java, List.of(), sysProps, primed ? "first-check-primed" : "first-check");
        Process p = new ProcessBuilder(cmd).redirectError(Path.of("bench/target/first-check.err").toAbsolutePath().toFile()).start();
        long nanos = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FIRST ")) {
                    String[] parts = line.split(" ");
                    if (!parts[1].equals("200")) throw new IllegalStateException("first check answered " + parts[1]);
                    nanos = Long.parseLong(parts[2]);
                }
            }
        }
        p.waitFor();
        if (nanos < 0) throw new IllegalStateException("no first check (exit " + p.exitValue() + "); see bench/target/first-check.err");
        return nanos;
    }

    /** A JDK 24 or newer for the AOT-cache rows: {@code -Dbench.java25=/path/to/jdk}, else a Temurin 25 where Debian puts it. */
    private static Path newerJava() {
        String configured = System.getProperty("bench.java25");
        List<Path> candidates = new ArrayList<>();
        if (configured != null) candidates.add(Path.of(configured));
        candidates.add(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
        for (Path home : candidates) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java)) return java;
        }
        return null;
    }

    private static String javaFeatureVersion(Path java) {
        Path release = java.getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) return line.substring("JAVA_VERSION=".length()).replace("\"", "");
            }
        } catch (IOException e) {
            // fall through
        }
        return "24+";
    }

    /** Nanoseconds from process start to its {@code ANSWERED} line. */
    static long launch(Path java, List<String> sysProps, List<String> jvmFlags, String kind, boolean training) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(jvmFlags);
        if (training) flags.add("-Dbench.training=true");
        List<String> cmd = coldStartCommand(java, flags, sysProps, kind);
        long t0 = System.nanoTime();
        Path errors = Path.of("bench/target/cold-start-" + kind + ".err").toAbsolutePath();
        Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
        long answered = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ANSWERED")) {
                    answered = System.nanoTime() - t0;
                    if (!line.equals("ANSWERED 200")) throw new IllegalStateException(kind + " cold start answered: " + line);
                }
            }
        }
        p.waitFor();
        if (answered < 0) throw new IllegalStateException(kind + " cold start gave no answer (exit " + p.exitValue() + "); see " + errors);
        return answered;
    }

    /** The function's settings as system properties of a fresh JVM, and the resident whose check {@link ColdStart} sends. */
    static List<String> coldStartSystemProperties(Map<String, Object> settings, Persona resident) {
        List<String> sysProps = new ArrayList<>();
        settings.forEach((k, v) -> sysProps.add("-D" + k + "=" + v));
        sysProps.add("-Dbench.insz=" + resident.insz().digits());
        return sysProps;
    }

    /** The java of the JVM running the benchmark. */
    static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A fresh JVM running {@link ColdStart} in {@code mode} on {@link #coldStartClasspath()}. */
    static List<String> coldStartCommand(Path java, List<String> jvmFlags, List<String> sysProps, String mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(sysProps);
        cmd.add("-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
        cmd.add("-cp");
        cmd.add(coldStartClasspath());
        cmd.add(ColdStart.class.getName());
        cmd.add(mode);
        return cmd;
    }

    /**
     * What Lambda loads: check-api's deployed jar (the Lambda jar of template.yaml's CodeUri), plus
     * the few bench classes that start it. Not the bench's own classpath, which holds every function.
     */
    static String coldStartClasspath() {
        Path root = ProjectPaths.root();
        Path lambdaJar = root.resolve(String.valueOf(be.proactief.testkit.aws.SamTemplate.load(be.proactief.testkit.ProjectPaths.template(), Map.of())
                .resources().get("CheckApiFunction").properties().get("CodeUri")));
        if (!Files.isRegularFile(lambdaJar)) throw new IllegalStateException("build the Lambda jar first: mvn -B package (missing " + lambdaJar + ")");
        // jars only: AppCDS cannot archive classes from directories
        return String.join(java.io.File.pathSeparator, root.resolve("bench/target/proactief-bench-0.1.0-SNAPSHOT.jar").toString(),
                root.resolve("infra/testkit/target/proactief-testkit-0.1.0-SNAPSHOT.jar").toString(), lambdaJar.toString());
    }

    static long pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(long a, long b) {
        return b == 0 ? "" : String.format(Locale.ROOT, "%.2f×", (double) a / b);
    }

    private static void row(StringBuilder md, String measure, String handler, String baseline, String ratio) {
        md.append("| ").append(measure).append(" | ").append(handler).append(" | ").append(baseline).append(" | ").append(ratio).append(" |\n");
    }
}
