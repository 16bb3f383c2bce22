package be.proactief.function.checkapi;

import be.proactief.testkit.lambda.LocalLambdaContext;
import be.proactief.core.insz.Insz;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk scenario of the check-api issue, end to end through the handler: platform yes,
 * a caseworker's RECENT_MOVE override, its revocation, and a platform outage that stores nothing.
 */
class CheckApiScenarioTest {

    static CheckApiStack stack;
    static ApplicationContext context;
    static CheckApiHandler handler;
    static Events events;

    @BeforeAll
    static void start() {
        stack = new CheckApiStack();
        context = stack.context();
        handler = new CheckApiHandler(context);
        events = new Events(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        stack.close();
    }

    static Map<String, Object> send(String file, Map<String, String> values) {
        APIGatewayV2HTTPResponse r = handler.handleRequest(events.load(file, values), new LocalLambdaContext("scenario"));
        assertThat(r.getStatusCode()).as(r.getBody()).isBetween(200, 299);
        return r.getBody() == null || r.getBody().isEmpty() ? Map.of() : events.body(r, Map.class);
    }

    @Test
    void desk_scenario() {
        Persona onLeefloon = Personas.leefloon();
        Insz newcomer = Insz.of(93, 66, 11, 421, false);
        stack.magda.register(onLeefloon).register(Persona.of(newcomer));

        // 1. a resident on leefloon: ENTITLED from the platform
        assertThat(send("check.json", Map.of("INSZ", onLeefloon.insz().digits())))
                .containsEntry("outcome", "ENTITLED").containsEntry("basis", "PLATFORM");

        // 2. the newcomer: the platform says no; a caseworker records RECENT_MOVE until in two weeks
        assertThat(send("check.json", Map.of("INSZ", newcomer.digits()))).containsEntry("outcome", "NOT_ENTITLED");
        Map<String, Object> override = send("create-override.json", Map.of("INSZ", newcomer.digits()));
        Map<String, Object> withOverride = send("check.json", Map.of("INSZ", newcomer.digits()));
        assertThat(withOverride).containsEntry("outcome", "ENTITLED").containsEntry("basis", "OVERRIDE");
        assertThat((String) withOverride.get("explanation")).contains("medewerker");

        // 3. revoking it restores the platform's answer
        send("revoke-override.json", Map.of("OVERRIDE_ID", (String) override.get("overrideId")));
        assertThat(send("check.json", Map.of("INSZ", newcomer.digits())))
                .containsEntry("outcome", "NOT_ENTITLED").containsEntry("basis", "PLATFORM");

        // 4. with the platform failing, a resident not yet decided gets UNKNOWN and nothing is stored
        Insz unseen = Insz.of(77, 68, 19, 233, false);
        stack.magda.register(Persona.of(unseen).with(Personas.YEARS_2020_2030, "BIM_BVT"));
        int storedBefore = stack.aws.dynamoDb().scan(b -> b.tableName("Decisions")).count();
        stack.magda.faults().http500(-1);
        try {
            assertThat(send("check.json", Map.of("INSZ", unseen.digits()))).containsEntry("outcome", "UNKNOWN");
        } finally {
            stack.magda.faults().reset();
        }
        assertThat(stack.aws.dynamoDb().scan(b -> b.tableName("Decisions")).count()).isEqualTo(storedBefore);
        assertThat(send("check.json", Map.of("INSZ", unseen.digits()))).containsEntry("outcome", "ENTITLED");
    }
}
