package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform outage at month end, on {@code ./proactief serve}, scaled down: retries start at 1 s and wait at most 2 s
 * ({@code PROACTIEF_RETRY_BASE}, {@code PROACTIEF_RETRY_CAP}; 60 s and 1 h on AWS). The platform answers 503 for at least
 * 15 s and until an invoice has come back seven times, longer than five receives at a 1 s visibility timeout would have
 * outlasted (the old policy, scaled), and nothing reaches the DLQ; once the platform is up each invoice gets its
 * statement, once.
 */
class OutageOverServeTest {

    static final String MONTH = YearMonth.now(ZoneId.of("Europe/Brussels")).toString();
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    @Test
    void invoices_outlast_a_platform_outage_without_reaching_the_dlq() throws Exception {
        try (ServeProcess serve = new ServeProcess(stateDir, Map.of("PROACTIEF_RETRY_BASE", "1s", "PROACTIEF_RETRY_CAP", "2s",
                "MAGDA_CIRCUIT_OPEN_DURATION", "1s"))) {
            AwsBackend queues = serve.backends();
            URI faults = URI.create(serve.printed.get("MAGDA_ENDPOINT")).resolve("/__admin/faults");
            admin(HttpRequest.newBuilder(faults).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("fault=HTTP_ERROR&status=503&times=always")));
            String invoices = url(queues, "invoices");
            List<String> children = List.of(serve.printed.get("SAMPLE_INSZ_LEEFLOON"), serve.printed.get("SAMPLE_INSZ_INCREASED_ALLOWANCE"),
                    serve.printed.get("SAMPLE_INSZ_NO_STATUS"));
            for (int i = 0; i < children.size(); i++) {
                String body = invoice("INV-OUTAGE-" + i, children.get(i));
                queues.sqs().sendMessage(b -> b.queueUrl(invoices).messageBody(body));
            }

            // down until the invoices have come back more often than the old maxReceiveCount of 5 allowed, and 15 s at least
            long since = System.nanoTime();
            while ((maxReceiveCount(serve) < 7 || System.nanoTime() - since < 15_000_000_000L) && System.nanoTime() - since < 90_000_000_000L) {
                Thread.sleep(250);
            }
            assertThat(maxReceiveCount(serve)).as("retried more often than the old maxReceiveCount of 5, every 1–2 s").isGreaterThanOrEqualTo(7);
            assertThat(visible(queues, "invoices-dlq")).as("nothing in the DLQ during the outage").isZero();
            assertThat(received(queues, "discounted-invoices", 0, Duration.ofSeconds(1))).as("nothing discounted without an answer").isEmpty();

            admin(HttpRequest.newBuilder(faults).DELETE());
            List<String> statements = received(queues, "discounted-invoices", children.size(), Duration.ofSeconds(60));
            assertThat(statements).hasSize(children.size());
            assertThat(statements).anySatisfy(s -> assertThat(s).contains("INV-OUTAGE-0").contains("\"outcome\":\"ENTITLED\""));
            assertThat(statements).anySatisfy(s -> assertThat(s).contains("INV-OUTAGE-2").contains("\"outcome\":\"NOT_ENTITLED\""));
            assertThat(visible(queues, "invoices-dlq")).isZero();
            assertThat(received(queues, "discounted-invoices", 0, Duration.ofSeconds(3))).as("each statement once").isEmpty();
        }
    }

    private static int maxReceiveCount(ServeProcess serve) {
        Pattern count = Pattern.compile("\\(receive count (\\d+)\\)");
        int most = 0;
        for (String line : serve.output) {
            Matcher m = count.matcher(line);
            if (m.find()) most = Math.max(most, Integer.parseInt(m.group(1)));
        }
        return most;
    }

    private static void admin(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }

    private static String url(AwsBackend queues, String name) {
        return queues.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    private static int visible(AwsBackend queues, String name) {
        Map<QueueAttributeName, String> a = queues.sqs().getQueueAttributes(b -> b.queueUrl(url(queues, name))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Received and deleted until {@code count} came or {@code within} passed (with {@code count} 0: all that come). */
    private static List<String> received(AwsBackend queues, String queue, int count, Duration within) {
        String url = url(queues, queue);
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while ((count == 0 || found.size() < count) && System.nanoTime() < deadline) {
            for (Message m : queues.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                found.add(m.body());
                queues.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return found;
    }

    private static String invoice(String id, String insz) {
        return "{\"invoiceId\":\"" + id + "\",\"issuer\":\"basisschool-de-knipoog\",\"period\":\"" + MONTH + "\",\"child\":{\"insz\":\"" + insz
                + "\"},\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"category\":\"MAALTIJD\",\"description\":\"warme maaltijden\","
                + "\"quantity\":10,\"unitPriceCents\":325,\"amountCents\":3250}]}";
    }
}
