package be.proactief.aws.dynamo;

import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.decision.Fulfilment;
import be.proactief.core.decision.Outcome;
import be.proactief.core.override.Override;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.override.ReasonCode;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewQuery;
import be.proactief.core.review.ReviewReason;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.subject.SubjectKey;
import be.proactief.testkit.aws.AwsBackend;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DynamoDB stores over the real wire protocol, against whichever backend a subclass gives
 * (dynalite here, LocalStack where Docker exists). Each test uses fresh subject keys.
 */
abstract class StoresContract {

    abstract AwsBackend backend();

    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    DecisionStore decisions() {
        return new DynamoDecisionStore(DynamoDbEnhancedClient.builder().dynamoDbClient(backend().dynamoDb()).build(),
                backend().resources().table("DecisionsTable"));
    }

    OverrideStore overrides() {
        return new DynamoOverrideStore(DynamoDbEnhancedClient.builder().dynamoDbClient(backend().dynamoDb()).build(),
                backend().resources().table("OverridesTable"));
    }

    ReviewCaseStore reviews() {
        return new DynamoReviewCaseStore(DynamoDbEnhancedClient.builder().dynamoDbClient(backend().dynamoDb()).build(),
                backend().resources().table("DecisionsTable"));
    }

    private ReviewCase candidate(SubjectKey subject, String scheme, String period, Instant openedAt) {
        return new ReviewCase(UUID.randomUUID().toString(), subject, scheme, period, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                ReviewReason.PLATFORM_NO_DATA, List.of("30001"), List.of(), openedAt, ReviewCase.State.OPEN, null, null, null,
                openedAt.plus(Duration.ofDays(400)));
    }

    private static ReviewSource invoice(String id, Instant at) {
        return ReviewSource.Origin.invoice("school-17", id).at(at);
    }

    @Test
    void a_review_case_is_one_per_subject_scheme_and_period_and_keeps_each_source_once() {
        SubjectKey s = freshSubject();
        ReviewCase first = reviews().open(candidate(s, "school-discount", "2026-11", now), invoice("INV-1", now), now);
        ReviewCase again = reviews().open(candidate(s, "school-discount", "2026-11", now.plusSeconds(5)), invoice("INV-1", now.plusSeconds(5)), now);
        ReviewCase desk = reviews().open(candidate(s, "school-discount", "2026-11", now.plusSeconds(9)),
                ReviewSource.Origin.DESK_CHECK.at(now.plusSeconds(9)), now);

        assertThat(again.caseId()).isEqualTo(first.caseId());
        assertThat(desk.caseId()).isEqualTo(first.caseId());
        assertThat(reviews().ofSubject(s, "school-discount", now)).singleElement().satisfies(c -> {
            assertThat(c.sources()).extracting(ReviewSource::ref).containsExactly("school-17/INV-1", null);
            assertThat(c.platformCodes()).containsExactly("30001");
            assertThat(c.openedAt()).isEqualTo(now);
        });
        assertThat(decisions().history(s, "school-discount", now)).as("a case is no decision").isEmpty();
    }

    @Test
    void sources_hitting_one_case_at_once_keep_one_case_and_lose_none() throws Exception {
        SubjectKey s = freshSubject();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<ReviewCase>> opened = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = "INV-" + i;
                opened.add(pool.submit(() -> reviews().open(candidate(s, "school-discount", "2026-11", now), invoice(id, now), now)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : opened) ids.add(f.get().caseId());
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reviews().ofSubject(s, "school-discount", now)).singleElement()
                .satisfies(c -> assertThat(c.sources()).hasSize(6));
    }

