package be.proactief.local;

import be.proactief.testkit.aws.AwsBackend;
import be.proactief.testkit.magda.Personas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions over time on the local run, as a city tries it: {@code serve --data-dir} with its own key ring, a voucher
 * run through {@code trigger} against it, a caseworker's override over HTTP, a restart with the key ring rotated to
 * {@code k2}, and a catch-up run: no second voucher, the override recorded under {@code k1} still applies, and what is
 * new is written under {@code k2}.
 */
class ServeOverTimeTest {

    static final String K1 = Base64.getEncoder().encodeToString("local-over-time-test-key-one-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    static final String K2 = Base64.getEncoder().encodeToString("local-over-time-test-key-two-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    Path stateDir;
    Path dataDir;
    String previousStateDir;

    @BeforeEach
    void dirs() throws Exception {
        stateDir = Files.createTempDirectory("proactief-state-");
        dataDir = Files.createTempDirectory("proactief-data-");
        previousStateDir = System.setProperty("proactief.state.dir", stateDir.toString());
    }

    @AfterEach
    void restore() {
        if (previousStateDir == null) System.clearProperty("proactief.state.dir");
        else System.setProperty("proactief.state.dir", previousStateDir);
    }

    static String ring(String current, boolean withK2) {
        StringBuilder json = new StringBuilder("{");
        for (String scheme : List.of("waste-bags", "school-discount", "uitpas-kansentarief")) {
            if (json.length() > 1) json.append(',');
            json.append('"').append(scheme).append("\":{\"current\":\"").append(current).append("\",\"keys\":{\"k1\":\"").append(K1).append('"');
            if (withK2) json.append(",\"k2\":\"").append(K2).append('"');
            json.append("}}");
        }
        return json.append('}').toString();
    }

    int trigger(Path roster) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Main.run(List.of("trigger", "voucher-run", "--period", "2026", "--roster", roster.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    static List<String> vouchers(ServeProcess serve, int atLeast, int seconds) {
        try (AwsBackend b = serve.backends()) {
            String url = b.sqs().getQueueUrl(r -> r.queueName("vouchers")).queueUrl();
            List<String> got = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline && got.size() < atLeast) {
                for (Message m : b.sqs().receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                    got.add(m.body());
                    b.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
            return got;
        }
    }

    @Test
    void a_run_an_override_a_restart_with_a_rotated_key_ring_and_a_catch_up_issue_each_voucher_once() throws Exception {
        Path roster = Files.writeString(Files.createTempFile("roster", ".jsonl"),
                "{\"householdId\":\"HH-T-1\",\"members\":[{\"insz\":\"" + Personas.increasedAllowance().insz().digits() + "\"}],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-T1\"}\n"
                        + "{\"householdId\":\"HH-T-2\",\"members\":[{\"insz\":\"" + Personas.noStatus().insz().digits() + "\"}],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-T2\"}\n");
        String yearly;
        try (ServeProcess serve = new ServeProcess(stateDir, Map.of("PROACTIEF_SUBJECT_KEYS", ring("k1", false)), "--data-dir", dataDir.toString())) {
            assertThat(trigger(roster)).isZero();
            List<String> first = vouchers(serve, 1, 60);
            assertThat(first).singleElement().asString().contains("HH-T-1");
            yearly = first.get(0);
            // someone moved in yesterday: the caseworker records it, after the run
            HttpResponse<String> override = serve.post("/v1/overrides", "CASEWORKER_TOKEN", "{\"insz\":\"" + Personas.noStatus().insz().digits()
                    + "\",\"scheme\":\"waste-bags\",\"outcome\":\"ENTITLED\",\"reasonCode\":\"RECENT_MOVE\",\"validFrom\":\"2026-01-01\",\"validUntil\":\"2026-12-31\"}");
            assertThat(override.statusCode()).as(override.body()).isEqualTo(201);
        }

        // a household moved in meanwhile: it is decided under k2
        Files.writeString(roster, "{\"householdId\":\"HH-T-3\",\"members\":[{\"insz\":\"" + Personas.leefloon().insz().digits()
                + "\"}],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-T3\"}\n", java.nio.file.StandardOpenOption.APPEND);
        try (ServeProcess serve = new ServeProcess(stateDir, Map.of("PROACTIEF_SUBJECT_KEYS", ring("k2", true)), "--data-dir", dataDir.toString())) {
            assertThat(trigger(roster)).isZero();
            List<String> catchUp = vouchers(serve, 3, 20);
            assertThat(catchUp).as("HH-T-1 had its voucher; HH-T-2 gets one through the override recorded under k1; HH-T-3 is new")
                    .hasSize(2).anySatisfy(v -> assertThat(v).contains("HH-T-2")).anySatisfy(v -> assertThat(v).contains("HH-T-3"))
                    .noneSatisfy(v -> assertThat(v).contains(yearly.substring(yearly.indexOf("voucherCode"), yearly.indexOf("householdId"))));
            try (AwsBackend b = serve.backends()) {
                assertThat(b.dynamoDb().scan(r -> r.tableName("Decisions")).items())
                        .anyMatch(i -> i.containsKey("keyId") && i.get("keyId").s().equals("k2"))
                        .anyMatch(i -> i.containsKey("keyId") && i.get("keyId").s().equals("k1"));
            }
        }
    }
}
