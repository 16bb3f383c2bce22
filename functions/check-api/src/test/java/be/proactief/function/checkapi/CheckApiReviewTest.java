package be.proactief.function.checkapi;

import be.proactief.core.insz.Insz;
import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REVIEW at the desk and in the caseworkers' worklist, through the deployed handler on real HTTP API events,
 * against dynalite, ElasticMQ and the simulator's reply kinds.
 */
class CheckApiReviewTest {

    static CheckApiStack stack;
    static ApplicationContext context;
    static CheckApiHandler handler;
    static Events events;

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        stack.magda.registerAll(Personas.everyone());
        context = stack.context();
        handler = new CheckApiHandler(context);
        events = new Events(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        stack.close();
    }

    @BeforeEach
    void healthyPlatform() {
        stack.magda.faults().reset();
    }

    static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new LocalLambdaContext(UUID.randomUUID().toString()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        return events.body(r, Map.class);
    }

    static APIGatewayV2HTTPResponse check(Insz insz, String scheme) {
        return invoke(Events.to(events.load("check.json", Map.of("INSZ", insz.digits())), "POST", "/v1/checks",
                "{\"insz\":\"" + insz.digits() + "\",\"scheme\":\"" + scheme + "\"}"));
    }

    static APIGatewayV2HTTPResponse searchReviews(String body) {
        return invoke(Events.to(events.load("search-reviews.json", Map.of("SCHEME", "uitpas-kansentarief")), "POST", "/v1/reviews/search", body));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return (List<Map<String, Object>>) json(r).get("cases");
    }