    @Test
    void a_case_is_resolved_once() {
        SubjectKey s = freshSubject();
        ReviewCase open = reviews().open(candidate(s, "waste-bags", "2026", now), ReviewSource.Origin.household("HH-1").at(now), now);

        assertThat(reviews().resolve(open, "caseworker-3", now.plusSeconds(60), "ov-1")).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(ReviewCase.State.RESOLVED);
            assertThat(r.overrideId()).isEqualTo("ov-1");
        });
        assertThat(reviews().resolve(open, "caseworker-4", now.plusSeconds(90), "ov-2")).isEmpty();
        assertThat(reviews().ofSubject(s, "waste-bags", now).get(0).resolvedBy()).isEqualTo("caseworker-3");
    }

    @Test
    void the_worklist_pages_cases_by_state_and_time_for_one_scheme() {
        String scheme = "scheme-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            reviews().open(candidate(freshSubject(), scheme, "2026-11", now.plusSeconds(i)), invoice("INV-" + i, now), now);
        }
        ReviewCase resolvedOne = reviews().open(candidate(freshSubject(), scheme, "2026-11", now.plusSeconds(10)), invoice("INV-R", now), now);
        reviews().resolve(resolvedOne, "cw", now, "ov");

        ReviewCaseStore.Page first = reviews().list(new ReviewQuery(scheme, ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, 2, null), now);
        ReviewCaseStore.Page second = reviews().list(new ReviewQuery(scheme, ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, 2, first.cursor()), now);
        ReviewCaseStore.Page third = reviews().list(new ReviewQuery(scheme, ReviewCase.State.OPEN, ReviewQuery.Order.OLDEST, 2, second.cursor()), now);
        ReviewCaseStore.Page newestAnyState = reviews().list(new ReviewQuery(scheme, null, ReviewQuery.Order.NEWEST, 10, null), now);

        assertThat(first.cases()).extracting(c -> c.sources().get(0).ref()).containsExactly("school-17/INV-0", "school-17/INV-1");
        assertThat(second.cases()).extracting(c -> c.sources().get(0).ref()).containsExactly("school-17/INV-2", "school-17/INV-3");
        assertThat(third.cases()).extracting(c -> c.sources().get(0).ref()).containsExactly("school-17/INV-4");
        assertThat(third.cursor()).isNull();
        assertThat(newestAnyState.cases()).hasSize(6).first().extracting(ReviewCase::state).isEqualTo(ReviewCase.State.RESOLVED);
    }

    @Test
    void an_expired_case_reads_as_absent() {
        SubjectKey s = freshSubject();
        reviews().open(candidate(s, "school-discount", "2026-11", now), invoice("INV-1", now), now);

        assertThat(reviews().ofSubject(s, "school-discount", now.plus(Duration.ofDays(401)))).isEmpty();
    }

    @Test
    void an_unfulfilled_decision_is_replaced_once_and_a_fulfilled_one_never() {
        SubjectKey s = freshSubject();
        Decision first = decisions().putIfNoValidDecision(valid(s, Outcome.NOT_ENTITLED), now);
        Decision replacement = valid(s, Outcome.ENTITLED);

        assertThat(decisions().replaceUnfulfilled(replacement, first.decisionId()).decisionId()).isEqualTo(replacement.decisionId());
        assertThat(decisions().replaceUnfulfilled(valid(s, Outcome.NOT_ENTITLED), first.decisionId()).decisionId())
                .as("the expected decision is no longer there").isEqualTo(replacement.decisionId());

        decisions().recordFulfilment(s, "school-discount", "2026-11", replacement.decisionId(), new Fulfilment("V-1", now, "run"));
        assertThat(decisions().replaceUnfulfilled(valid(s, Outcome.NOT_ENTITLED), replacement.decisionId()).outcome())
                .as("a benefit handed out stays").isEqualTo(Outcome.ENTITLED);
    }

    @Test
    void after_a_key_rotation_decisions_overrides_and_cases_written_under_the_older_key_are_still_found() {
        SubjectKey old = new SubjectKey(freshSubject().value(), "k1");
        SubjectKey rotated = new SubjectKey(freshSubject().value(), "k2", List.of(old));
        Decision underOld = decisions().putIfNoValidDecision(valid(old, Outcome.ENTITLED), now);
        overrides().create(new Override(UUID.randomUUID().toString(), old, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.RECENT_MOVE,
                null, "cw", null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), now, now.plus(Duration.ofDays(400)), null));
        reviews().open(candidate(old, "school-discount", "2026-11", now), invoice("INV-1", now), now);

        assertThat(decisions().find(rotated, "school-discount", "2026-11", now)).hasValueSatisfying(d -> {
            assertThat(d.decisionId()).isEqualTo(underOld.decisionId());
            assertThat(d.subject().keyId()).isEqualTo("k1");
        });
        assertThat(decisions().history(rotated, "school-discount", now)).hasSize(1);
        assertThat(overrides().history(rotated, "school-discount", now)).hasSize(1);
        assertThat(reviews().find(rotated, "school-discount", "2026-11", now)).isPresent();
        ReviewCase added = reviews().open(candidate(rotated, "school-discount", "2026-11", now), invoice("INV-2", now), now);
        assertThat(added.subject()).as("the open case is added to where it is").isEqualTo(old);
        assertThat(reviews().ofSubject(rotated, "school-discount", now)).singleElement()
                .satisfies(c -> assertThat(c.sources()).hasSize(2));
    }

    static SubjectKey freshSubject() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return new SubjectKey("s_" + hex);
    }

    private Decision decision(SubjectKey subject, String period, Outcome outcome, Instant validUntil, Instant expiresAt) {
        return new Decision(UUID.randomUUID().toString(), subject, "school-discount", 1, period, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), outcome, outcome == Outcome.ENTITLED ? "leefloon" : null, Basis.PLATFORM, "ref-1", null,
                now, validUntil, expiresAt, null, null);
    }

    private Decision valid(SubjectKey subject, Outcome outcome) {
        return decision(subject, "2026-11", outcome, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(400)));
    }

    @Test
    void a_stored_decision_reads_back_whole() {
        SubjectKey s = freshSubject();
        Decision d = valid(s, Outcome.ENTITLED);
        decisions().putIfNoValidDecision(d, now);
        assertThat(decisions().find(s, "school-discount", "2026-11", now)).contains(d);
    }

    @Test
    void a_second_writer_gets_the_decision_already_stored() {
        SubjectKey s = freshSubject();
        Decision first = valid(s, Outcome.ENTITLED);
        decisions().putIfNoValidDecision(first, now);
        Decision kept = decisions().putIfNoValidDecision(valid(s, Outcome.NOT_ENTITLED), now);
        assertThat(kept.decisionId()).isEqualTo(first.decisionId());
    }

    @Test
    void a_decision_past_its_validity_is_replaced() {
        SubjectKey s = freshSubject();
        decisions().putIfNoValidDecision(decision(s, "2026-11", Outcome.NOT_ENTITLED, now.minusSeconds(1), now.plus(Duration.ofDays(400))), now);
        Decision fresh = valid(s, Outcome.ENTITLED);
        assertThat(decisions().putIfNoValidDecision(fresh, now).decisionId()).isEqualTo(fresh.decisionId());
    }

    @Test
    void a_decision_for_a_period_that_has_ended_is_never_replaced() {
        SubjectKey s = freshSubject();
        Decision october = new Decision("d-oct-1", s, "school-discount", 1, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                Outcome.ENTITLED, "leefloon", Basis.PLATFORM, "r", null, now.minus(Duration.ofDays(40)),
                Instant.parse("2026-10-31T23:00:00Z"), now.plus(Duration.ofDays(400)), null, null);
        decisions().putIfNoValidDecision(october, now);
        Decision again = new Decision("d-oct-2", s, "school-discount", 1, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                Outcome.NOT_ENTITLED, null, Basis.PLATFORM, "r2", null, now, Instant.parse("2026-10-31T23:00:00Z"), now.plus(Duration.ofDays(400)), null, null);
        assertThat(decisions().putIfNoValidDecision(again, now).decisionId()).isEqualTo("d-oct-1");
    }

    @Test
    void an_item_past_its_retention_reads_as_absent_even_before_ttl_deletes_it() {
        SubjectKey s = freshSubject();
        decisions().putIfNoValidDecision(decision(s, "2026-11", Outcome.ENTITLED, now.plusSeconds(60), now.plusSeconds(30)), now);
        Instant later = now.plusSeconds(31);
        assertThat(decisions().find(s, "school-discount", "2026-11", later)).isEmpty();
        assertThat(decisions().history(s, "school-discount", later)).isEmpty();
    }

    @Test
    void fulfilment_is_recorded_exactly_once() {
        SubjectKey s = freshSubject();
        String id = decisions().putIfNoValidDecision(valid(s, Outcome.ENTITLED), now).decisionId();
        Fulfilment first = new Fulfilment("VOUCHER-A", now, "run-1");
        assertThat(decisions().recordFulfilment(s, "school-discount", "2026-11", id, first)).isEqualTo(new DecisionStore.FulfilmentResult(true, first));
        DecisionStore.FulfilmentResult again = decisions().recordFulfilment(s, "school-discount", "2026-11", id, new Fulfilment("VOUCHER-B", now, "run-2"));
        assertThat(again.recordedNow()).isFalse();
        assertThat(again.fulfilment()).isEqualTo(first);
        assertThat(decisions().find(s, "school-discount", "2026-11", now).orElseThrow().fulfilment()).isEqualTo(first);
    }

    @Test
    void a_fulfilled_decision_is_never_replaced_even_when_past_validity() {
        SubjectKey s = freshSubject();
        String id = decisions().putIfNoValidDecision(decision(s, "2026-11", Outcome.ENTITLED, now.plusSeconds(5), now.plus(Duration.ofDays(400))), now).decisionId();
        decisions().recordFulfilment(s, "school-discount", "2026-11", id, new Fulfilment("VOUCHER-A", now, "run-1"));
        Instant later = now.plusSeconds(10);
        Decision kept = decisions().putIfNoValidDecision(valid(s, Outcome.NOT_ENTITLED), later);
        assertThat(kept.fulfilment().reference()).isEqualTo("VOUCHER-A");
    }

    @Test
    void fulfilment_without_a_decision_is_refused() {
        assertThatThrownBy(() -> decisions().recordFulfilment(freshSubject(), "school-discount", "2026-11", "d-1", new Fulfilment("X", now, "r")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fulfilment_of_a_decision_replaced_meanwhile_is_refused() {
        SubjectKey s = freshSubject();
        Decision first = decisions().putIfNoValidDecision(valid(s, Outcome.ENTITLED), now);
        decisions().replaceUnfulfilled(valid(s, Outcome.NOT_ENTITLED), first.decisionId());

        assertThatThrownBy(() -> decisions().recordFulfilment(s, "school-discount", "2026-11", first.decisionId(), new Fulfilment("X", now, "r")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("replaced meanwhile");
        assertThat(decisions().find(s, "school-discount", "2026-11", now).orElseThrow().fulfilment()).isNull();
    }

    @Test
    void a_fulfilment_recorded_before_sends_were_tracked_counts_as_sent() {
        SubjectKey s = freshSubject();
        DecisionItem legacy = DynamoDecisionStore.toItem(valid(s, Outcome.ENTITLED).withFulfilment(new Fulfilment("V-OLD", now, "yearly")));
        legacy.setFulfilmentSendTracked(null);
        legacy.setFulfilmentSentAt(null);
        DynamoDbEnhancedClient.builder().dynamoDbClient(backend().dynamoDb()).build()
                .table(backend().resources().table("DecisionsTable"), DecisionItem.SCHEMA).putItem(legacy);

        assertThat(decisions().find(s, "school-discount", "2026-11", now).orElseThrow().fulfilment().sent()).isTrue();
    }

    @Test
    void history_lists_one_scheme_newest_first() {
        SubjectKey s = freshSubject();
        Decision october = new Decision("d-oct", s, "school-discount", 1, "2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                Outcome.NOT_ENTITLED, null, Basis.PLATFORM, "r", null, now.minus(Duration.ofDays(30)), now.plusSeconds(99), now.plus(Duration.ofDays(99)), null, null);
        Decision november = valid(s, Outcome.ENTITLED);
        decisions().putIfNoValidDecision(october, now);
        decisions().putIfNoValidDecision(november, now);
        Decision otherScheme = new Decision("d-w", s, "waste-bags", 1, "2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                Outcome.NOT_ENTITLED, null, Basis.PLATFORM, "r", null, now, now.plusSeconds(99), now.plus(Duration.ofDays(99)), null, null);
        decisions().putIfNoValidDecision(otherScheme, now);
        assertThat(decisions().history(s, "school-discount", now)).extracting(Decision::decisionId)
                .containsExactly(november.decisionId(), "d-oct");
    }

    private Override override(SubjectKey s, Instant createdAt) {
        return new Override(UUID.randomUUID().toString(), s, "school-discount", Outcome.ENTITLED, "leefloon", ReasonCode.CO_PARENTING,
                "week-about with the father", "caseworker-1", "proactief-console", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), createdAt,
                now.plus(Duration.ofDays(800)), null);
    }

    @Test
    void overrides_read_back_newest_first() {
        SubjectKey s = freshSubject();
        Override older = override(s, now.minusSeconds(60));
        Override newer = override(s, now);
        overrides().create(older);
        overrides().create(newer);
        assertThat(overrides().history(s, "school-discount", now)).containsExactly(newer, older);
        assertThat(overrides().findById(older.overrideId(), now)).contains(older);
    }

    @Test
    void an_override_is_revoked_once_and_keeps_who_and_when() {
        SubjectKey s = freshSubject();
        Override o = override(s, now);
        overrides().create(o);
        Override.Revocation r = new Override.Revocation("caseworker-2", now.plusSeconds(5), "wrong household");
        assertThat(overrides().revoke(o.overrideId(), r, now)).isEqualTo(OverrideStore.RevokeResult.REVOKED);
        assertThat(overrides().revoke(o.overrideId(), r, now)).isEqualTo(OverrideStore.RevokeResult.ALREADY_REVOKED);
        Override stored = overrides().findById(o.overrideId(), now).orElseThrow();
        assertThat(stored.revocation()).isEqualTo(r);
        assertThat(stored.note()).isEqualTo(o.note());
    }

    @Test
    void revoking_an_unknown_override_says_not_found() {
        assertThat(overrides().revoke("no-such-override", new Override.Revocation("c", now, "r"), now)).isEqualTo(OverrideStore.RevokeResult.NOT_FOUND);
    }

    @Test
    void the_same_override_cannot_be_created_twice() {
        Override o = override(freshSubject(), now);
        overrides().create(o);
        assertThatThrownBy(() -> overrides().create(o)).isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
    }
}
