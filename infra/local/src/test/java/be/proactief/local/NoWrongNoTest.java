package be.proactief.local;

import be.proactief.core.insz.Insz;
import be.proactief.core.messaging.JsonText;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;
import be.proactief.testkit.magda.SimulatorFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one failure Proactief exists to prevent, a wrong "no": every platform reply that is not an answer to the
 * question asked (each {@link Reply} kind but ANSWER and STATUS_WARNING, and the platform's faults) is driven through
 * check-api (every scheme), the invoice-discounter and the voucher-issuer, over the same handler classes Lambda runs,
 * with the tables and queues of template.yaml. Afterwards the Decisions table holds no decision at all for them (only
 * review cases), and no statement or voucher came out as a refusal.
 */
class NoWrongNoTest {

    static final List<String> SCHEMES = List.of("uitpas-kansentarief", "school-discount", "waste-bags");
    static final String MONTH = YearMonth.now(ZoneId.of("Europe/Brussels")).toString();
    static LocalRun run;

    @BeforeAll
    static void start() {
        run = LocalRun.start(LocalRun.Backend.EMBEDDED, null, LocalKeystore.choose("test", null, java.util.Map.of()));
        run.magda.registerAll(Personas.withoutAnswers());
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    static String resource(String name, Map<String, String> values) {
        try (InputStream in = NoWrongNoTest.class.getResourceAsStream("/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON string literal of {@code text}, without its quotes: a body inside an event. */
    static String inEvent(String text) {
        String quoted = JsonText.quote(new StringBuilder(), text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    static String check(Insz insz, String scheme) {
        String body = "{\"insz\":\"" + insz.digits() + "\",\"scheme\":\"" + scheme + "\"}";
        return run.functions.invokeJson(run.functions.find("check-api").orElseThrow(), resource("check-event.json", Map.of("BODY", inEvent(body))));
    }

    static String sqs(String function, String queue, String body) {
        return run.functions.invokeJson(run.functions.find(function).orElseThrow(), resource("sqs-event.json",
                Map.of("MESSAGE_ID", UUID.randomUUID().toString(), "QUEUE", queue, "BODY", inEvent(body))));
    }

    static String invoice(Insz child, String invoiceId) {
        return sqs("invoice-discounter", "invoices", "{\"invoiceId\":\"" + invoiceId + "\",\"issuer\":\"school-1\",\"period\":\"" + MONTH
                + "\",\"child\":{\"insz\":\"" + child.digits() + "\"},\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"category\":\"OPVANG\","
                + "\"description\":\"opvang\",\"quantity\":4,\"unitPriceCents\":150,\"amountCents\":600}]}");
    }

    static String household(Insz member, String householdId) {
        return sqs("VoucherWorkFunction", "voucher-work", "{\"scheme\":\"waste-bags\",\"period\":\"2026\",\"runId\":\"yearly\",\"household\":"
                + "{\"householdId\":\"" + householdId + "\",\"members\":[{\"insz\":\"" + member.digits() + "\"}],\"size\":1,\"zone\":\"BAGS\","
                + "\"wastePassId\":\"AFP-" + householdId + "\"}}");
    }

    /** Every path a resident has, for {@code insz}: what each said. */
    static List<String> everyPath(Insz insz, String name) {
        List<String> answers = new ArrayList<>();
        for (String scheme : SCHEMES) answers.add(check(insz, scheme));
        answers.add(invoice(insz, "INV-" + name));
        answers.add(household(insz, "HH-" + name));
        return answers;
    }

    @Test
    void no_reply_that_does_not_answer_the_question_becomes_a_stored_no_in_any_function() {
        List<String> said = new ArrayList<>();
        for (Reply kind : EnumSet.complementOf(EnumSet.of(Reply.ANSWER, Reply.STATUS_WARNING))) {
            List<String> answers = everyPath(Personas.replying(kind).insz(), kind.name());
            assertThat(answers.subList(0, 3)).as(kind + " at the desk").allSatisfy(a -> assertThat(a)
                    .containsAnyOf("\\\"outcome\\\":\\\"REVIEW\\\"", "\\\"outcome\\\":\\\"UNKNOWN\\\"")
                    .doesNotContain("\\\"outcome\\\":\\\"NOT_ENTITLED\\\"").doesNotContain("\\\"outcome\\\":\\\"ENTITLED\\\""));
            said.addAll(answers);
        }
        int serial = 700;
        for (Consumer<SimulatorFaults> fault : List.<Consumer<SimulatorFaults>>of(f -> f.http500(SimulatorFaults.ALWAYS),
                f -> f.malformedReply(SimulatorFaults.ALWAYS), f -> f.uitzondering(SimulatorFaults.ALWAYS))) {
            Insz nobody = Insz.of(81, 61, 15, serial++, false); // no status: an outage read as an answer would be a no
            run.magda.register(Persona.of(nobody));
            fault.accept(run.magda.faults());
            try {
                said.addAll(everyPath(nobody, "F" + serial));
            } finally {
                run.magda.faults().reset();
            }
        }

        List<Map<String, AttributeValue>> items = run.aws.dynamoDb().scan(b -> b.tableName(run.aws.resources().table("DecisionsTable"))).items();
        assertThat(items).as("review cases only").isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("sk").s()).startsWith("review#"))
                .noneMatch(i -> i.containsKey("outcome"));
        List<Message> statements = drain("DiscountedInvoicesQueue");
        assertThat(statements).isNotEmpty().allSatisfy(m -> assertThat(m.body()).contains("\"outcome\":\"REVIEW\"", "\"reviewPending\":true"));
        assertThat(drain("VouchersQueue")).isEmpty();
        assertThat(said).noneMatch(s -> s.contains("NOT_ENTITLED"));
    }

    static List<Message> drain(String logicalId) {
        String url = run.aws.resources().queueUrl(logicalId);
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = run.aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) return all;
            all.addAll(batch);
            batch.forEach(m -> run.aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }
}
