package be.proactief.function.voucherissuer;

import be.proactief.testkit.aws.LambdaInvokeApi;
import be.proactief.testkit.city.SyntheticCity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A voucher run that would outlast its invocation goes on in a fresh one: before its time runs out it invokes itself
 * asynchronously with {@code {"runId","scheme","period","pageToken"}} (Lambda's Invoke API over the wire), and each part
 * carries on from the page token it was given, so a retry of a part never starts over and nothing is lost.
 */
class VoucherRunContinuationTest {

    static final SyntheticCity CITY = SyntheticCity.generate(60, 11); // 3 pages of 25 in VoucherEnv

    @Test
    void a_run_short_of_time_sends_itself_the_next_page_token_and_the_parts_together_enqueue_every_household_once() throws Exception {
        try (VoucherEnv env = new VoucherEnv()) {
            CITY.registerWith(env.magda);
            env.writeRoster(CITY.toJsonLines());
            // 100 s left: less than the two minutes a part keeps to spare, so every part reads one page and goes on
            RunResult first = env.invokeRun("{\"scheme\":\"waste-bags\",\"period\":\"2026\",\"runId\":\"yearly\"}", Duration.ofSeconds(100));
            assertThat(first.householdsEnqueued()).isEqualTo(25);
            assertThat(first.continuesFrom()).isNotNull();
            List<RunResult> parts = new ArrayList<>(List.of(first));
            while (parts.get(parts.size() - 1).continuesFrom() != null) {
                List<LambdaInvokeApi.Invocation> sent = env.lambda.invocations();
                assertThat(sent).hasSize(parts.size());
                LambdaInvokeApi.Invocation next = sent.get(sent.size() - 1);
                assertThat(next.functionName()).isEqualTo("proactief-voucher-run");
                @SuppressWarnings("unchecked")
                Map<String, Object> event = new org.yaml.snakeyaml.Yaml().load(next.payload());
                assertThat(event).containsOnlyKeys("scheme", "period", "runId", "pageToken")
                        .containsEntry("runId", "yearly").containsEntry("pageToken", parts.get(parts.size() - 1).continuesFrom());
                parts.add(env.invokeRun(next.payload(), Duration.ofSeconds(100)));
            }
            assertThat(parts).hasSize(3);
            assertThat(parts.stream().mapToInt(RunResult::householdsEnqueued).sum()).isEqualTo(60);

            List<String> households = new ArrayList<>();
            for (Message m : env.takeAll(env.workQueue())) {
                Map<String, Object> work = new org.yaml.snakeyaml.Yaml().load(m.body());
                households.add(String.valueOf(((Map<?, ?>) work.get("household")).get("householdId")));
            }
            assertThat(households).doesNotHaveDuplicates().hasSize(60)
                    .containsExactlyInAnyOrderElementsOf(CITY.households().stream().map(SyntheticCity.Household::householdId).toList());
        }
    }

    @Test
    void a_retry_of_a_part_carries_on_from_the_page_token_it_was_given() {
        try (VoucherEnv env = new VoucherEnv()) {
            env.writeRoster(CITY.toJsonLines());
            RunResult part = env.invokeRun("{\"scheme\":\"waste-bags\",\"period\":\"2026\",\"runId\":\"yearly\",\"pageToken\":\"50\"}", Duration.ofMinutes(15));
            assertThat(part.householdsRead()).as("the last page only").isEqualTo(10);
            assertThat(part.continuesFrom()).isNull();
            assertThat(env.lambda.invocations()).as("nothing left to go on with").isEmpty();
        }
    }

    @Test
    void a_household_the_queue_can_never_take_goes_to_the_dlq_with_why_and_the_run_goes_on() {
        try (VoucherEnv env = new VoucherEnv()) {
            SyntheticCity small = SyntheticCity.generate(4, 12);
            String huge = "AFP-" + "9".repeat(300 * 1024);
            env.writeRoster(small.toJsonLines()
                    + "{\"householdId\":\"HH-HUGE\",\"members\":[],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"" + huge + "\"}\n");
            RunResult run = env.run("2026", "yearly");
            assertThat(run.householdsEnqueued()).isEqualTo(4);
            assertThat(run.householdsRefused()).isEqualTo(1);
            List<Message> dead = env.takeDeadLetters();
            assertThat(dead).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("{\"scheme\":\"waste-bags\",\"period\":\"2026\",\"runId\":\"yearly\",\"householdId\":\"HH-HUGE\"}");
                assertThat(m.messageAttributes().get("errorReason").stringValue())
                        .startsWith("INVALID_MESSAGE household HH-HUGE cannot be put on voucher-work: its work message has ").contains("more than SQS takes");
            });
            assertThat(env.takeAll(env.workQueue())).hasSize(4);
        }
    }
}
