package be.proactief.core.engine;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;
import be.proactief.core.platform.PlatformRegistration;
import be.proactief.core.decision.Basis;
import be.proactief.core.decision.Decision;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.Override;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.platform.PlatformCannotDecideException;
import be.proactief.core.platform.PlatformUnavailableException;
import be.proactief.core.platform.SocialStatusSource;
import be.proactief.core.platform.StatusAnswer;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewReason;
import be.proactief.core.review.ReviewSource;
import be.proactief.core.scheme.Consultation;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.StatusDate;
import be.proactief.core.scheme.Tier;
import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides one resident's entitlement to one scheme for one period.
 *
 * <p>Precedence: an active caseworker override, else a stored decision still valid, else the
 * platform (whose answer is then stored). The platform is asked tier by tier, most generous
 * first, stopping at the first yes, so it is asked no more than needed; or, where the scheme file
 * says {@code consultation: ONE_QUESTION}, in one question whose most generous yes wins. When the platform
 * cannot answer, the outcome is UNKNOWN and nothing is stored: UNKNOWN is never a refusal. When it
 * answers, but not the question (no data, a person-level status, an unusable number, a status that
 * applies in periods missing the status date), the outcome is REVIEW: nothing is stored as a
 * decision, and a review case is opened (or added to) for a caseworker. Only an answer, for the
 * person asked and every status asked, becomes NOT_ENTITLED.
 */
public final class EntitlementEngine {

    private final SchemeCatalog catalog;
    private final SubjectKeys keys;
    private final DecisionStore decisions;
    private final OverrideStore overrides;
    private final ReviewCaseStore reviews;
    private final SocialStatusSource platform;
    private final AuditLog audit;
    private final Clock clock;
    /** The consultations under way in this instance, by subject, scheme, version and period (single flight). */
    private final java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<DecisionResult>> consulting = new java.util.concurrent.ConcurrentHashMap<>();

