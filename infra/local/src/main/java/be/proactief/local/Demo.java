package be.proactief.local;

import be.proactief.testkit.city.SyntheticCity;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo: a synthetic city through the real handlers on an embedded stack. Month-end invoices
 * go onto the {@code invoices} queue and come back discounted; the yearly waste-bags run fans out
 * through {@code voucher-work} and issues vouchers and credits; a sample of residents is checked
 * at the "desk" over HTTP. The report's numbers come from what the functions put on their output
 * queues, not from the city's truth, so a test can hold one against the other.
 */
final class Demo {

    static final String CHILD_WITH_OVERRIDE_NOTE = "Co-ouderschap: kind woont half-time in een gezin met verhoogde tegemoetkoming.";

    private final int households;
    private final long seed;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.createDefault();

    private final LocalKeystore keystore;

    Demo(int households, long seed, PrintStream out, LocalKeystore keystore) {
        this.households = households;
        this.seed = seed;
        this.out = out;
        this.keystore = keystore;
    }

    DemoReport run() {
        long t0 = System.nanoTime();
        SyntheticCity city = SyntheticCity.generate(households, seed);
        Path roster;
        try {
            roster = city.writeJsonLines(Files.createTempFile("proactief-demo-roster-", ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("proactief.roster.file", roster.toAbsolutePath().toString());
        progress("starting the embedded stack (dynalite, ElasticMQ, MAGDA simulator)");
        try (LocalRun run = LocalRun.start(LocalRun.Backend.EMBEDDED, null, keystore);
             HttpApiGateway gateway = new HttpApiGateway(run.functions, run.tokens, 0)) {
            city.registerWith(run.magda);
            run.functions.startAll(); // a function that cannot start stops the demo here, naming the setting
            run.startEventSourceMappings();
            Random random = new Random(seed);
            String caseworker = run.tokens.issue("caseworker-demo", List.of(DevelopmentTokens.SCOPE_OVERRIDE), Duration.ofHours(1));
            String portal = run.tokens.issue("uitpas-desk-demo", List.of(DevelopmentTokens.SCOPE_CHECK), Duration.ofHours(1));
            YearMonth month = YearMonth.now(ZoneId.of("Europe/Brussels"));

            // a few grey areas: children of households without status who live half-time elsewhere
            List<SyntheticCity.Resident> overridden = new ArrayList<>();
            for (SyntheticCity.Resident child : city.children()) {
                if (overridden.size() >= Math.max(1, households / 400)) break;
                if (child.statuses().isEmpty() && random.nextInt(10) == 0) {
                    post(gateway.endpoint(), "/v1/overrides", caseworker, "{\"insz\":\"" + child.insz().digits() + "\",\"scheme\":\"school-discount\","
                            + "\"outcome\":\"ENTITLED\",\"tier\":\"increased-allowance\",\"reasonCode\":\"CO_PARENTING\",\"note\":\"" + CHILD_WITH_OVERRIDE_NOTE
                            + "\",\"validFrom\":\"" + month.atDay(1) + "\",\"validUntil\":\"" + month.atEndOfMonth().plusMonths(2) + "\"}", 201);
                    overridden.add(child);
                }
            }

            // month-end billing: one to three invoices per child
            progress("sending month-end invoices for " + city.children().size() + " children");
            String invoices = run.aws.resources().queueUrl("InvoicesQueue");
            List<String> bodies = new ArrayList<>();
            Map<String, SyntheticCity.Resident> childOfInvoice = new HashMap<>();
            int n = 0;
            for (SyntheticCity.Resident child : city.children()) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    n++;
                    String invoiceId = String.format("INV-%s-%06d", month, n);
                    childOfInvoice.put(invoiceId, child);
                    bodies.add(invoice(invoiceId, i == 0 ? "school-" + (n % 17) : "opvang-" + (n % 5), month, child, random));
                }
            }
            sendAll(run, invoices, bodies);
            awaitWithProgress(run, "invoices", Duration.ofMinutes(10));

            Map<String, Long> invoicesByTier = new HashMap<>();
            Map<String, Long> discountByTier = new HashMap<>();
            Map<SyntheticCity.Resident, String> tierOfChild = new HashMap<>();
            long invoicesOut = 0;
            for (Map<String, Object> statement : drain(run, run.aws.resources().queueUrl("DiscountedInvoicesQueue"))) {
                invoicesOut++;
                @SuppressWarnings("unchecked") Map<String, Object> decision = (Map<String, Object>) statement.get("decision");
                String tier = decision == null || decision.get("tier") == null ? "none" : String.valueOf(decision.get("tier"));
                invoicesByTier.merge(tier, 1L, Long::sum);
                discountByTier.merge(tier, ((Number) statement.get("discountCents")).longValue(), Long::sum);
                tierOfChild.put(childOfInvoice.get(String.valueOf(statement.get("invoiceId"))), tier);
            }
            // children per tier as the discounted invoices say, and as the city's truth (plus the overrides) says
            Map<String, Long> childrenByTier = new HashMap<>();
            tierOfChild.values().forEach(t -> childrenByTier.merge(t, 1L, Long::sum));
            Map<String, Long> expectedChildrenByTier = new HashMap<>();
            for (SyntheticCity.Resident child : city.children()) {
                expectedChildrenByTier.merge(overridden.contains(child) ? "increased-allowance" : expectedSchoolTier(child), 1L, Long::sum);
            }

            // the yearly waste-bags run, as EventBridge Scheduler fires it
            String year = Integer.toString(LocalDate.now(ZoneId.of("Europe/Brussels")).getYear());
            progress("yearly waste-bags run for " + year + " over " + households + " households");
            FunctionSpec voucherRun = run.functions.specs().stream().filter(s -> !s.schedules().isEmpty()).findFirst().orElseThrow();
            run.functions.invokeJson(voucherRun, "{\"scheme\":\"waste-bags\",\"period\":\"" + year + "\",\"runId\":\"demo-" + seed + "\"}");
            awaitWithProgress(run, "voucher work", Duration.ofMinutes(10));
            long bags = 0, credits = 0, voucherCents = 0;
            for (Map<String, Object> voucher : drain(run, run.aws.resources().queueUrl("VouchersQueue"))) {
                if ("BAG_VOUCHER".equals(voucher.get("kind"))) bags++;
                else credits++;
                voucherCents += ((Number) voucher.get("amountCents")).longValue();
            }

            // the desk: a sample of residents checked for the Kansentarief
            progress("desk checks over HTTP");
            Map<String, Long> checks = new HashMap<>();
            List<SyntheticCity.Resident> residents = city.residents();
            int sample = Math.min(50, residents.size());
            for (int i = 0; i < sample; i++) {
                SyntheticCity.Resident r = residents.get((int) ((long) i * residents.size() / sample));
                Map<String, Object> answer = post(gateway.endpoint(), "/v1/checks", portal,
                        "{\"insz\":\"" + r.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\"}", 200);
                checks.merge(String.valueOf(answer.get("outcome")), 1L, Long::sum);
            }

            long deadLetters = 0;
            for (Map.Entry<String, String> q : run.aws.resources().queueUrls().entrySet()) {
                if (q.getKey().contains("DeadLetter")) deadLetters += run.depth(q.getValue());
            }
            out.print("\r" + " ".repeat(78) + "\r");
            return new DemoReport(households, city.residents().size(), city.children().size(), month.toString(), year, childrenByTier,
                    expectedChildrenByTier,
                    invoicesByTier, discountByTier, bodies.size(), invoicesOut, city.expectedHouseholdsWith("BIM_BVT_IN_FAMILY").size(), bags, credits,
                    voucherCents, checks, checks.getOrDefault("UNKNOWN", 0L), deadLetters, run.magda.callCount(), overridden.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tier the school-discount scheme gives a child, from the synthetic city's truth. */
    static String expectedSchoolTier(SyntheticCity.Resident child) {
        if (child.has("LIVING_WAGES_PCSA_HELP")) return "leefloon";
        if (child.has("BIM_BVT_IN_FAMILY")) return "increased-allowance";
        if (child.has("PCSA_AND_BIM_HELP")) return "social-rate";
        return "none";
    }

    private static String invoice(String id, String issuer, YearMonth month, SyntheticCity.Resident child, Random random) {
        int meals = 8 + random.nextInt(12);
        int care = 4 + random.nextInt(16);
        return "{\"invoiceId\":\"" + id + "\",\"issuer\":\"" + issuer + "\",\"period\":\"" + month + "\",\"child\":{\"insz\":\"" + child.insz().digits()
                + "\"},\"currency\":\"EUR\",\"lines\":["
                + "{\"lineId\":\"1\",\"category\":\"MAALTIJD\",\"description\":\"Warme maaltijd\",\"quantity\":" + meals + ",\"unitPriceCents\":375,\"amountCents\":" + meals * 375 + "},"
                + "{\"lineId\":\"2\",\"category\":\"OPVANG\",\"description\":\"Voor- en naschoolse opvang (per half uur)\",\"quantity\":" + care
                + ",\"unitPriceCents\":95,\"amountCents\":" + care * 95 + "},"
                + "{\"lineId\":\"3\",\"category\":\"OTHER\",\"description\":\"Schoolreis\",\"quantity\":1,\"unitPriceCents\":1250,\"amountCents\":1250}]}";
    }

    private static void sendAll(LocalRun run, String queueUrl, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = i; j < Math.min(i + 10, bodies.size()); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + j).messageBody(bodies.get(j)).build());
            }
            run.aws.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }

    private void awaitWithProgress(LocalRun run, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long pending = run.mappings().stream().mapToLong(m -> run.depth(m.queueUrl())).sum();
            progress(what + ": " + pending + " messages waiting");
            if (run.awaitDrained(Duration.ofSeconds(2))) return;
        }
        throw new IllegalStateException(what + " did not finish within " + timeout.toMinutes() + " minutes");
    }

    private List<Map<String, Object>> drain(LocalRun run, String queueUrl) {
        List<Map<String, Object>> all = new ArrayList<>();
        int empty = 0;
        while (empty < 2) {
            int wait = empty == 0 ? 1 : 0;
            List<Message> got = run.aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(wait)).messages();
            if (got.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            for (Message m : got) {
                try {
                    @SuppressWarnings("unchecked") Map<String, Object> body = json.readValue(m.body(), Map.class);
                    all.add(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                run.aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(URI endpoint, String path, String token, String body, int expectedStatus) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + be.proactief.core.insz.Insz.redact(r.body()));
            }
            return json.readValue(r.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void progress(String line) {
        out.print("\r" + String.format("%-78s", "… " + line));
        out.flush();
    }
}
