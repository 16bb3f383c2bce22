package be.proactief.core.review;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;
import be.proactief.core.insz.Insz;
import be.proactief.core.messaging.MessagePublisher;
import be.proactief.core.override.Override;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The caseworkers' side of review cases: the worklist (by time, or one resident's cases), and the
 * resolution of a case by an override, announced on {@code review-resolutions}. Audited, without the INSZ.
 */
public final class ReviewService {

    private final SchemeCatalog catalog;
    private final SubjectKeys keys;
    private final ReviewCaseStore store;
    private final MessagePublisher resolutions;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewService(SchemeCatalog catalog, SubjectKeys keys, ReviewCaseStore store, MessagePublisher resolutions,
                         AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.keys = keys;
        this.store = store;
        this.resolutions = resolutions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The cases matching {@code query}; with {@code insz}, only that resident's (for the scheme asked, or every scheme).
     *
     * @throws UnknownSchemeException for a scheme the catalog does not have
     */
    public ReviewCaseStore.Page search(Insz insz, ReviewQuery query, be.proactief.core.audit.Actor by, be.proactief.core.audit.Purpose why) {
        if (query.scheme() != null && catalog.current(query.scheme()).isEmpty()) {
            throw new UnknownSchemeException(query.scheme(), catalog.ids());
        }
        Instant now = clock.instant();
        ReviewCaseStore.Page page;
        if (insz != null) {
            List<ReviewCase> found = new ArrayList<>();
            for (String scheme : query.scheme() != null ? List.of(query.scheme()) : catalog.ids()) {
                SubjectKey subject = keys.person(scheme, insz);
                List<ReviewCase> ofScheme = store.ofSubject(subject, scheme, now).stream().filter(query::matches).toList();
                found.addAll(ofScheme);
                audit.record(new AuditEvent(now, "REVIEWS_SEARCHED", null, scheme, 0, null, null, null, null, null, null, null,
                        ofScheme.size() + " cases of one resident" + (query.state() != null ? " " + query.state() : "")).by(by).because(why).about(subject));
            }
            return query.page(found);
        }
        page = store.list(query, now);
        audit.record(new AuditEvent(now, "REVIEWS_SEARCHED", null, query.scheme(), 0, null, null, null, null, null, null, null,
                page.cases().size() + " cases" + (query.state() != null ? " " + query.state() : "")).by(by).because(why));
        return page;
    }

    /**
     * A caseworker's override resolves the open cases of its subject and scheme whose period it covers
     * (any outcome), and each resolution is announced on {@code review-resolutions}: announced first, then
     * resolved, so a failed announcement leaves the case open (the request fails and is tried again) instead of
     * resolved and never announced; billing recognises a repeat by the case id.
     *
     * @return the cases resolved now
     */
    public List<ReviewCase> resolveBy(Override override) {
        Instant now = clock.instant();
        List<ReviewCase> resolved = new ArrayList<>();
        for (ReviewCase c : store.ofSubject(override.subject(), override.scheme(), now)) {
            if (!c.open() || !c.periodOverlaps(override.validFrom(), override.validUntil())) continue;
            resolutions.publish(ReviewResolution.toJson(c.resolved(override.author(), now, override.overrideId()),
                    override.outcome().name(), override.tier()), c.caseId());
            store.resolve(c, override.author(), now, override.overrideId()).ifPresent(r -> {
                audit.record(new AuditEvent(now, "REVIEW_RESOLVED", null, r.scheme(), 0, r.periodId(),
                        override.outcome().name(), override.tier(), "OVERRIDE", null, null, override.overrideId(), "review case " + r.caseId())
                        .by(override.authorActor()).about(override.subject()));
                resolved.add(r);
            });
        }
        return resolved;
    }
}
