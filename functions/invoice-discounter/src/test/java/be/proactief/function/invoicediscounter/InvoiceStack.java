package be.proactief.function.invoicediscounter;

import be.proactief.testkit.FunctionSettings;
import be.proactief.core.insz.Insz;
import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.lambda.SqsEvents;
import be.proactief.testkit.magda.MagdaSimulator;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What invoice-discounter runs against in tests: dynalite and ElasticMQ with the tables and queues of
 * template.yaml, and the MAGDA simulator, all over real HTTP on loopback; plus helpers to move real
 * SQS messages between ElasticMQ and the handler as Lambda would.
 */
final class InvoiceStack implements AutoCloseable {

    static final String INVOICES = "InvoicesQueue";
    static final String INVOICES_DLQ = "InvoicesDeadLetterQueue";
    static final String DISCOUNTED_INVOICES = "DiscountedInvoicesQueue";

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    final AwsBackend aws = AwsBackend.embedded().provision();
    final MagdaSimulator magda = new MagdaSimulator().start();

    /** The function's configuration, as SAM would set it in environment variables. */
    Map<String, Object> properties() {
        Map<String, Object> p = FunctionSettings.forEmulatorsFailingFast(aws, magda.endpoint(), "invoice-discounter-tests-development-subject-key");
        p.put("proactief.discounted.invoices.queue.url", queueUrl(DISCOUNTED_INVOICES));
        p.put("proactief.invoices.dlq.url", queueUrl(INVOICES_DLQ));
        p.put("magda.circuit.open.duration", "100ms");
        return p;
    }

    ApplicationContext context() {
        return ApplicationContext.builder().properties(properties()).start();
    }

    String queueUrl(String logicalId) {
        return aws.resources().queueUrl(logicalId);
    }

    /** The current month in Brussels: decisions of this month are stored and reused (a past month's are no longer valid). */
    static YearMonth thisMonth() {
        return YearMonth.now(ZoneId.of("Europe/Brussels"));
    }

    /** A child's INSZ (a MAGDA test number born 2019) that no other test uses. */
    static Insz newChild() {
        int n = CHILDREN.getAndIncrement();
        return Insz.of(19, 65, 1 + n % 28, 950 + n / 28, true);
    }

    /** An invoice body in the contract's JSON; {@code lines} are (lineId, category, quantity, unitPriceCents). */
    static String invoiceBody(String invoiceId, String insz, YearMonth period, Object[]... lines) {
        StringBuilder json = new StringBuilder();
        json.append("{\"invoiceId\":\"").append(invoiceId).append("\",\"issuer\":\"kinderopvang-regenboog\",\"period\":\"")
                .append(period).append("\",\"child\":{\"insz\":\"").append(insz).append("\"},\"currency\":\"EUR\",\"lines\":[");
        for (int i = 0; i < lines.length; i++) {
            Object[] l = lines[i];
            long q = ((Number) l[2]).longValue();
            long unit = ((Number) l[3]).longValue();
            if (i > 0) json.append(',');
            json.append("{\"lineId\":\"").append(l[0]).append("\",\"category\":\"").append(l[1]).append("\",\"description\":\"")
                    .append(l[1].toString().toLowerCase()).append("\",\"quantity\":").append(q).append(",\"unitPriceCents\":").append(unit)
                    .append(",\"amountCents\":").append(q * unit).append('}');
        }
        return json.append("]}").toString();
    }

    static Object[] line(String lineId, String category, long quantity, long unitPriceCents) {
        return new Object[]{lineId, category, quantity, unitPriceCents};
    }

    /** A sample Lambda SQS event from {@code src/test/resources/events}, placeholders {@code ${NAME}} filled in. */
    static SQSEvent load(ApplicationContext context, String file, Map<String, String> values) {
        try (InputStream in = InvoiceStack.class.getResourceAsStream("/events/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
            return context.getBean(JsonMapper.class).readValue(text, SQSEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(String logicalId, String body) {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl(logicalId)).messageBody(body));
    }

    /** Up to 10 messages from the queue as one Lambda event (as the event source mapping builds it); none are deleted. */
    SQSEvent receiveEvent(String logicalId) {
        ReceiveMessageResponse r = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl(logicalId)).maxNumberOfMessages(10)
                .waitTimeSeconds(0).attributeNamesWithStrings("All").messageAttributeNames("All"));
        return toEvent(r.messages(), logicalId);
    }

    SQSEvent toEvent(List<Message> messages, String logicalId) {
        return SqsEvents.of(messages, aws.resources().queueArns().get(logicalId));
    }

    /** What Lambda does after the handler returns: delete the records that did not fail. */
    void deleteSucceeded(String logicalId, SQSEvent event, List<String> failedIds) {
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            if (!failedIds.contains(m.getMessageId())) {
                aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl(logicalId)).receiptHandle(m.getReceiptHandle()));
            }
        }
    }

    /** Makes a received message visible again at once (a failed record, retried without waiting for the visibility timeout). */
    void releaseForRetry(String logicalId, SQSEvent.SQSMessage m) {
        aws.sqs().changeMessageVisibility(b -> b.queueUrl(queueUrl(logicalId)).receiptHandle(m.getReceiptHandle()).visibilityTimeout(0));
    }

    /** Every message on the queue now, deleted as they are read. */
    List<Message> drain(String logicalId) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl(logicalId)).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) return all;
            all.addAll(batch);
            for (Message m : batch) aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl(logicalId)).receiptHandle(m.receiptHandle()));
        }
    }


    @Override
    public void close() {
        magda.close();
        aws.close();
    }
}
