package be.proactief.function.voucherissuer;

import be.proactief.testkit.LogCapture;

import be.proactief.core.decision.Outcome;
import be.proactief.core.override.OverrideService;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewService;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.subject.SubjectKeys;
import be.proactief.core.voucher.VoucherCode;
import be.proactief.testkit.city.SyntheticCity;
import be.proactief.testkit.magda.Persona;
import be.proactief.testkit.magda.Personas;
import be.proactief.testkit.magda.Reply;
import be.proactief.testkit.magda.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The voucher run end to end through the real handlers: roster file → run handler → voucher-work
 * (ElasticMQ) → work handler → decisions (dynalite) and the MAGDA simulator → vouchers queue.
 */
class VoucherRunScenarioTest {

    static final long SEED = 2027;
    static final String BIM = "BIM_BVT_IN_FAMILY";
    static final long[] AMOUNTS = {4200, 6300, 8400, 10500, 12600};

    private VoucherEnv env;

    private VoucherEnv env(Map<String, Object> properties) {
        env = new VoucherEnv(properties);
        return env;
    }

    @AfterEach
    void close() {
        Backends.get().magda.faults().reset();
        if (env != null) env.close();
    }

    /** The truth: what each household with the increased allowance must get, by household id. */
    static Map<String, Map<String, Object>> expectedVouchers(SyntheticCity city, String period) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (SyntheticCity.Household h : city.expectedHouseholdsWith(BIM)) {
            Map<String, Object> v = new HashMap<>();
            v.put("householdId", h.householdId());
            v.put("period", period);
            v.put("kind", h.zone().equals(SyntheticCity.ZONE_BAGS) ? "BAG_VOUCHER" : "CONTAINER_CREDIT");
            v.put("amountCents", AMOUNTS[Math.min(h.size(), 5) - 1]);
            v.put("wastePassId", h.wastePassId());
            v.put("schemeVersion", 1);
            out.put(h.householdId(), v);
        }
        return out;
    }

    private static Map<String, Map<String, Object>> byHousehold(List<Map<String, Object>> vouchers) {
        return vouchers.stream().collect(Collectors.toMap(v -> (String) v.get("householdId"), Function.identity()));
    }

    private static Map<String, Object> withoutCodeAndLetter(Map<String, Object> v) {
        Map<String, Object> m = new HashMap<>(v);
        m.remove("voucherCode");
        m.remove("letterNl");
        m.computeIfPresent("amountCents", (k, a) -> ((Number) a).longValue());
        return m;
    }

    @Test
    void a_synthetic_city_run_issues_exactly_the_expected_vouchers_and_credits() {
        SyntheticCity city = SyntheticCity.generate(60, SEED);
        VoucherEnv env = env(Map.of());
        city.registerWith(env.magda);
        env.writeRoster(city.toJsonLines());
        long callsBefore = env.magda.callCount();

        long started = System.nanoTime();
        List<String> logLines;
        RunResult run;
        try (LogCapture logs = new LogCapture()) {
            run = env.run("2026", "yearly");
            env.drainWork();
            logLines = logs.lines();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long calls = env.magda.callCount() - callsBefore;

        assertThat(run.householdsRead()).isEqualTo(60);
        assertThat(run.householdsEnqueued()).isEqualTo(60);
        List<Map<String, Object>> vouchers = env.takeVouchers();
        Map<String, Map<String, Object>> expected = expectedVouchers(city, "2026");
        assertThat(expected).hasSizeBetween(5, 25);
        assertThat(vouchers).hasSize(expected.size());
        Map<String, Map<String, Object>> got = byHousehold(vouchers);
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        SubjectKeys keys = env.context.getBean(SubjectKeys.class);
        for (Map.Entry<String, Map<String, Object>> e : got.entrySet()) {
            Map<String, Object> v = e.getValue();
            assertThat(withoutCodeAndLetter(v)).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
            assertThat(v.get("voucherCode")).isEqualTo(VoucherCode.of(keys, "waste-bags", "2026", e.getKey()));
            assertThat(VoucherCode.isValid((String) v.get("voucherCode"))).isTrue();
            assertThat((String) v.get("letterNl")).contains("niets aan te vragen", (String) v.get("voucherCode"));
        }
        assertThat(vouchers).extracting(v -> v.get("kind")).contains("BAG_VOUCHER", "CONTAINER_CREDIT");
        assertThat(env.takeDeadLetters()).isEmpty();

        // never an INSZ in a log line or a voucher
        for (SyntheticCity.Resident r : city.residents()) {
            assertThat(logLines).noneMatch(l -> l.contains(r.insz().digits()));
            assertThat(vouchers).noneMatch(v -> v.toString().contains(r.insz().digits()));
        }
        assertThat(logLines).anyMatch(l -> l.contains("\"event\":\"VOUCHER_RUN\"") && l.contains("\"householdsRead\":60"));
        assertThat(logLines).anyMatch(l -> l.contains("\"event\":\"VOUCHER_BATCH\"") && l.contains("\"vouchers\":"));
        assertThat(logLines).filteredOn(l -> l.contains("\"event\":\"VOUCHER_BATCH\""))
                .allMatch(l -> l.contains("\"period\":\"2026\",\"runId\":\"yearly\""));
        assertThat(logLines).anyMatch(l -> l.contains("\"_aws\":{") && l.contains("\"Namespace\":\"Proactief\""));

        System.out.printf("voucher run: 60 households in %.2f s (%.0f households/s), %d platform calls (%.2f per household), %d vouchers/credits%n",
                seconds, 60 / seconds, calls, calls / 60.0, vouchers.size());
        assertThat(calls).isLessThanOrEqualTo(city.residents().size());
    }

    @Test
    void running_the_same_period_twice_issues_nothing_new() {
        SyntheticCity city = SyntheticCity.generate(60, SEED);
        VoucherEnv env = env(Map.of());
        city.registerWith(env.magda);
        env.writeRoster(city.toJsonLines());
        env.run("2026", "yearly");
        env.drainWork();
        List<Map<String, Object>> first = env.takeVouchers();
        assertThat(first).isNotEmpty();

        long callsBefore = env.magda.callCount();
        RunResult again = env.run("2026", "yearly-again");
        env.drainWork();
        assertThat(again.householdsEnqueued()).isEqualTo(60);
        assertThat(env.takeVouchers()).isEmpty();
        assertThat(env.magda.callCount()).isEqualTo(callsBefore);
        assertThat(env.takeDeadLetters()).isEmpty();
    }

    @Test
    void a_crash_between_recording_and_sending_is_recovered_on_redelivery_with_the_same_code() {
        SyntheticCity city = SyntheticCity.generate(60, SEED);
        VoucherEnv env = env(Map.of("test.crash-before-sending", "3"));
        city.registerWith(env.magda);
        env.writeRoster(city.toJsonLines());

        env.run("2026", "yearly");
        env.drainWork();

        assertThat(env.context.getBean(CrashBeforeSending.class).crashes).hasValue(3);
        List<Map<String, Object>> vouchers = env.takeVouchers();
        Map<String, Map<String, Object>> expected = expectedVouchers(city, "2026");
        assertThat(vouchers).hasSize(expected.size());
        assertThat(byHousehold(vouchers).keySet()).isEqualTo(expected.keySet());
        SubjectKeys keys = env.context.getBean(SubjectKeys.class);
        assertThat(vouchers).allSatisfy(v -> assertThat(v.get("voucherCode"))
                .isEqualTo(VoucherCode.of(keys, "waste-bags", "2026", (String) v.get("householdId"))));
        assertThat(env.takeDeadLetters()).isEmpty();

        // the same run once more (Lambda retries a failed asynchronous run with the same run id): what was sent is
        // not sent again (before: every voucher of the run went out a second time)
        env.run("2026", "yearly");
        env.drainWork();
        assertThat(env.takeVouchers()).isEmpty();
    }

    @Test
    void the_catch_up_run_picks_up_only_the_new_households() {
        SyntheticCity january = SyntheticCity.generate(50, SEED);
        SyntheticCity later = SyntheticCity.generate(70, SEED); // the same 50 households, and 20 that moved in
        assertThat(later.households().subList(0, 50)).isEqualTo(january.households());
        VoucherEnv env = env(Map.of());
        later.registerWith(env.magda);
        env.writeRoster(january.toJsonLines());
        env.trigger("scheduled-yearly-run.json", Map.of("SCHEDULED_TIME", "2026-01-15T05:00:00Z"));
        env.drainWork();
        assertThat(byHousehold(env.takeVouchers()).keySet()).isEqualTo(expectedVouchers(january, "2026").keySet());

        env.writeRoster(later.toJsonLines());
        long callsBefore = env.magda.callCount();
        RunResult catchUp = env.trigger("scheduled-catch-up-run.json", Map.of("SCHEDULED_TIME", "2026-03-15T05:00:00Z"));
        env.drainWork();

        assertThat(catchUp.period()).isEqualTo("2026");
        assertThat(catchUp.runId()).isEqualTo("catch-up@2026-03-15T05:00:00Z");
        Map<String, Map<String, Object>> expectedNew = expectedVouchers(later, "2026");
        expectedNew.keySet().removeAll(expectedVouchers(january, "2026").keySet());
        assertThat(expectedNew).isNotEmpty();
        assertThat(byHousehold(env.takeVouchers()).keySet()).isEqualTo(expectedNew.keySet());
        long newMembers = later.households().subList(50, 70).stream().mapToLong(SyntheticCity.Household::size).sum();
        assertThat(env.magda.callCount() - callsBefore).isPositive().isLessThanOrEqualTo(newMembers);
    }

    @Test
    void faulty_households_end_in_the_dead_letter_queue_with_one_clear_error_each() {
        SyntheticCity city = SyntheticCity.generate(10, SEED);
        VoucherEnv env = env(Map.of());
        city.registerWith(env.magda);
        String good = city.households().get(0).members().get(0).insz().digits();
        String badInsz = good.substring(0, 9) + "00";
        env.writeRoster(city.toJsonLines()
                + "{\"householdId\":\"HH-EMPTY\",\"members\":[],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-1\"}\n"
                + "{\"householdId\":\"HH-BADINSZ\",\"members\":[{\"insz\":\"" + badInsz + "\"}],\"size\":1,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-2\"}\n"
                + "{\"householdId\":\"HH-GARDEN\",\"members\":[{\"insz\":\"" + good + "\"}],\"size\":1,\"zone\":\"GARDEN\",\"wastePassId\":\"AFP-3\"}\n");

        List<String> rejections;
        try (LogCapture logs = new LogCapture()) {
            RunResult run = env.run("2026", "yearly");
            assertThat(run.householdsEnqueued()).isEqualTo(13);
            env.sqs.sendMessage(b -> b.queueUrl(env.workQueue()).messageBody("{\"not\":\"a work message\""));
            env.drainWork();
            rejections = logs.lines("DeadLetterQueue");
            assertThat(logs.lines()).noneMatch(l -> l.contains(badInsz) || l.contains(good));
        }

        List<Message> dead = env.takeDeadLetters();
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(
                m -> m.body().contains("householdId") ? m.body().replaceAll(".*\"householdId\":\"([^\"]+)\".*", "$1") : "not-json",
                m -> m.messageAttributes().get("errorReason").stringValue()));
        assertThat(reasons).containsOnlyKeys("HH-EMPTY", "HH-BADINSZ", "HH-GARDEN", "not-json");
        assertThat(reasons.get("HH-EMPTY")).isEqualTo("INVALID_MESSAGE household HH-EMPTY has no members");
        assertThat(reasons.get("HH-BADINSZ")).startsWith("INVALID_MESSAGE household HH-BADINSZ, member 1: INSZ ").endsWith("fails the mod-97 check")
                .doesNotContain(badInsz);
        assertThat(reasons.get("HH-GARDEN")).isEqualTo("INVALID_MESSAGE household HH-GARDEN has unknown zone 'GARDEN' (expected BAGS or CONTAINERS)");
        assertThat(reasons.get("not-json")).startsWith("INVALID_MESSAGE not a voucher work message");
        assertThat(rejections).hasSize(4).allMatch(l -> l.contains("\"event\":\"VOUCHER_WORK_REJECTED\""));
        assertThat(byHousehold(env.takeVouchers()).keySet()).isEqualTo(expectedVouchers(city, "2026").keySet());
    }

    @Test
    void a_platform_outage_is_retried_and_nothing_is_dropped() {
        SyntheticCity city = SyntheticCity.generate(20, SEED);
        VoucherEnv env = env(Map.of());
        city.registerWith(env.magda);
        env.writeRoster(city.toJsonLines());
        env.magda.faults().http500(SimulatorFaults.ALWAYS);

        env.run("2026", "yearly");
        int handed = 0;
        for (int i = 0; i < 2; i++) handed += env.pollWorkOnce();
        assertThat(handed).isPositive();
        assertThat(env.takeVouchers()).isEmpty();
        assertThat(env.approximateMessages(env.workQueue())).isEqualTo(20);
        assertThat(env.approximateMessages(env.resources.queueUrl("VoucherWorkDeadLetterQueue"))).isZero();

        env.magda.faults().reset();
        sleep(60); // the circuit breaker's open state (50 ms here) ends
        env.drainWork();
        assertThat(byHousehold(env.takeVouchers()).keySet()).isEqualTo(expectedVouchers(city, "2026").keySet());
        assertThat(env.takeDeadLetters()).isEmpty();
    }

    @Test
    void a_household_whose_member_the_platform_cannot_answer_for_waits_for_a_caseworker_then_gets_its_voucher_once() {
        VoucherEnv env = env(Map.of());
        Persona noAnswer = Personas.replying(Reply.PERSON_STATUS);
        Persona nothing = Personas.noStatus();
        env.magda.register(noAnswer).register(nothing);
        env.writeRoster("{\"householdId\":\"HH-RV-1\",\"members\":[{\"insz\":\"" + noAnswer.insz().digits() + "\"},{\"insz\":\""
                + nothing.insz().digits() + "\"}],\"size\":2,\"zone\":\"BAGS\",\"wastePassId\":\"AFP-RV-1\"}\n");

        try (LogCapture logs = new LogCapture()) {
            env.run("2026", "yearly");
            env.drainWork();
            assertThat(logs.lines("proactief.voucher")).anyMatch(l -> l.contains("\"review\":1"));
        }

        assertThat(env.takeVouchers()).as("no voucher yet").isEmpty();
        assertThat(env.takeDeadLetters()).as("REVIEW is no failure").isEmpty();
        assertThat(env.approximateMessages(env.workQueue())).isZero();
        SubjectKeys keys = env.context.getBean(SubjectKeys.class);
        ReviewCaseStore cases = env.context.getBean(ReviewCaseStore.class);
        assertThat(cases.ofSubject(keys.person("waste-bags", noAnswer.insz()), "waste-bags", java.time.Instant.now())).singleElement()
                .satisfies(c -> assertThat(c.sources()).extracting(ReviewSource::ref).containsExactly("HH-RV-1"));

        caseworkers(env).create(new OverrideService.NewOverride(noAnswer.insz(), "waste-bags", Outcome.ENTITLED, null, ReasonCode.RECENT_MOVE,
                null, java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), be.proactief.core.audit.Actor.application("caseworker-7")));
        env.run("2026", "catch-up-1");
        env.drainWork();
        env.run("2026", "catch-up-2");
        env.drainWork();

        assertThat(env.takeVouchers()).singleElement().satisfies(v -> assertThat(v).containsEntry("householdId", "HH-RV-1"));
    }

    /** Caseworkers record overrides through check-api; here the same use case over this deployment's stores. */
    private static OverrideService caseworkers(VoucherEnv env) {
        var c = env.context;
        var catalog = c.getBean(be.proactief.core.scheme.SchemeCatalog.class);
        var keys = c.getBean(SubjectKeys.class);
        var audit = c.getBean(be.proactief.core.audit.AuditLog.class);
        var clock = c.getBean(java.time.Clock.class);
        var reviews = new ReviewService(catalog, keys, c.getBean(ReviewCaseStore.class), (body, key) -> { }, audit, clock);
        return new OverrideService(catalog, keys, c.getBean(be.proactief.core.override.OverrideStore.class), reviews, audit, clock);
    }

    @Test
    void a_schedule_without_period_runs_for_the_year_of_its_scheduled_time_in_brussels() {
        VoucherEnv env = env(Map.of());
        env.writeRoster("");
        // 31 December 23:30 UTC is already 1 January in Brussels
        RunResult r = env.trigger("scheduled-yearly-run.json", Map.of("SCHEDULED_TIME", "2025-12-31T23:30:00Z"));
        assertThat(r.period()).isEqualTo("2026");
        assertThat(r.runId()).isEqualTo("yearly@2025-12-31T23:30:00Z");
        assertThat(r.householdsRead()).isZero();

        RunResult now = env.invokeRun("{\"scheme\":\"waste-bags\",\"runId\":\"manual\"}");
        assertThat(now.period()).isEqualTo(Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).getYear()));
    }

    @Test
    void a_run_for_a_period_whose_status_date_lies_after_today_fails_saying_why_and_enqueues_nothing() {
        VoucherEnv env = env(Map.of());
        env.writeRoster(SyntheticCity.generate(5, SEED).toJsonLines());
        String next = Integer.toString(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).getYear() + 1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.run(next, "yearly"))
                .hasMessageContaining("period " + next + " lies in the future (status date " + next + "-01-01");
        assertThat(env.approximateMessages(env.workQueue())).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