    @Test
    void a_person_level_status_is_review_at_the_desk_with_a_case_and_no_stored_decision() {
        Insz resident = Personas.replying(Reply.PERSON_STATUS).insz();

        APIGatewayV2HTTPResponse r = check(resident, "uitpas-kansentarief");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("outcome", "REVIEW").containsEntry("reviewReason", "PLATFORM_NO_ANSWER")
                .containsEntry("platformCodes", List.of("SSH00048")).containsEntry("retryAfterSeconds", null)
                .containsEntry("decisionId", null).containsEntry("tier", null).containsEntry("unknownReason", null);
        assertThat((String) body.get("reviewCaseId")).isNotBlank();
        assertThat((String) body.get("explanation")).contains("een medewerker van de stad bekijkt het");
        assertThat(CheckApiHandlerTest.header(r, "Retry-After")).isNull();
        assertThat(r.getBody()).doesNotContain(resident.digits());

        APIGatewayV2HTTPResponse decisions = invoke(events.load("search-decisions.json", Map.of("INSZ", resident.digits())));
        assertThat(decisions.getBody()).isEqualTo("[]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_worklist_shows_the_open_case_with_its_desk_source_and_finds_it_by_national_number() {
        Insz resident = Personas.replying(Reply.NO_DATA).insz();
        String caseId = (String) json(check(resident, "uitpas-kansentarief")).get("reviewCaseId");

        List<Map<String, Object>> open = cases(searchReviews("{\"scheme\":\"uitpas-kansentarief\",\"state\":\"OPEN\",\"order\":\"OLDEST\",\"limit\":100}"));
        assertThat(open).anySatisfy(c -> {
            assertThat(c).containsEntry("caseId", caseId).containsEntry("reason", "PLATFORM_NO_DATA").containsEntry("state", "OPEN")
                    .containsEntry("platformCodes", List.of("30001")).containsKeys("period", "openedAt", "resolvedBy", "resolvedAt", "overrideId");
            assertThat((List<?>) c.get("sources")).singleElement().satisfies(s ->
                    assertThat((Map<String, Object>) s).containsEntry("type", "DESK_CHECK").containsEntry("ref", null).containsKey("at"));
        });
        List<Map<String, Object>> ofResident = cases(searchReviews("{\"insz\":\"" + resident.digits() + "\"}"));
        assertThat(ofResident).extracting(c -> c.get("caseId")).containsExactly(caseId);
    }

    @Test
    void a_caseworker_override_resolves_the_case_and_announces_it_on_review_resolutions() {
        Insz resident = Personas.replying(Reply.INSZ_REPLACED).insz();
        String caseId = (String) json(check(resident, "uitpas-kansentarief")).get("reviewCaseId");
        String today = LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
        String until = LocalDate.now(ZoneId.of("Europe/Brussels")).plusMonths(1).toString();

        APIGatewayV2HTTPResponse created = invoke(Events.to(events.load("create-override.json", Map.of("INSZ", resident.digits())), "POST",
                "/v1/overrides", "{\"insz\":\"" + resident.digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"ENTITLED\","
                        + "\"reasonCode\":\"STALE_DATA\",\"note\":\"nieuw rijksregisternummer gezien\",\"validFrom\":\"" + today
                        + "\",\"validUntil\":\"" + until + "\"}"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        String overrideId = (String) json(created).get("overrideId");

        List<Map<String, Object>> resolved = cases(searchReviews("{\"insz\":\"" + resident.digits() + "\",\"state\":\"RESOLVED\"}"));
        assertThat(resolved).singleElement().satisfies(c -> assertThat(c).containsEntry("caseId", caseId)
                .containsEntry("state", "RESOLVED").containsEntry("overrideId", overrideId).containsEntry("resolvedBy", "c0a8e7d2-5b1f-4e3a-9d6c-2f4b8a1e7c35"));

        List<Message> messages = stack.aws.sqs().receiveMessage(b -> b.queueUrl(stack.aws.resources().queueUrl("ReviewResolutionsQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
        assertThat(messages).anySatisfy(m -> assertThat(m.body()).contains("\"caseId\":\"" + caseId + "\"", "\"outcome\":\"ENTITLED\"",
                "\"overrideId\":\"" + overrideId + "\"", "\"type\":\"DESK_CHECK\"").doesNotContain(resident.digits()));

        assertThat(json(check(resident, "uitpas-kansentarief"))).containsEntry("outcome", "ENTITLED").containsEntry("basis", "OVERRIDE");
    }

    @Test
    void an_answer_with_a_status_remark_stands_and_caseworkers_see_its_warning_codes() {
        Insz resident = Personas.replying(Reply.STATUS_WARNING).insz();

        assertThat(json(check(resident, "uitpas-kansentarief"))).containsEntry("outcome", "ENTITLED");

        APIGatewayV2HTTPResponse decisions = invoke(events.load("search-decisions.json", Map.of("INSZ", resident.digits())));
        assertThat(decisions.getBody()).contains("\"platformWarnings\":[\"SSH00047\"]");
    }

    @Test
    void a_reply_about_someone_else_is_unknown_mismatched_never_entitled() {
        APIGatewayV2HTTPResponse r = check(Personas.replying(Reply.OTHER_INSZ).insz(), "uitpas-kansentarief");

        assertThat(json(r)).containsEntry("outcome", "UNKNOWN").containsEntry("unknownReason", "MISMATCHED_REPLY")
                .containsEntry("reviewCaseId", null);
        assertThat(CheckApiHandlerTest.header(r, "Retry-After")).isNotBlank();
    }

    @Test
    void an_outage_says_why_it_is_unknown() {
        stack.magda.faults().http500(-1);
        Insz fresh = Insz.of(91, 70, 3, 78, false);
        stack.magda.register(be.proactief.testkit.magda.Persona.of(fresh));

        assertThat(json(check(fresh, "uitpas-kansentarief"))).containsEntry("outcome", "UNKNOWN").containsEntry("unknownReason", "PLATFORM_UNAVAILABLE");
    }

    @Test
    void an_insz_sent_as_a_json_number_is_400_on_insz() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("check.json", Map.of("INSZ", "x")), "POST", "/v1/checks",
                "{\"insz\":85073003328,\"scheme\":\"uitpas-kansentarief\"}"));

        CheckApiHandlerTest.assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"insz\"").doesNotContain("85073003328");
    }

    @Test
    void an_override_cannot_record_review() {
        Insz resident = Personas.replying(Reply.NO_DATA).insz();
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("create-override.json", Map.of("INSZ", resident.digits())), "POST",
                "/v1/overrides", "{\"insz\":\"" + resident.digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"REVIEW\","
                        + "\"reasonCode\":\"OTHER\",\"validUntil\":\"" + LocalDate.now().plusMonths(1) + "\"}"));

        CheckApiHandlerTest.assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"outcome\"");
    }

    @Test
    void a_worklist_query_out_of_bounds_is_400_naming_the_field() {
        APIGatewayV2HTTPResponse limit = searchReviews("{\"limit\":0}");
        CheckApiHandlerTest.assertProblem(limit, 400);
        assertThat(limit.getBody()).contains("\"field\":\"limit\"");

        APIGatewayV2HTTPResponse cursor = searchReviews("{\"cursor\":\"not-a-cursor\"}");
        CheckApiHandlerTest.assertProblem(cursor, 400);
        assertThat(cursor.getBody()).contains("\"field\":\"cursor\"");

        APIGatewayV2HTTPResponse state = searchReviews("{\"state\":\"CLOSED\"}");
        CheckApiHandlerTest.assertProblem(state, 400);
        assertThat(state.getBody()).contains("\"field\":\"state\"");
    }

    @Test
    void the_worklist_needs_the_override_scope() {
        APIGatewayV2HTTPEvent portal = Events.to(events.load("check.json", Map.of("INSZ", "x")), "POST", "/v1/reviews/search", "{}");

        CheckApiHandlerTest.assertProblem(invoke(portal), 403);
    }
}
