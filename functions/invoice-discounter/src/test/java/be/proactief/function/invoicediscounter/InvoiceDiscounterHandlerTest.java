package be.proactief.function.invoicediscounter;

import be.proactief.aws.sqs.SqsBatch;
import be.proactief.aws.sqs.SqsMessagePublisher;
import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.core.invoice.DiscountedInvoice;
import be.proactief.core.invoice.InvoiceNote;
import be.proactief.core.override.OverrideService;
import be.proactief.core.override.ReasonCode;
import be.proactief.testkit.city.SyntheticCity;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.SimulatorFaults;
import be.proactief.testkit.magda.StatusPeriod;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static be.proactief.function.invoicediscounter.InvoiceStack.DISCOUNTED_INVOICES;
import static be.proactief.function.invoicediscounter.InvoiceStack.INVOICES;
import static be.proactief.function.invoicediscounter.InvoiceStack.INVOICES_DLQ;
import static be.proactief.function.invoicediscounter.InvoiceStack.invoiceBody;
import static be.proactief.function.invoicediscounter.InvoiceStack.line;
import static be.proactief.function.invoicediscounter.InvoiceStack.newChild;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real handler on real SQS events (a Lambda sample event, and messages received from ElasticMQ
 * with the queues of template.yaml), with dynalite and the MAGDA simulator behind it.
 */
class InvoiceDiscounterHandlerTest {

    static final StatusPeriod YEARS = StatusPeriod.years(2020, 2030);
    static final YearMonth MONTH = InvoiceStack.thisMonth();

    static InvoiceStack stack;
    static ApplicationContext context;
    static InvoiceDiscounterHandler handler;
    static JsonMapper json;
    static int requests;

    @BeforeAll
    static void start() {
        stack = new InvoiceStack();
        context = stack.context();
        handler = new InvoiceDiscounterHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
        if (stack != null) stack.close();
    }

    @BeforeEach
    void clean() throws Exception {
        stack.magda.faults().reset();
        stack.drain(INVOICES);
        stack.drain(DISCOUNTED_INVOICES);
        stack.drain(INVOICES_DLQ);
        closeTheCircuit();
    }

    /**
     * An outage scenario leaves the platform client's circuit open or half-open, where a batch handled concurrently
     * would see most of its records turned away (and retried, as on AWS); each scenario starts with it closed.
     */
    private static void closeTheCircuit() throws Exception {
        var client = (be.proactief.magda.MagdaClient) ((be.proactief.aws.metrics.MeteredPlatform) context.getBean(be.proactief.core.platform.SocialStatusSource.class)).measured();
        Insz probe = newChild();
        stack.magda.register(Persona.of(probe));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (client.circuitState() != be.proactief.magda.MagdaClient.CircuitState.CLOSED && System.nanoTime() < deadline) {
            Thread.sleep(120); // the open state lasts 100 ms here
            try {
                client.ask(probe, List.of("BIM_BVT"), java.time.LocalDate.now());
            } catch (be.proactief.core.platform.PlatformUnavailableException | be.proactief.core.platform.PlatformCannotDecideException e) {
                // still closing
            }
        }
    }

