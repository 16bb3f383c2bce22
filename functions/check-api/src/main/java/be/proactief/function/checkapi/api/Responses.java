package be.proactief.function.checkapi.api;

import be.proactief.core.decision.Decision;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.engine.Explanation;
import be.proactief.core.override.Override;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.scheme.Benefit;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.Tier;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The JSON bodies this API answers with: the contract city portals code against. */
final class Responses {

    private Responses() {
    }

    @Serdeable
    record PeriodView(String id, String from, String until) {
        static PeriodView of(Period p) {
            return new PeriodView(p.id(), p.from().toString(), p.until().toString());
        }
    }

    @Serdeable
    record BenefitView(String kind, String description, String descriptionEn, Integer discountPercent, List<String> appliesTo,
                       List<Long> amountsCentsByHouseholdSize, Long passPriceCents) {
        static BenefitView of(Benefit b) {
            return new BenefitView(b.kind().name(), b.descriptionNl(), b.descriptionEn(), b.discountPercent(),
                    b.appliesTo().isEmpty() ? null : b.appliesTo(),
                    b.amountsCentsByHouseholdSize().isEmpty() ? null : b.amountsCentsByHouseholdSize(), b.passPriceCents());
        }
    }

    /**
     * The answer to a check. {@code unknownReason} (UNKNOWN only): PLATFORM_UNAVAILABLE, TIMEOUT, MALFORMED_REPLY,
     * MISMATCHED_REPLY, PLATFORM_ERROR, CIRCUIT_OPEN or TOO_BUSY. {@code reviewReason}, {@code platformCodes} and
     * {@code reviewCaseId} (REVIEW only): why a caseworker must decide, the platform's codes, the case opened.
     * {@code provisional}: the status date lies after today, so the answer is a forecast, stored nowhere (no case either).
     */
    @Serdeable
    record CheckResponse(String scheme, int schemeVersion, PeriodView period, String outcome, String tier, BenefitView benefit,
                         String basis, String decidedAt, String validUntil, String decisionId, String explanation,
                         String explanationEn, Long retryAfterSeconds, String unknownReason, String reviewReason,
                         List<String> platformCodes, String reviewCaseId, boolean provisional) {
        static CheckResponse of(DecisionResult r, String now) {
            Explanation e = Explanation.of(r);
            Decision d = r.decision();
            Tier tier = r.tier().orElse(null);
            ReviewCase c = r.reviewCase();
            return new CheckResponse(r.scheme().id(), r.scheme().version(), PeriodView.of(r.period()), r.outcome().name(),
                    tier == null ? null : tier.id(), tier == null ? null : BenefitView.of(tier.benefit()),
                    d == null ? null : d.basis().name(), d == null ? now : d.decidedAt().toString(),
                    d == null ? null : d.validUntil().toString(), d == null || r.provisional() ? null : d.decisionId(), e.nl(), e.en(),
                    r.retryAfter() == null ? null : Math.max(1, r.retryAfter().toSeconds()), r.unknownReason(),
                    r.reviewReason() == null ? null : r.reviewReason().name(), r.reviewReason() == null ? null : r.platformCodes(),
                    c == null ? null : c.caseId(), r.provisional());
        }
    }

    @Serdeable
    record ReviewSourceView(String type, String ref, String at) {
    }

    /** A review case as caseworkers see it: pseudonymous, never an INSZ. */
    @Serdeable
    record ReviewCaseView(String caseId, String scheme, PeriodView period, String reason, List<String> platformCodes,
                          List<ReviewSourceView> sources, String openedAt, String state, String resolvedBy, String resolvedAt,
                          String overrideId) {
        static ReviewCaseView of(ReviewCase c) {
            return new ReviewCaseView(c.caseId(), c.scheme(), new PeriodView(c.periodId(), c.periodFrom().toString(), c.periodUntil().toString()),
                    c.reason().name(), c.platformCodes(),
                    c.sources().stream().map(s -> new ReviewSourceView(s.type().name(), s.ref(), s.at().toString())).toList(),
                    c.openedAt().toString(), c.state().name(), c.resolvedBy(), c.resolvedAt() == null ? null : c.resolvedAt().toString(),
                    c.overrideId());
        }
    }

    @Serdeable
    record ReviewSearchView(List<ReviewCaseView> cases, String cursor) {
    }

    @Serdeable
    record RevocationView(String by, String at, String reason) {
    }

    @Serdeable
    record OverrideView(String overrideId, String scheme, String outcome, String tier, String reasonCode, String note, String author,
                        String authorApplication, String validFrom, String validUntil, String createdAt, boolean revoked, RevocationView revocation) {
        static OverrideView of(Override o) {
            return new OverrideView(o.overrideId(), o.scheme(), o.outcome().name(), o.tier(), o.reasonCode().name(), o.note(), o.author(),
                    o.authorApplication(),
                    o.validFrom().toString(), o.validUntil().toString(), o.createdAt().toString(), o.revoked(),
                    o.revocation() == null ? null : new RevocationView(o.revocation().by(), o.revocation().at().toString(), o.revocation().reason()));
        }
    }

    @Serdeable
    record FulfilmentView(String reference, String at) {
    }

    @Serdeable
    record DecisionView(String decisionId, String scheme, int schemeVersion, PeriodView period, String outcome, String tier, String basis,
                        String platformReference, String decidedAt, String validUntil, FulfilmentView fulfilment,
                        List<String> platformWarnings) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.decisionId(), d.scheme(), d.schemeVersion(),
                    new PeriodView(d.periodId(), d.periodFrom() == null ? null : d.periodFrom().toString(),
                            d.periodUntil() == null ? null : d.periodUntil().toString()), d.outcome().name(), d.tier(),
                    d.basis().name(), d.platformReference(), d.decidedAt().toString(), d.validUntil().toString(),
                    d.fulfilment() == null ? null : new FulfilmentView(d.fulfilment().reference(), d.fulfilment().at().toString()),
                    d.platformWarnings());
        }
    }

    @Serdeable
    record TierView(String id, List<String> statuses, String ground, String groundEn, BenefitView benefit) {
    }

    @Serdeable
    record VersionView(int version, String validFrom, List<TierView> tiers) {
    }

    @Serdeable
    record SchemeView(String id, int version, String name, String nameEn, String periodKind, String statusDate, List<TierView> tiers,
                      List<Integer> olderVersions, List<VersionView> versions) {
        static SchemeView of(SchemeVersion s, List<Integer> older, List<SchemeVersion> all) {
            return new SchemeView(s.id(), s.version(), s.nameNl(), s.nameEn(), s.period().kind().name(), s.period().statusDate().name(),
                    tiers(s), older, all.stream().map(v -> new VersionView(v.version(), v.validFromLabel(), tiers(v))).toList());
        }

        private static List<TierView> tiers(SchemeVersion s) {
            return s.tiers().stream().map(t -> new TierView(t.id(), t.statuses(), t.groundNl(), t.groundEn(), BenefitView.of(t.benefit()))).toList();
        }
    }

    @Serdeable
    record SchemeCatalogView(List<SchemeView> schemes) {
    }
}
