package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REVIEW path as a city tries it on {@code ./proactief serve}: a child whose platform reply is a person-level
 * Status is REVIEW at the desk, its case is on the worklist and nothing is stored as a decision; its invoice gets
 * its statement at once with {@code reviewPending}; a caseworker's override resolves the case and a
 * {@code review-resolutions} message names the invoice; the same invoice as revision 2 gets the discount, once.
 * Over real HTTP (the emulated API Gateway, development tokens) and the serve's own queues.
 */
class ReviewOverServeTest {

    record Started(URI endpoint, String portal, String caseworker, Runnable stop) {
    }

    static final CompletableFuture<Started> started = new CompletableFuture<>();
    static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    static final HttpClient http = HttpClient.newHttpClient();
    static final String MONTH = YearMonth.now(ZoneId.of("Europe/Brussels")).toString();
    static Thread serve;
    static AwsBackend queues;

    @BeforeAll
    static void start() throws Exception {
        serve = new Thread(() -> Main.serve(List.of("--port", "0"), new PrintStream(printed, true, StandardCharsets.UTF_8),
                (endpoint, portal, caseworker, stop) -> started.complete(new Started(endpoint, portal, caseworker, stop))), "serve-under-test");
        serve.setDaemon(true);
        serve.start();
        started.get(120, TimeUnit.SECONDS);
        queues = AwsBackend.remote(URI.create(printedValue("DYNAMODB_ENDPOINT")), URI.create(printedValue("SQS_ENDPOINT")));
    }

    @AfterAll
    static void stop() throws Exception {
        started.get().stop().run();
        serve.join(10_000);
    }

    static String printedValue(String name) {
        return printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(name + "=")).findFirst()
                .map(l -> l.substring(name.length() + 1)).orElseThrow(() -> new AssertionError("serve printed no " + name + "= line"));
    }

    static HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(started.get().endpoint().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String queueUrl(String name) {
        return queues.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** Messages of {@code queue} matching {@code wanted}, received (and deleted) until {@code count} came or 60 s passed. */
    static List<String> await(String queue, Predicate<String> wanted, int count) {
        return await(queue, wanted, count, Duration.ofSeconds(60));
    }

    static List<String> await(String queue, Predicate<String> wanted, int count, Duration timeout) {
        String url = queueUrl(queue);
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            for (Message m : queues.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                if (wanted.test(m.body())) {
                    found.add(m.body());
                    queues.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
        return found;
    }

    static String invoice(String insz, String revision) {
        return "{\"invoiceId\":\"INV-SERVE-1\",\"issuer\":\"basisschool-de-knipoog\",\"period\":\"" + MONTH + "\",\"child\":{\"insz\":\"" + insz
                + "\"},\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"category\":\"MAALTIJD\",\"description\":\"warme maaltijden\","
                + "\"quantity\":10,\"unitPriceCents\":325,\"amountCents\":3250}]" + (revision == null ? "" : ",\"revision\":" + revision) + "}";
    }

    @Test
    void a_child_the_platform_cannot_answer_for_is_reviewed_billed_at_once_and_discounted_once_in_revision_two() throws Exception {
        String insz = printedValue("SAMPLE_INSZ_REVIEW");

        HttpResponse<String> desk = post("/v1/checks", started.get().portal(), "{\"insz\":\"" + insz + "\",\"scheme\":\"school-discount\"}");
        assertThat(desk.statusCode()).as(desk.body()).isEqualTo(200);
        assertThat(desk.body()).contains("\"outcome\":\"REVIEW\"", "\"reviewReason\":\"PLATFORM_NO_ANSWER\"", "\"platformCodes\":[\"SSH00048\"]");
        String caseId = field(desk.body(), "reviewCaseId");

        HttpResponse<String> worklist = post("/v1/reviews/search", started.get().caseworker(), "{\"state\":\"OPEN\",\"scheme\":\"school-discount\"}");
        assertThat(worklist.body()).contains("\"caseId\":\"" + caseId + "\"").doesNotContain(insz);
        assertThat(post("/v1/decisions/search", started.get().caseworker(), "{\"insz\":\"" + insz + "\",\"scheme\":\"school-discount\"}").body())
                .as("nothing stored as a decision").isEqualTo("[]");

        queues.sqs().sendMessage(b -> b.queueUrl(queueUrl("invoices")).messageBody(invoice(insz, null)));
        List<String> pending = await("discounted-invoices", body -> body.contains("INV-SERVE-1"), 1);
        assertThat(pending).singleElement().asString().contains("\"reviewPending\":true", "\"reviewCaseId\":\"" + caseId + "\"",
                "\"revision\":1", "\"discountCents\":0").doesNotContain(insz);

        YearMonth month = YearMonth.parse(MONTH);
        HttpResponse<String> override = post("/v1/overrides", started.get().caseworker(), "{\"insz\":\"" + insz + "\",\"scheme\":\"school-discount\","
                + "\"outcome\":\"ENTITLED\",\"tier\":\"leefloon\",\"reasonCode\":\"CO_PARENTING\",\"note\":\"verblijft bij moeder\",\"validFrom\":\""
                + month.atDay(1) + "\",\"validUntil\":\"" + month.atEndOfMonth() + "\"}");
        assertThat(override.statusCode()).as(override.body()).isEqualTo(201);

        List<String> resolutions = await("review-resolutions", body -> body.contains(caseId), 1);
        assertThat(resolutions).singleElement().asString().contains("\"ref\":\"basisschool-de-knipoog/INV-SERVE-1\"", "\"type\":\"INVOICE\"",
                "\"type\":\"DESK_CHECK\"", "\"outcome\":\"ENTITLED\"", "\"tier\":\"leefloon\"").doesNotContain(insz);
        assertThat(post("/v1/reviews/search", started.get().caseworker(), "{\"insz\":\"" + insz + "\"}").body())
                .contains("\"state\":\"RESOLVED\"", "\"resolvedBy\":\"");

        queues.sqs().sendMessage(b -> b.queueUrl(queueUrl("invoices")).messageBody(invoice(insz, "2")));
        List<String> revised = await("discounted-invoices", body -> body.contains("INV-SERVE-1"), 1);
        assertThat(revised).singleElement().asString()
                .contains("\"revision\":2", "\"reviewPending\":false", "\"discountCents\":3250", "\"basis\":\"OVERRIDE\"");
        assertThat(await("discounted-invoices", body -> body.contains("INV-SERVE-1"), 1, Duration.ofSeconds(5)))
                .as("one statement for revision 2, no more").isEmpty();
    }
}
