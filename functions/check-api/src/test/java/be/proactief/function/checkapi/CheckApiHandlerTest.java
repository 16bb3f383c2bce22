package be.proactief.function.checkapi;

import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed handler class on real API Gateway HTTP API v2 events (JWT authorizer context
 * included), against dynalite and the MAGDA simulator: every route and every error.
 */
class CheckApiHandlerTest {

    static CheckApiStack stack;
    static ApplicationContext context;
    static CheckApiHandler handler;
    static Events events;

    static final Persona LEEFLOON = Personas.leefloon();
    /** The caseworker's {@code sub} in the sample events: a person signed in through the application {@code caseworker-console}. */
    static final String CASEWORKER = "c0a8e7d2-5b1f-4e3a-9d6c-2f4b8a1e7c35";
    static final Insz NOBODY_SPECIAL = Insz.of(88, 63, 14, 512, false);

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        stack.magda.register(LEEFLOON).register(Persona.of(NOBODY_SPECIAL));
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

    static void assertProblem(APIGatewayV2HTTPResponse r, int status) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(header(r, "Content-Type")).startsWith("application/problem+json");
        Map<String, Object> p = json(r);
        assertThat(p).containsKeys("type", "title", "status", "detail");
        assertThat(p.get("status")).isEqualTo(status);
    }

    static String header(APIGatewayV2HTTPResponse r, String name) {
        return r.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> r.getMultiValueHeaders() == null ? null : r.getMultiValueHeaders().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null));
    }

    APIGatewayV2HTTPEvent check(Insz insz) {
        return events.load("check.json", Map.of("INSZ", insz.digits()));
    }

    @Test
    void a_resident_on_leefloon_is_entitled_to_the_kansentarief() {
        APIGatewayV2HTTPResponse r = invoke(check(LEEFLOON.insz()));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        Map<String, Object> body = json(r);
        assertThat(body).containsEntry("scheme", "uitpas-kansentarief").containsEntry("schemeVersion", 1)
                .containsEntry("outcome", "ENTITLED").containsEntry("tier", "social-status").containsEntry("basis", "PLATFORM");
        assertThat(body).containsKeys("period", "benefit", "decidedAt", "validUntil", "decisionId", "explanation", "explanationEn");
        assertThat((String) body.get("explanation")).startsWith("Recht op Kansentarief via automatische controle");
        assertThat(r.getBody()).doesNotContain(LEEFLOON.insz().digits());
    }

    @Test
    void a_check_dated_ahead_is_provisional_and_stored_nowhere() {
        Insz ahead = Insz.of(88, 63, 14, 513, false);
        stack.magda.register(Persona.of(ahead));
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).plusMonths(2).withDayOfMonth(1).toString();

        APIGatewayV2HTTPResponse r = invoke(Events.to(check(ahead), "POST", "/v1/checks",
                "{\"insz\":\"" + ahead.digits() + "\",\"scheme\":\"school-discount\",\"date\":\"" + date + "\"}"));

        assertThat(json(r)).containsEntry("outcome", "NOT_ENTITLED").containsEntry("provisional", true);
        assertThat(invoke(Events.to(events.load("search-decisions.json", Map.of("INSZ", ahead.digits())), "POST", "/v1/decisions/search",
                "{\"insz\":\"" + ahead.digits() + "\",\"scheme\":\"school-discount\"}")).getBody()).isEqualTo("[]");
        assertThat(json(invoke(check(LEEFLOON.insz())))).containsEntry("provisional", false);
    }

    @Test
    void a_resident_without_status_is_not_entitled_and_the_tier_is_null() {
        Map<String, Object> body = json(invoke(check(NOBODY_SPECIAL)));
        assertThat(body).containsEntry("outcome", "NOT_ENTITLED").containsEntry("tier", null);
    }

    @Test
    void a_platform_outage_answers_unknown_with_retry_after() {
        stack.magda.faults().http500(-1);
        Insz fresh = Insz.of(91, 70, 3, 77, false);
        stack.magda.register(Persona.of(fresh));
        APIGatewayV2HTTPResponse r = invoke(check(fresh));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("outcome", "UNKNOWN").containsKey("retryAfterSeconds").containsEntry("decisionId", null);
        assertThat(header(r, "Retry-After")).isNotBlank();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = be.proactief.testkit.magda.SimulatorFaults.Kind.class, names = {"OVERSIZED_REPLY", "DEEP_REPLY"})
    void an_oversized_or_deeply_nested_reply_is_unknown_never_a_server_error(be.proactief.testkit.magda.SimulatorFaults.Kind reply) {
        stack.magda.faults().inject(reply, -1);
        Insz fresh = Insz.of(91, 70, 3, reply == be.proactief.testkit.magda.SimulatorFaults.Kind.DEEP_REPLY ? 79 : 80, false);
        stack.magda.register(Persona.of(fresh));
        APIGatewayV2HTTPResponse r = invoke(check(fresh));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(json(r)).containsEntry("outcome", "UNKNOWN").containsEntry("unknownReason", "MALFORMED_REPLY");
    }

    @Test
    void a_platform_that_does_not_answer_is_unknown_before_the_functions_time_runs_out() {
        stack.magda.faults().timeout(-1);
        Insz fresh = Insz.of(91, 70, 3, 78, false);
        stack.magda.register(Persona.of(fresh));
        long started = System.nanoTime();
        // 3.5 s left (on AWS: check-api's 15 s); the client's own worst case is 3 attempts of a 5 s read timeout
        APIGatewayV2HTTPResponse r = handler.handleRequest(check(fresh), new LocalLambdaContext("short", "check-api", java.time.Duration.ofMillis(3_500)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("outcome", "UNKNOWN").containsEntry("unknownReason", "TIMEOUT");
        assertThat(millis).as("answered within the invocation's time").isLessThan(3_500);
    }

    @Test
    void the_scheme_catalogue_lists_versions_tiers_and_benefits() {
        APIGatewayV2HTTPResponse r = invoke(events.load("list-schemes.json"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"id\":\"school-discount\"", "\"discountPercent\":100", "LIVING_WAGES_PCSA_HELP", "\"version\":1",
                "\"olderVersions\":[]", "\"versions\":[{\"version\":1,\"validFrom\":null,\"tiers\":[");
    }

    @Test
    void a_caseworker_creates_searches_and_revokes_an_override() {
        Insz resident = Insz.of(85, 64, 2, 301, false);
        APIGatewayV2HTTPResponse created = invoke(events.load("create-override.json", Map.of("INSZ", resident.digits())));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        String id = (String) json(created).get("overrideId");
        assertThat(header(created, "Location")).isEqualTo("/v1/overrides/" + id);
        assertThat(json(created)).as("the person who signed in, and the application she used")
                .containsEntry("author", CASEWORKER).containsEntry("authorApplication", "caseworker-console").containsEntry("reasonCode", "RECENT_MOVE");

        APIGatewayV2HTTPResponse found = invoke(events.load("search-overrides.json", Map.of("INSZ", resident.digits())));
        assertThat(found.getStatusCode()).isEqualTo(200);
        assertThat(found.getBody()).contains(id);

        APIGatewayV2HTTPResponse revoked = invoke(events.load("revoke-override.json", Map.of("OVERRIDE_ID", id)));
        assertThat(revoked.getStatusCode()).as(revoked.getBody()).isEqualTo(204);
        assertProblem(invoke(events.load("revoke-override.json", Map.of("OVERRIDE_ID", id))), 409);
        assertThat(invoke(events.load("search-overrides.json", Map.of("INSZ", resident.digits()))).getBody())
                .contains("\"revoked\":true", "Register updated");
    }

    @Test
    void every_search_writes_who_looked_whom_up_and_why_in_its_audit_line() {
        Insz resident = Insz.of(85, 64, 3, 302, false);
        List<String> written;
        try (be.proactief.testkit.LogCapture logs = new be.proactief.testkit.LogCapture()) {
            assertThat(invoke(events.load("search-overrides.json", Map.of("INSZ", resident.digits()))).getStatusCode()).isEqualTo(200);
            assertThat(invoke(events.load("search-decisions.json", Map.of("INSZ", resident.digits()))).getStatusCode()).isEqualTo(200);
            written = logs.lines("proactief.audit");
        }
        assertThat(written).filteredOn(l -> l.contains("\"OVERRIDES_SEARCHED\"")).as("one line per scheme searched").hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("\"caller\":\"" + CASEWORKER + "\"", "\"application\":\"caseworker-console\"",
                        "\"purpose\":\"APPEAL\"", "\"subject\":\"s_"));
        assertThat(written).filteredOn(l -> l.contains("\"DECISIONS_SEARCHED\"")).singleElement()
                .satisfies(l -> assertThat(l).contains("\"purpose\":\"RESIDENT_REQUEST\"", "\"subject\":\"s_"));
        assertThat(String.join("\n", written)).doesNotContain(resident.digits());
    }

    @Test
    void a_purpose_that_is_not_one_of_the_four_is_400_on_that_field() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("search-overrides.json", Map.of("INSZ", LEEFLOON.insz().digits())), "POST",
                "/v1/overrides/search", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"purpose\":\"CURIOSITY\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"purpose\"", "RESIDENT_REQUEST, REVIEW_CASE, APPEAL, AUDIT");
    }

    @Test
    void the_openapi_document_is_served_to_a_caller_with_the_check_scope() {
        APIGatewayV2HTTPResponse r = invoke(events.load("get-openapi.json"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("application/json");
        assertThat(r.getBody()).contains("\"openapi\": \"3.1.0\"", "/v1/reviews/search");
        assertProblem(invoke(Events.withScopes(events.load("get-openapi.json"), "entitlements/other")), 403);
    }

    @Test
    void revoking_an_unknown_override_is_404() {
        assertProblem(invoke(events.load("revoke-override.json", Map.of("OVERRIDE_ID", "no-such-override"))), 404);
    }

    @Test
    void revoking_an_id_of_three_thousand_characters_is_404_not_500() {
        APIGatewayV2HTTPResponse r = invoke(events.load("revoke-override.json", Map.of("OVERRIDE_ID", "a".repeat(3000))));
        assertProblem(r, 404);
        assertThat(r.getBody().length()).isLessThan(1000);
    }

    @Test
    void a_caseworker_sees_the_stored_decisions() {
        invoke(check(LEEFLOON.insz()));
        APIGatewayV2HTTPResponse r = invoke(events.load("search-decisions.json", Map.of("INSZ", LEEFLOON.insz().digits())));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"outcome\":\"ENTITLED\"", "\"platformReference\"").doesNotContain(LEEFLOON.insz().digits());
    }

    @Test
    void malformed_json_is_400() {
        assertProblem(invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", "{\"insz\": ")), 400);
    }

    @Test
    void a_check_without_a_body_is_400() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", null));
        assertProblem(r, 400);
    }

    @Test
    void a_check_with_a_blank_body_is_400_asking_for_a_json_body() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", "  \n "));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("needs a JSON body");
    }

    @Test
    void a_base64_encoded_body_is_read_like_a_plain_one() {
        APIGatewayV2HTTPEvent e = Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", java.util.Base64.getEncoder().encodeToString(
                ("{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse r = invoke(e);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(json(r)).containsEntry("outcome", "ENTITLED");
    }

    @Test
    void a_missing_field_is_400_naming_the_field() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", "{\"insz\":\"" + LEEFLOON.insz().digits() + "\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"scheme\"");
    }

    @Test
    void an_invalid_insz_is_400_and_masked() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks",
                "{\"insz\":\"85073003329\",\"scheme\":\"uitpas-kansentarief\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"insz\"", "85.07.30-***.**").doesNotContain("85073003329");
    }

    @Test
    void an_unknown_scheme_is_400() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks",
                "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"parking\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("unknown scheme 'parking'");
    }

    @Test
    void an_insz_sent_as_the_scheme_is_masked_in_the_400() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks",
                "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"" + NOBODY_SPECIAL.digits() + "\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"scheme\"", NOBODY_SPECIAL.masked()).doesNotContain(NOBODY_SPECIAL.digits());
    }

    @Test
    void a_date_far_in_the_past_or_future_is_400() {
        for (String date : java.util.List.of("1850-01-01", "+999999999-12-31", java.time.LocalDate.parse(Events.today()).plusYears(2).toString())) {
            APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks",
                    "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"date\":\"" + date + "\"}"));
            assertProblem(r, 400);
            assertThat(r.getBody()).as(date).contains("\"field\":\"date\"", "must be between");
        }
    }

    @Test
    void a_bad_date_is_400() {
        assertProblem(invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks",
                "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"date\":\"28/11/2026\"}")), 400);
    }

    @Test
    void an_override_ending_more_than_twelve_months_ahead_is_400() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("create-override.json", Map.of("INSZ", NOBODY_SPECIAL.digits())), "POST", "/v1/overrides",
                "{\"insz\":\"" + NOBODY_SPECIAL.digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"ENTITLED\",\"reasonCode\":\"OTHER\","
                        + "\"validUntil\":\"" + java.time.LocalDate.parse(Events.today()).plusMonths(13) + "\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"validUntil\"");
    }

    @Test
    void a_note_over_500_characters_is_400() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("create-override.json", Map.of("INSZ", NOBODY_SPECIAL.digits())), "POST", "/v1/overrides",
                "{\"insz\":\"" + NOBODY_SPECIAL.digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"ENTITLED\",\"reasonCode\":\"OTHER\","
                        + "\"note\":\"" + "x".repeat(501) + "\",\"validUntil\":\"" + java.time.LocalDate.parse(Events.today()).plusDays(3) + "\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"note\"");
    }

    @Test
    void a_note_with_a_national_number_is_400_and_not_echoed() {
        String d = NOBODY_SPECIAL.digits();
        String note = "kind verblijft ook bij " + d.substring(0, 6) + "-" + d.substring(6, 9) + "-" + d.substring(9); // 886314-512-99
        APIGatewayV2HTTPResponse r = invoke(Events.to(events.load("create-override.json", Map.of("INSZ", LEEFLOON.insz().digits())), "POST", "/v1/overrides",
                "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"outcome\":\"ENTITLED\",\"reasonCode\":\"OTHER\","
                        + "\"note\":\"" + note + "\",\"validUntil\":\"" + java.time.LocalDate.parse(Events.today()).plusDays(3) + "\"}"));
        assertProblem(r, 400);
        assertThat(r.getBody()).contains("\"field\":\"note\"", "national number").doesNotContain(NOBODY_SPECIAL.digits().substring(6));
    }

    @Test
    void no_authorizer_context_is_401() {
        assertProblem(invoke(Events.withoutAuthorizer(check(LEEFLOON.insz()))), 401);
    }

    @Test
    void a_portal_token_cannot_create_overrides_403() {
        APIGatewayV2HTTPEvent e = Events.withScopes(events.load("create-override.json", Map.of("INSZ", NOBODY_SPECIAL.digits())), "entitlements/check");
        assertProblem(invoke(e), 403);
    }

    @Test
    void a_caseworker_token_without_check_scope_cannot_check_403() {
        assertProblem(invoke(Events.withScopes(check(LEEFLOON.insz()), "entitlements/override")), 403);
    }

    @Test
    void an_unknown_route_is_404() {
        assertProblem(invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/nothing-here", "{}")), 404);
    }

    @Test
    void a_wrong_method_is_405() {
        assertProblem(invoke(Events.to(check(LEEFLOON.insz()), "GET", "/v1/checks", null)), 405);
    }

    @Test
    void a_body_over_16_kib_is_413() {
        String big = "{\"insz\":\"" + LEEFLOON.insz().digits() + "\",\"scheme\":\"uitpas-kansentarief\",\"pad\":\"" + "x".repeat(17_000) + "\"}";
        assertProblem(invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks", big)), 413);
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        APIGatewayV2HTTPEvent e = Events.withHeader(check(LEEFLOON.insz()), "content-type", "text/plain");
        assertProblem(invoke(e), 415);
    }

    @Test
    void no_error_response_carries_an_unmasked_insz() {
        APIGatewayV2HTTPResponse r = invoke(Events.to(check(LEEFLOON.insz()), "POST", "/v1/checks/" + LEEFLOON.insz().digits(), "{}"));
        assertThat(r.getBody()).doesNotContain(LEEFLOON.insz().digits());
    }

    @Test
    void the_insz_never_appears_in_a_stored_item() {
        invoke(check(LEEFLOON.insz()));
        String everything = stack.aws.dynamoDb().scan(b -> b.tableName("Decisions")).items().toString()
                + stack.aws.dynamoDb().scan(b -> b.tableName("Overrides")).items().toString();
        assertThat(everything).doesNotContain(LEEFLOON.insz().digits()).doesNotContain(NOBODY_SPECIAL.digits());
        assertThat(List.of(everything)).isNotEmpty();
    }
}