    public EntitlementEngine(SchemeCatalog catalog, SubjectKeys keys, DecisionStore decisions, OverrideStore overrides,
                             ReviewCaseStore reviews, SocialStatusSource platform, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.keys = keys;
        this.decisions = decisions;
        this.overrides = overrides;
        this.reviews = reviews;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Europe/Brussels. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Period.ZONE));
    }

    /** Whether {@code period}'s status date lies after today: the platform can only forecast it, so nothing about it is stored. */
    public boolean inTheFuture(Period period) {
        return period.inTheFutureOn(today());
    }

    public SchemeVersion scheme(String schemeId) {
        return catalog.current(schemeId).orElseThrow(() -> new UnknownSchemeException(schemeId, catalog.ids()));
    }

    public DecisionResult decide(DecisionRequest request) {
        SchemeVersion latest = scheme(request.scheme());
        LocalDate date = request.date() != null ? request.date() : today();
        Period period = request.periodId() != null ? latest.periodOf(request.periodId()) : latest.periodContaining(date);
        SchemeVersion scheme = catalog.governing(latest.id(), period);
        SubjectKey subject = keys.person(scheme.id(), request.insz());
        DecisionResult decided = decide(scheme, period, date, subject, request.insz(), request.origin());
        // about a status date after today, whatever decided it (an override, a forecast, no answer): provisional
        DecisionResult result = inTheFuture(period) && !decided.provisional() ? decided.asProvisional() : decided;
        audit(new be.proactief.core.audit.Actor(request.caller(), request.application()), "CHECK", result, subject);
        return result;
    }

    /**
     * Decides one household's entitlement to one scheme for one period (e.g. waste-bags: "any
     * member with the increased allowance"). The household decision is stored under the household
     * subject key ({@link SubjectKeys#household}), so a fulfilment can be recorded on it once.
     *
     * <p>Precedence: a stored household decision that has its fulfilment (a benefit handed out stays);
     * else, when a member has an active override (or the stored household decision rests on one), the
     * members decided again; else a stored household decision still valid; else the members in the order
     * given, each decided as {@link #decide} decides a resident (an active override of that member, else
     * that member's stored decision, else the platform), stopping at the first ENTITLED member. So an
     * override recorded or revoked after a run takes effect at the next run of the period: a changed
     * household decision replaces the stored one while it has no fulfilment.
     * UNKNOWN (nothing stored for the household) as soon as the platform fails for a member before
     * any member was found entitled: UNKNOWN wins over REVIEW and is retried until every member has
     * answered. REVIEW (nothing stored for the household; each such member's case names the household)
     * when a member is REVIEW and no member is ENTITLED or UNKNOWN. A NOT_ENTITLED household decision
     * holds until the earliest validity of its members' decisions. Platform calls are summed over the
     * members asked.
     *
     * @param periodId the period ({@code 2027}); null for the period containing today
     * @throws IllegalArgumentException when {@code members} is empty
     */
    public DecisionResult decideHousehold(String householdId, java.util.List<Insz> members, String schemeId, String periodId, String caller) {
        if (members == null || members.isEmpty()) throw new IllegalArgumentException("household has no members");
        SchemeVersion latest = scheme(schemeId);
        LocalDate date = today();
        Period period = periodId != null ? latest.periodOf(periodId) : latest.periodContaining(date);
        SchemeVersion scheme = catalog.governing(latest.id(), period);
        if (inTheFuture(period)) throw new IllegalArgumentException(period.inTheFutureReason(today()) + ": a household is decided from its status date on");
        SubjectKey household = keys.household(scheme.id(), householdId);
        String who = caller == null ? "unknown" : caller;
        Instant now = clock.instant();

        // a decision whose benefit was handed out is kept whatever its validity: found under any key of the ring, it is
        // never decided again beside itself (which, after a rotation, would write a second one under the new key)
        Optional<Decision> stored = decisions.find(household, scheme.id(), period.id(), now).filter(d -> d.fulfilment() != null || d.holdsAt(now));
        if (stored.isPresent() && (stored.get().fulfilment() != null
                || (stored.get().basis() == Basis.PLATFORM && stored.get().schemeVersion() == scheme.version()
                && members.stream().noneMatch(m -> activeOverride(scheme, period, date, keys.person(scheme.id(), m), now).isPresent())))) {
            DecisionResult reused = DecisionResult.decided(versionOf(stored.get(), scheme), period, stored.get(), 0, true);
            audit(who, "HOUSEHOLD_CHECK", reused, household);
            return reused;
        }

        ReviewSource.Origin origin = ReviewSource.Origin.household(householdId);
        int calls = 0;
        Decision deciding = null;
        DecisionResult review = null;
        Instant validUntil = null;
        for (Insz member : members) {
            SubjectKey memberKey = keys.person(scheme.id(), member);
            DecisionResult r = decide(scheme, period, date, memberKey, member, origin);
            calls += r.platformCalls();
            audit(who, "HOUSEHOLD_MEMBER_CHECK", r, memberKey);
            if (r.outcome() == Outcome.UNKNOWN) {
                DecisionResult unknown = DecisionResult.unknown(scheme, period, r.retryAfter(), r.unknownReason(), r.unknownDetail(), calls);
                audit(who, "HOUSEHOLD_CHECK", unknown, household);
                return unknown;
            }
            if (r.outcome() == Outcome.REVIEW) {
                if (review == null) review = r;
                continue;
            }
            if (r.outcome() == Outcome.ENTITLED) {
                deciding = r.decision();
                validUntil = deciding.validUntil();
                break;
            }
            deciding = r.decision();
            validUntil = validUntil == null || r.decision().validUntil().isBefore(validUntil) ? r.decision().validUntil() : validUntil;
        }
        if (review != null && (deciding == null || deciding.outcome() != Outcome.ENTITLED)) {
            DecisionResult result = DecisionResult.review(scheme, period, review.reviewCase(), calls);
            audit(who, "HOUSEHOLD_CHECK", result, household);
            return result;
        }
        if (stored.isPresent() && stored.get().schemeVersion() == scheme.version() && sameDecision(stored.get(), deciding)) {
            DecisionResult reused = DecisionResult.decided(scheme, period, stored.get(), calls, true);
            audit(who, "HOUSEHOLD_CHECK", reused, household);
            return reused;
        }
        // a replacement stays where the stored decision is (under an older secret of the key ring, maybe)
        Decision decision = new Decision(UUID.randomUUID().toString(), stored.map(Decision::subject).orElse(household), scheme.id(),
                scheme.version(), period.id(), period.from(), period.until(), deciding.outcome(), deciding.tier(), deciding.basis(), deciding.platformReference(),
                deciding.overrideId(), now, validUntil, retentionEnd(scheme, period), null, deciding.platformWarnings());
        Decision kept = stored.isPresent() ? decisions.replaceUnfulfilled(decision, stored.get().decisionId())
                : decisions.putIfNoValidDecision(decision, now);
        DecisionResult result = DecisionResult.decided(scheme, period, kept, calls, !kept.decisionId().equals(decision.decisionId()));
        audit(who, "HOUSEHOLD_CHECK", result, household);
        return result;
    }

    /** The review case of one resident, scheme and period, if one was opened (any state). */
    public Optional<ReviewCase> reviewCase(Insz insz, String schemeId, String periodId) {
        SchemeVersion scheme = scheme(schemeId);
        return reviews.find(keys.person(scheme.id(), insz), scheme.id(), periodId, clock.instant());
    }

    /** The version a stored decision was made under (the one given, should the catalog no longer hold it). */
    private SchemeVersion versionOf(Decision d, SchemeVersion fallback) {
        return catalog.version(d.scheme(), d.schemeVersion()).orElse(fallback);
    }

    /** Whether a household decision says what {@code deciding} (a member's) says: outcome, tier, basis and override. */
    private static boolean sameDecision(Decision household, Decision deciding) {
        return household.outcome() == deciding.outcome() && java.util.Objects.equals(household.tier(), deciding.tier())
                && household.basis() == deciding.basis() && java.util.Objects.equals(household.overrideId(), deciding.overrideId());
    }

    /** The stored decisions of one resident for one scheme, newest first (for caseworkers). */
    public java.util.List<Decision> history(Insz insz, String schemeId, be.proactief.core.audit.Actor by, be.proactief.core.audit.Purpose why) {
        SchemeVersion scheme = scheme(schemeId);
        SubjectKey subject = keys.person(scheme.id(), insz);
        java.util.List<Decision> found = decisions.history(subject, scheme.id(), clock.instant());
        audit.record(new AuditEvent(clock.instant(), "DECISIONS_SEARCHED", null, scheme.id(), scheme.version(), null,
                null, null, null, null, null, null, found.size() + " decisions").by(by).because(why).about(subject));
        return found;
    }

    private DecisionResult decide(SchemeVersion scheme, Period period, LocalDate date, SubjectKey subject, Insz insz,
                                  ReviewSource.Origin origin) {
        Instant now = clock.instant();

        Optional<Override> override = activeOverride(scheme, period, date, subject, now);
        if (override.isPresent()) {
            return DecisionResult.decided(scheme, period, fromOverride(scheme, period, override.get(), now), 0, false);
        }

        // a status date after today: the platform can only forecast; asked, and stored nowhere
        boolean provisional = inTheFuture(period);
        Optional<Decision> stored = provisional ? Optional.empty()
                : decisions.find(subject, scheme.id(), period.id(), now).filter(d -> d.fulfilment() != null || d.holdsAt(now));
        if (stored.isPresent() && (stored.get().schemeVersion() == scheme.version() || stored.get().fulfilment() != null)) {
            return DecisionResult.decided(versionOf(stored.get(), scheme), period, stored.get(), 0, true);
        }
        // else: none, or made under another version than the one governing its period: decided again (re-evaluation)

        // single flight: concurrent decisions for the same subject, scheme, version and period share one consultation
        String flight = subject.value() + "|" + scheme.id() + "|" + scheme.version() + "|" + period.id() + "|" + period.statusDate();
        CompletableFuture<DecisionResult> mine = new CompletableFuture<>();
        CompletableFuture<DecisionResult> theirs = consulting.putIfAbsent(flight, mine);
        if (theirs != null) return sharedWith(theirs, scheme, period, subject, origin, now);
        try {
            // a consultation that ended between the look in the store above and this flight has stored its answer: use it
            Optional<Decision> meanwhile = provisional ? Optional.empty()
                    : decisions.find(subject, scheme.id(), period.id(), now).filter(d -> d.schemeVersion() == scheme.version() && d.holdsAt(now))
                    .filter(d -> stored.isEmpty() || !d.decisionId().equals(stored.get().decisionId()));
            DecisionResult result = meanwhile.isPresent() ? DecisionResult.decided(scheme, period, meanwhile.get(), 0, true)
                    : consult(scheme, period, subject, insz, origin, stored, provisional, now);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            consulting.remove(flight, mine);
        }
    }

    /** What a decision that waited for another's consultation concludes: the same, without a platform call of its own. */
    private DecisionResult sharedWith(CompletableFuture<DecisionResult> theirs, SchemeVersion scheme, Period period, SubjectKey subject,
                                      ReviewSource.Origin origin, Instant now) {
        DecisionResult shared;
        try {
            shared = theirs.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
        return switch (shared.outcome()) {
            case UNKNOWN -> DecisionResult.unknown(scheme, period, shared.retryAfter(), shared.unknownReason(), shared.unknownDetail(), 0);
            // this caller's source is named on the case too (another invoice of the same child)
            case REVIEW -> review(scheme, period, subject, origin, shared.reviewReason(), shared.platformCodes(), 0, now, shared.provisional());
            default -> {
                DecisionResult reused = DecisionResult.decided(shared.scheme(), period, shared.decision(), 0, true);
                yield shared.provisional() ? reused.asProvisional() : reused;
            }
        };
    }

    /** The platform consultation itself: tier by tier (or in one question), and the answer stored unless provisional. */
    private DecisionResult consult(SchemeVersion scheme, Period period, SubjectKey subject, Insz insz, ReviewSource.Origin origin,
                                   Optional<Decision> stored, boolean provisional, Instant now) {
        int calls = 0;
        Tier granted = null;
        StatusAnswer last = null;
        try {
            // one question for all tiers, or one per tier (most generous first) until a tier applies
            List<List<Tier>> questions = scheme.consultation() == Consultation.ONE_QUESTION
                    ? List.of(scheme.tiers()) : scheme.tiers().stream().map(List::of).toList();
            for (List<Tier> asked : questions) {
                calls++;
                last = platform.ask(insz, Tier.statusesOf(asked), period.statusDate(), registrationOf(scheme));
                Verdict verdict = verdict(last, asked);
                if (verdict.periodMismatch()) {
                    // a more generous tier may apply at another time: a caseworker looks before a lesser tier is granted
                    return review(scheme, period, subject, origin, ReviewReason.PLATFORM_PERIOD_MISMATCH, last.warnings(), calls, now, provisional);
                }
                if (verdict.granted() != null) {
                    granted = verdict.granted();
                    break;
                }
            }
        } catch (PlatformUnavailableException e) {
            return DecisionResult.unknown(scheme, period, e.retryAfter(), e.reason().code(), e.reason() + ": " + e.getMessage(), calls);
        } catch (PlatformCannotDecideException e) {
            return review(scheme, period, subject, origin, e.reason(), e.platformCodes(), calls, now, provisional);
        }

        Outcome outcome = granted != null ? Outcome.ENTITLED : Outcome.NOT_ENTITLED;
        Instant periodEnd = endOf(period.until());
        Instant validUntil = periodEnd;
        if (outcome == Outcome.NOT_ENTITLED && scheme.notEntitledRecheckAfter() != null) {
            Instant recheck = now.plus(scheme.notEntitledRecheckAfter());
            if (recheck.isBefore(validUntil)) validUntil = recheck;
        }
        Decision decision = new Decision(UUID.randomUUID().toString(), stored.map(Decision::subject).orElse(subject), scheme.id(),
                scheme.version(), period.id(), period.from(), period.until(), outcome, granted == null ? null : granted.id(), Basis.PLATFORM,
                last.platformReference(), null, now, validUntil, retentionEnd(scheme, period), null, last.warnings());
        if (provisional) {
            // a forecast, stored nowhere: it has no decision id anyone could look up
            Decision forecast = new Decision("provisional", decision.subject(), decision.scheme(), decision.schemeVersion(), decision.periodId(),
                    decision.periodFrom(), decision.periodUntil(), decision.outcome(), decision.tier(), decision.basis(), decision.platformReference(),
                    null, decision.decidedAt(), decision.validUntil(), null, null, decision.platformWarnings());
            return DecisionResult.decided(scheme, period, forecast, calls, false).asProvisional();
        }
        Decision kept = stored.isPresent() ? decisions.replaceUnfulfilled(decision, stored.get().decisionId())
                : decisions.putIfNoValidDecision(decision, now);
        return DecisionResult.decided(scheme, period, kept, calls, !kept.decisionId().equals(decision.decisionId()));
    }

    /** The first of {@code tiers} (in order) one of whose statuses applies, unless one before it applies only outside the status date. */
    private record Verdict(Tier granted, boolean periodMismatch) {
    }

    private static Verdict verdict(StatusAnswer answer, List<Tier> tiers) {
        for (Tier tier : tiers) {
            if (answer.anyApplies(tier.statuses())) return new Verdict(tier, false);
            if (answer.anyPeriodMismatch(tier.statuses())) return new Verdict(null, true);
        }
        return new Verdict(null, false);
    }

    /**
     * REVIEW: nothing is stored as a decision; the subject's case for this scheme and period is opened, or added to
     * (not for a provisional check: that is stored nowhere, a case included).
     */
    private DecisionResult review(SchemeVersion scheme, Period period, SubjectKey subject, ReviewSource.Origin origin,
                                  ReviewReason reason, java.util.List<String> codes, int calls, Instant now, boolean provisional) {
        if (provisional) return DecisionResult.provisionalReview(scheme, period, reason, codes, calls);
        ReviewCase candidate = new ReviewCase(UUID.randomUUID().toString(), subject, scheme.id(), period.id(), period.from(),
                period.until(), reason, codes, java.util.List.of(), now, ReviewCase.State.OPEN, null, null, null,
                retentionEnd(scheme, period));
        ReviewCase opened = reviews.open(candidate, origin.at(now), now);
        return DecisionResult.review(scheme, period, opened, calls);
    }

    /**
     * The newest override, not revoked, whose validity overlaps the decision's window: the day
     * asked for schemes decided on the request date, else the whole period.
     */
    private Optional<Override> activeOverride(SchemeVersion scheme, Period period, LocalDate date, SubjectKey subject, Instant now) {
        LocalDate from = scheme.period().statusDate() == StatusDate.REQUEST_DATE ? date : period.from();
        LocalDate until = scheme.period().statusDate() == StatusDate.REQUEST_DATE ? date : period.until();
        return overrides.history(subject, scheme.id(), now).stream()
                .filter(o -> o.activeDuring(from, until))
                .max(Comparator.comparing(Override::createdAt));
    }

    private Decision fromOverride(SchemeVersion scheme, Period period, Override o, Instant now) {
        LocalDate lastDay = o.validUntil().isBefore(period.until()) ? o.validUntil() : period.until();
        return new Decision(o.overrideId(), o.subject(), scheme.id(), scheme.version(), period.id(), period.from(), period.until(),
                o.outcome(), o.tier(), Basis.OVERRIDE, null, o.overrideId(), now, endOf(lastDay), retentionEnd(scheme, period), null, null);
    }

    static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(Period.ZONE).toInstant();
    }

    static Instant retentionEnd(SchemeVersion scheme, Period period) {
        ZonedDateTime end = period.until().plusDays(1).atStartOfDay(Period.ZONE);
        return end.plus(scheme.retention()).toInstant();
    }

    /** The scheme's own MAGDA registration, or the platform client's default. */
    private PlatformRegistration registrationOf(SchemeVersion scheme) {
        return scheme.registration() != null ? scheme.registration() : platform.defaultRegistration();
    }

    private void audit(String caller, String action, DecisionResult r, SubjectKey subject) {
        audit(be.proactief.core.audit.Actor.application(caller), action, r, subject);
    }

    private void audit(be.proactief.core.audit.Actor who, String action, DecisionResult r, SubjectKey subject) {
        Decision d = r.decision();
        audit.record(new AuditEvent(clock.instant(), action, null, r.scheme().id(), r.scheme().version(), r.period().id(),
                r.outcome().name(), d == null ? null : d.tier(), d == null ? null : d.basis().name(),
                d == null ? null : d.platformReference(), d == null ? null : d.decisionId(), d == null ? null : d.overrideId(),
                r.outcome() == Outcome.REVIEW ? (r.reviewCase() == null ? "provisional" : "review case " + r.reviewCase().caseId()) + " "
                        + r.reviewReason() + " " + r.platformCodes() : r.unknownDetail(),
                r.platformCalls() > 0 ? registrationOf(r.scheme()) : null).by(who).about(subject));
    }
}