    private static SQSBatchResponse handle(SQSEvent event) {
        return handler.handleRequest(event, new LocalLambdaContext("req-" + requests++, "invoice-discounter"));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static Insz child(String... statuses) {
        Insz insz = newChild();
        stack.magda.register(Persona.of(insz).with(YEARS, statuses));
        return insz;
    }

    /** The statements on the output queue by invoice id (each read once). */
    private static Map<String, List<Message>> outputsByInvoice() {
        Map<String, List<Message>> out = new LinkedHashMap<>();
        for (Message m : stack.drain(DISCOUNTED_INVOICES)) {
            out.computeIfAbsent(statement(m).invoiceId(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static DiscountedInvoice statement(Message m) {
        try {
            return json.readValue(m.body(), DiscountedInvoice.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the bodies to the invoices queue and receives them back as one Lambda event. */
    private static SQSEvent viaQueue(String... bodies) {
        for (String body : bodies) stack.send(INVOICES, body);
        SQSEvent event = stack.receiveEvent(INVOICES);
        assertThat(event.getRecords()).hasSize(bodies.length);
        return event;
    }

    private static String note(int percent, String ground) {
        return "Automatisch toegekende korting van " + percent + " % op opvang en maaltijden (" + ground + "), periode " + InvoiceNote.month(MONTH) + ".";
    }

    @Test
    void a_batch_of_households_is_discounted_by_tier_and_only_the_message_with_a_bad_insz_fails() {
        Insz leefloon = child("LIVING_WAGES_PCSA_HELP", "BIM_BVT_IN_FAMILY");
        Insz increasedAllowance = child("BIM_BVT_IN_FAMILY");
        Insz noStatus = child();
        Insz badChecksum = newChild();
        String bad = badChecksum.digits().substring(0, 9) + "00";
        SQSEvent event = InvoiceStack.load(context, "invoices-batch.json", Map.of("PERIOD", MONTH.toString(),
                "LEEFLOON_INSZ", leefloon.digits(), "INCREASED_ALLOWANCE_INSZ", increasedAllowance.digits(),
                "NO_STATUS_INSZ", noStatus.digits(), "BAD_INSZ", bad));

        ListAppender<ILoggingEvent> log = capture(be.proactief.aws.sqs.DeadLetterQueue.class);
        SQSBatchResponse response = handle(event);
        detach(be.proactief.aws.sqs.DeadLetterQueue.class, log);

        assertThat(failedIds(response)).as("the invalid one is on the DLQ at once, not retried").isEmpty();
        assertThat(stack.drain(INVOICES_DLQ)).singleElement().satisfies(m -> assertThat(m.messageAttributes().get("errorReason").stringValue())
                .startsWith("INVALID_MESSAGE invalid invoice INV-B-000004").contains("child.insz is invalid").doesNotContain(bad));
        Map<String, List<Message>> outputs = outputsByInvoice();
        assertThat(outputs).containsOnlyKeys("INV-B-000001", "INV-B-000002", "INV-B-000003");
        assertThat(outputs.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
        outputs.forEach((invoiceId, messages) -> assertThat(messages.get(0).messageAttributes().get(SqsMessagePublisher.DEDUPLICATION_ATTRIBUTE).stringValue())
                .isEqualTo(invoiceId));

        DiscountedInvoice full = statement(outputs.get("INV-B-000001").get(0));
        assertThat(full.lines()).extracting(DiscountedInvoice.Line::discountPercent).containsExactly(100, 100, 0);
        assertThat(full.totalCents()).isEqualTo(5850);
        assertThat(full.discountCents()).isEqualTo(5050);
        assertThat(full.payableCents()).isEqualTo(800);
        assertThat(full.decision().tier()).isEqualTo("leefloon");
        assertThat(full.note()).isEqualTo(note(100, "leefloon"));

        DiscountedInvoice half = statement(outputs.get("INV-B-000002").get(0));
        assertThat(half.lines()).extracting(DiscountedInvoice.Line::discountCents).containsExactly(525L, 1463L);
        assertThat(half.lines()).extracting(DiscountedInvoice.Line::payableCents).containsExactly(525L, 1462L);
        assertThat(half.payableCents()).isEqualTo(1987);
        assertThat(half.note()).isEqualTo(note(50, "verhoogde tegemoetkoming in het gezin"));

        DiscountedInvoice none = statement(outputs.get("INV-B-000003").get(0));
        assertThat(none.decision().outcome()).isEqualTo("NOT_ENTITLED");
        assertThat(none.discountCents()).isZero();
        assertThat(none.payableCents()).isEqualTo(600);
        assertThat(none.note()).startsWith("Geen automatische korting op opvang en maaltijden, periode " + InvoiceNote.month(MONTH) + ".");

        assertThat(log.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .contains("c4d8e2f1-6a7b-4c3d-9e8f-0a1b2c3d4e5f").contains("INV-B-000004").contains("child.insz is invalid")
                .contains(badChecksum.masked()).doesNotContain(bad));
        assertThat(stack.magda.callCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_output_follows_the_contract_field_by_field() throws IOException {
        Insz insz = child();
        handle(viaQueue(invoiceBody("INV-C-1", insz.digits(), MONTH, line("1", "OPVANG", 2, 150))));
        Message out = stack.drain(DISCOUNTED_INVOICES).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.readValue(out.body(), Map.class);
        assertThat(map).containsOnlyKeys("invoiceId", "period", "scheme", "schemeVersion", "decision", "lines", "totalCents",
                "discountCents", "payableCents", "note", "revision", "reviewPending", "reviewCaseId");
        assertThat(map).containsEntry("invoiceId", "INV-C-1").containsEntry("period", MONTH.toString()).containsEntry("scheme", "school-discount")
                .containsEntry("schemeVersion", 1).containsEntry("revision", 1).containsEntry("reviewPending", false).containsEntry("reviewCaseId", null);
        assertThat((Map<String, Object>) map.get("decision")).containsOnlyKeys("outcome", "tier", "basis", "decisionId")
                .containsEntry("outcome", "NOT_ENTITLED").containsEntry("tier", null).containsEntry("basis", "PLATFORM");
        assertThat((List<Map<String, Object>>) map.get("lines")).singleElement().isEqualTo(Map.of("lineId", "1", "amountCents", 300,
                "discountPercent", 0, "discountCents", 0, "payableCents", 300));
        assertThat(out.body()).doesNotContain(insz.digits());
    }

    @Test
    void three_invoices_of_one_child_in_a_month_ask_the_platform_once() {
        Insz insz = child("BIM_BVT_IN_FAMILY");
        SQSEvent event = viaQueue(
                invoiceBody("INV-T-1", insz.digits(), MONTH, line("1", "OPVANG", 10, 150)),
                invoiceBody("INV-T-2", insz.digits(), MONTH, line("1", "MAALTIJD", 8, 325)),
                invoiceBody("INV-T-3", insz.digits(), MONTH, line("1", "OPVANG", 2, 150), line("2", "OTHER", 1, 500)));

        assertThat(failedIds(handle(event))).isEmpty();

        assertThat(stack.magda.callCount(insz)).isEqualTo(1);
        Map<String, List<Message>> outputs = outputsByInvoice();
        assertThat(outputs).containsOnlyKeys("INV-T-1", "INV-T-2", "INV-T-3");
        assertThat(outputs.values().stream().map(m -> statement(m.get(0)).decision()).distinct()).hasSize(1);
    }

    @Test
    void the_same_invoice_delivered_twice_gives_the_same_output() {
        Insz insz = child("BIM_BVT_IN_FAMILY");
        SQSEvent first = viaQueue(invoiceBody("INV-R-1", insz.digits(), MONTH, line("1", "OPVANG", 3, 25), line("2", "MAALTIJD", 5, 325)));
        handle(first);
        String firstOutput = stack.drain(DISCOUNTED_INVOICES).get(0).body();

        SQSEvent.SQSMessage again = first.getRecords().get(0);
        Map<String, String> attributes = new HashMap<>(again.getAttributes());
        attributes.put("ApproximateReceiveCount", "2");
        again.setAttributes(attributes);
        assertThat(failedIds(handle(first))).isEmpty();

        List<Message> second = stack.drain(DISCOUNTED_INVOICES);
        assertThat(second).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(firstOutput));
        assertThat(stack.magda.callCount(insz)).isEqualTo(1);
    }

    @Test
    void a_platform_outage_fails_every_record_outputs_nothing_stores_no_refusal_and_after_recovery_each_invoice_is_output_once() throws InterruptedException {
        Insz a = child("LIVING_WAGES_PCSA_HELP");
        Insz b = child("BIM_BVT_IN_FAMILY");
        Insz c = child();
        stack.magda.faults().http500(SimulatorFaults.ALWAYS);
        SQSEvent event = viaQueue(invoiceBody("INV-O-1", a.digits(), MONTH, line("1", "OPVANG", 1, 150)),
                invoiceBody("INV-O-2", b.digits(), MONTH, line("1", "OPVANG", 1, 150)),
                invoiceBody("INV-O-3", c.digits(), MONTH, line("1", "OPVANG", 1, 150)));

        SQSBatchResponse during = handle(event);

        assertThat(failedIds(during)).containsExactlyInAnyOrderElementsOf(event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList());
        assertThat(stack.drain(DISCOUNTED_INVOICES)).isEmpty();
        EntitlementEngine engine = context.getBean(EntitlementEngine.class);
        for (Insz insz : List.of(a, b, c)) assertThat(engine.history(insz, "school-discount", be.proactief.core.audit.Actor.application("test"), null)).isEmpty();

        // SQS redelivers after the visibility timeout (here at once) until each record succeeds; the client's
        // circuit breaker (open for 100 ms in tests) may refuse a few more calls right after the outage
        event.getRecords().forEach(m -> stack.releaseForRetry(INVOICES, m));
        stack.magda.faults().reset();
        int rounds = 0;
        for (SQSEvent retry = stack.receiveEvent(INVOICES); !retry.getRecords().isEmpty() && rounds < 20; retry = stack.receiveEvent(INVOICES)) {
            rounds++;
            Thread.sleep(150);
            List<String> failed = failedIds(handle(retry));
            stack.deleteSucceeded(INVOICES, retry, failed);
            retry.getRecords().stream().filter(m -> failed.contains(m.getMessageId())).forEach(m -> stack.releaseForRetry(INVOICES, m));
        }

        assertThat(stack.receiveEvent(INVOICES).getRecords()).as("every invoice processed after %d rounds", rounds).isEmpty();
        Map<String, List<Message>> outputs = outputsByInvoice();
        assertThat(outputs).containsOnlyKeys("INV-O-1", "INV-O-2", "INV-O-3");
        assertThat(outputs.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
        assertThat(statement(outputs.get("INV-O-1").get(0)).discountCents()).isEqualTo(150);
        assertThat(statement(outputs.get("INV-O-2").get(0)).discountCents()).isEqualTo(75);
        assertThat(statement(outputs.get("INV-O-3").get(0)).discountCents()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = SimulatorFaults.Kind.class, names = {"OVERSIZED_REPLY", "DEEP_REPLY"})
    void an_oversized_or_deeply_nested_reply_fails_its_record_only_never_the_batch(SimulatorFaults.Kind reply) {
        Insz a = child("LIVING_WAGES_PCSA_HELP");
        Insz b = child("BIM_BVT_IN_FAMILY");
        stack.magda.faults().inject(reply, 1); // the first question of the two gets it
        SQSEvent event = viaQueue(invoiceBody("INV-R-" + reply + "-1", a.digits(), MONTH, line("1", "OPVANG", 1, 150)),
                invoiceBody("INV-R-" + reply + "-2", b.digits(), MONTH, line("1", "OPVANG", 1, 150)));

        SQSBatchResponse response = handle(event);

        assertThat(failedIds(response)).as("one record UNKNOWN, reported failed; the batch itself does not fail").hasSize(1);
        assertThat(stack.drain(DISCOUNTED_INVOICES)).hasSize(1);
    }

    @Test
    void a_child_whose_reply_is_a_person_level_status_gets_its_statement_at_once_and_revision_two_gets_the_discount_once() {
        Insz insz = newChild();
        stack.magda.register(Persona.of(insz).with(YEARS, "LIVING_WAGES_PCSA_HELP").replying(be.proactief.testkit.magda.Reply.PERSON_STATUS));

        SQSBatchResponse first = handle(viaQueue(invoiceBody("INV-RV-1", insz.digits(), MONTH, line("1", "OPVANG", 10, 150))));

        assertThat(first.getBatchItemFailures()).as("a REVIEW is no failure: billing is not blocked").isEmpty();
        List<Message> out = stack.drain(DISCOUNTED_INVOICES);
        DiscountedInvoice pending = statement(out.get(0));
        assertThat(out).hasSize(1);
        assertThat(pending.reviewPending()).isTrue();
        assertThat(pending.revision()).isEqualTo(1);
        assertThat(pending.discountCents()).isZero();
        assertThat(pending.decision().outcome()).isEqualTo("REVIEW");
        assertThat(pending.note()).isEqualTo(InvoiceNote.REVIEW_PENDING);
        assertThat(out.get(0).body()).contains("\"reviewPending\":true", "\"reviewCaseId\":\"" + pending.reviewCaseId() + "\"", "\"revision\":1")
                .doesNotContain(insz.digits());
        var cases = context.getBean(be.proactief.core.review.ReviewCaseStore.class)
                .ofSubject(context.getBean(be.proactief.core.subject.SubjectKeys.class).person("school-discount", insz), "school-discount",
                        java.time.Instant.now());
        assertThat(cases).singleElement().satisfies(c -> assertThat(c.sources()).extracting(be.proactief.core.review.ReviewSource::ref)
                .containsExactly("kinderopvang-regenboog/INV-RV-1"));

        caseworkers().create(new OverrideService.NewOverride(insz, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.STALE_DATA,
                null, MONTH.atDay(1), MONTH.atEndOfMonth(), be.proactief.core.audit.Actor.application("caseworker-12")));
        assertThat(resolutions).anySatisfy(m -> assertThat(m).contains(pending.reviewCaseId(), "kinderopvang-regenboog/INV-RV-1"));

        String revision2 = invoiceBody("INV-RV-1", insz.digits(), MONTH, line("1", "OPVANG", 10, 150)).replaceFirst("\\}$", ",\"revision\":2}");
        handle(viaQueue(revision2));
        handle(viaQueue(revision2));

        List<Message> again = stack.drain(DISCOUNTED_INVOICES);
        assertThat(again).hasSize(2).allSatisfy(m -> assertThat(m.messageAttributes().get(SqsMessagePublisher.DEDUPLICATION_ATTRIBUTE).stringValue())
                .isEqualTo("INV-RV-1#2"));
        DiscountedInvoice discounted = statement(again.get(0));
        assertThat(discounted.revision()).isEqualTo(2);
        assertThat(discounted.reviewPending()).isFalse();
        assertThat(discounted.discountCents()).isEqualTo(1500);
        assertThat(statement(again.get(1))).as("the same invoice and revision, the same statement").isEqualTo(discounted);
    }

    @Test
    void an_invoice_with_a_revision_that_is_no_whole_number_from_one_is_invalid() {
        Insz insz = child("BIM_BVT_IN_FAMILY");
        String body = invoiceBody("INV-RV-9", insz.digits(), MONTH, line("1", "OPVANG", 1, 100)).replaceFirst("\\}$", ",\"revision\":0}");

        assertThat(handle(viaQueue(body)).getBatchItemFailures()).isEmpty();
        assertThat(stack.drain(INVOICES_DLQ)).singleElement().satisfies(m -> assertThat(m.messageAttributes().get("errorReason").stringValue())
                .contains("revision must be a whole number from 1 to 1000"));
        assertThat(stack.drain(DISCOUNTED_INVOICES)).isEmpty();
    }

    /** Caseworkers record overrides through check-api; here the same use case over this function's own stores. */
    private OverrideService caseworkers() {
        var catalog = context.getBean(be.proactief.core.scheme.SchemeCatalog.class);
        var keys = context.getBean(be.proactief.core.subject.SubjectKeys.class);
        var audit = context.getBean(be.proactief.core.audit.AuditLog.class);
        var clock = context.getBean(java.time.Clock.class);
        var reviews = new be.proactief.core.review.ReviewService(catalog, keys, context.getBean(be.proactief.core.review.ReviewCaseStore.class),
                (body, key) -> resolutions.add(body), audit, clock);
        return new OverrideService(catalog, keys, context.getBean(be.proactief.core.override.OverrideStore.class), reviews, audit, clock);
    }

    private final List<String> resolutions = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void a_co_parenting_override_wins_over_the_platform() {
        Insz insz = child("LIVING_WAGES_PCSA_HELP");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        var override = caseworkers().create(new OverrideService.NewOverride(insz, "school-discount", Outcome.ENTITLED,
                "increased-allowance", ReasonCode.CO_PARENTING, "kind verblijft half bij de andere ouder", MONTH.atDay(1),
                today.plusMonths(6), be.proactief.core.audit.Actor.application("caseworker-12")));

        handle(viaQueue(invoiceBody("INV-V-1", insz.digits(), MONTH, line("1", "OPVANG", 10, 150), line("2", "MAALTIJD", 10, 325))));

        DiscountedInvoice out = statement(stack.drain(DISCOUNTED_INVOICES).get(0));
        assertThat(out.decision().basis()).isEqualTo("OVERRIDE");
        assertThat(out.decision().tier()).isEqualTo("increased-allowance");
        assertThat(out.decision().decisionId()).isEqualTo(override.overrideId());
        assertThat(out.discountCents()).isEqualTo(750 + 1625);
        assertThat(out.note()).isEqualTo("Door de stad toegekende korting van 50 % op opvang en maaltijden (verhoogde tegemoetkoming in het gezin), periode "
                + InvoiceNote.month(MONTH) + ".");
        assertThat(stack.magda.callCount(insz)).isZero();
    }

    @Test
    void a_batch_of_ten_with_one_poison_message_completes_the_other_nine_and_the_poison_reaches_the_dead_letter_queue() {
        String[] bodies = new String[10];
        for (int i = 0; i < 9; i++) {
            bodies[i] = InvoiceStack.invoiceBody("INV-T-" + i, child("BIM_BVT_IN_FAMILY").digits(), MONTH, InvoiceStack.line("1", "OPVANG", 10, 100));
        }
        bodies[9] = "{\"invoiceId\": \"INV-T-poison\", \"period\": \"november\"}";
        SQSEvent first = viaQueue(bodies);
        SQSBatchResponse response = handle(first);
        assertThat(failedIds(response)).as("the poison goes to the DLQ at once: retrying cannot help").isEmpty();
        stack.deleteSucceeded(INVOICES, first, failedIds(response));
        assertThat(outputsByInvoice()).hasSize(9).allSatisfy((id, messages) -> assertThat(messages).hasSize(1));
        assertThat(stack.receiveEvent(INVOICES).getRecords()).isEmpty();
        assertThat(stack.drain(INVOICES_DLQ)).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("INV-T-poison");
            assertThat(m.messageAttributes().get("errorReason").stringValue()).startsWith("INVALID_MESSAGE invalid invoice INV-T-poison");
        });
    }

    @Test
    void an_invoice_for_a_period_in_the_future_goes_to_the_dead_letter_queue_at_once_and_asks_nothing() {
        Insz insz = child("BIM_BVT_IN_FAMILY");
        YearMonth next = MONTH.plusMonths(1);

        SQSBatchResponse response = handle(viaQueue(invoiceBody("INV-F-1", insz.digits(), next, line("1", "OPVANG", 1, 100))));

        assertThat(failedIds(response)).isEmpty();
        assertThat(stack.drain(INVOICES_DLQ)).singleElement().satisfies(m -> assertThat(m.messageAttributes().get("errorReason").stringValue())
                .startsWith("INVALID_MESSAGE invalid invoice INV-F-1: period " + next + " lies in the future"));
        assertThat(stack.drain(DISCOUNTED_INVOICES)).isEmpty();
        assertThat(stack.magda.callCount(insz)).isZero();
    }

    @Test
    void a_message_that_is_not_json_lands_in_the_dead_letter_queue_at_once_with_its_reason() {
        String poison = "{\"invoiceId\": \"INV-P-1\", \"period\": \"2026-11\", \"lines\": [ this is not json";
        stack.send(INVOICES, poison);

        SQSEvent event = stack.receiveEvent(INVOICES);
        assertThat(failedIds(handle(event))).isEmpty();
        stack.deleteSucceeded(INVOICES, event, List.of());

        assertThat(stack.receiveEvent(INVOICES).getRecords()).isEmpty();
        assertThat(stack.drain(INVOICES_DLQ)).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo(poison);
            assertThat(m.messageAttributes().get("errorReason").stringValue()).startsWith("INVALID_MESSAGE ");
        });
        assertThat(stack.drain(DISCOUNTED_INVOICES)).isEmpty();
    }

    @Test
    void a_month_of_a_synthetic_city_is_discounted_by_each_childs_tier_with_one_platform_call_per_child() {
        SyntheticCity city = SyntheticCity.generate(40, 2026);
        city.registerWith(stack.magda);
        List<SyntheticCity.Resident> children = city.children();
        Map<String, Integer> expectedPercent = new HashMap<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            SyntheticCity.Resident kid = children.get(i);
            int percent = kid.has("LIVING_WAGES_PCSA_HELP") ? 100 : kid.has("BIM_BVT_IN_FAMILY") ? 50 : kid.has("PCSA_AND_BIM_HELP") ? 25 : 0;
            for (int n = 1; n <= 3; n++) {
                String id = "INV-S-" + i + "-" + n;
                expectedPercent.put(id, percent);
                bodies.add(invoiceBody(id, kid.insz().digits(), MONTH, line("1", "OPVANG", 4 + n, 150), line("2", "MAALTIJD", 5, 325),
                        line("3", "OTHER", 1, 250)));
            }
        }
        java.util.Collections.shuffle(bodies, new java.util.Random(7));
        bodies.forEach(body -> stack.send(INVOICES, body));
        long callsBefore = stack.magda.callCount();

        long handlerNanos = 0;
        int batches = 0;
        while (true) {
            SQSEvent event = stack.receiveEvent(INVOICES);
            if (event.getRecords().isEmpty()) break;
            long t0 = System.nanoTime();
            SQSBatchResponse response = handle(event);
            handlerNanos += System.nanoTime() - t0;
            batches++;
            assertThat(failedIds(response)).isEmpty();
            stack.deleteSucceeded(INVOICES, event, failedIds(response));
        }

        Map<String, List<Message>> outputs = outputsByInvoice();
        assertThat(outputs).hasSize(bodies.size());
        outputs.forEach((id, messages) -> {
            assertThat(messages).hasSize(1);
            DiscountedInvoice s = statement(messages.get(0));
            assertThat(s.lines()).extracting(DiscountedInvoice.Line::discountPercent)
                    .as(id).containsExactly(expectedPercent.get(id), expectedPercent.get(id), 0);
            assertThat(s.payableCents()).isEqualTo(s.totalCents() - s.discountCents());
        });
        assertThat(expectedPercent.values()).contains(100, 50, 0);
        assertThat(stack.magda.callCount() - callsBefore).isEqualTo(children.size());
        System.out.printf("invoice-discounter: %d invoices of %d children in %d batches, %.0f invoices/s in the handler, %.2f platform calls per invoice%n",
                bodies.size(), children.size(), batches, bodies.size() / (handlerNanos / 1e9), (double) children.size() / bodies.size());
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    private static void detach(Class<?> type, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(type)).detachAppender(appender);
    }
}
