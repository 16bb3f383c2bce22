package be.proactief.core.override;

import be.proactief.core.audit.AuditEvent;
import be.proactief.core.audit.AuditLog;
import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.review.ReviewService;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.SchemeVersion;
import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.subject.SubjectKeys;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Caseworkers record, look up and revoke overrides. Every change is audited, without the INSZ. */
public final class OverrideService {

    /** An override holds at most this many months ahead of today. */
    public static final int MAX_MONTHS_AHEAD = 12;
    /** An override starts at most this many months back. */
    public static final int MAX_MONTHS_BACK = 13;

    private final SchemeCatalog catalog;
    private final SubjectKeys keys;
    private final OverrideStore store;
    private final ReviewService reviews;
    private final AuditLog audit;
    private final Clock clock;

    public OverrideService(SchemeCatalog catalog, SubjectKeys keys, OverrideStore store, ReviewService reviews, AuditLog audit, Clock clock) {
        this.catalog = catalog;
        this.keys = keys;
        this.store = store;
        this.reviews = reviews;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewOverride(Insz insz, String scheme, Outcome outcome, String tier, ReasonCode reasonCode, String note,
                              LocalDate validFrom, LocalDate validUntil, be.proactief.core.audit.Actor author) {
    }

    /** Thrown for a request that breaks a rule; {@code field} names the request field. */
    public static final class InvalidOverrideException extends be.proactief.core.messaging.InvalidFieldException {
        public InvalidOverrideException(String field, String message) {
            super(field, message);
        }
    }

    public Override create(NewOverride request) {
        SchemeVersion scheme = catalog.current(request.scheme()).orElseThrow(() -> new UnknownSchemeException(request.scheme(), catalog.ids()));
        LocalDate today = LocalDate.now(clock.withZone(Period.ZONE));
        LocalDate validFrom = request.validFrom() != null ? request.validFrom() : today;
        if (request.validUntil() == null) throw new InvalidOverrideException("validUntil", "validUntil is required");
        if (validFrom.isBefore(today.minusMonths(MAX_MONTHS_BACK))) {
            throw new InvalidOverrideException("validFrom", "validFrom may be at most " + MAX_MONTHS_BACK + " months back (" + today.minusMonths(MAX_MONTHS_BACK) + ")");
        }
        if (!request.validUntil().isAfter(validFrom)) throw new InvalidOverrideException("validUntil", "validUntil must be after validFrom");
        if (request.validUntil().isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            throw new InvalidOverrideException("validUntil", "validUntil may be at most " + MAX_MONTHS_AHEAD + " months ahead (" + today.plusMonths(MAX_MONTHS_AHEAD) + ")");
        }
        if (request.outcome() == null || !request.outcome().decides()) {
            throw new InvalidOverrideException("outcome", "outcome must be ENTITLED or NOT_ENTITLED");
        }
        String tier = request.tier();
        if (request.outcome() == Outcome.ENTITLED) {
            if (tier == null) {
                if (scheme.tiers().size() > 1) throw new InvalidOverrideException("tier", "tier is required for ENTITLED; one of " + tierIds(scheme));
                tier = scheme.tiers().get(0).id();
            } else if (scheme.tier(tier).isEmpty()) {
                throw new InvalidOverrideException("tier", "unknown tier " + Insz.quoteMasked(tier) + " for scheme " + scheme.id() + "; one of " + tierIds(scheme));
            }
            // every version governing a period the override covers must know the tier, or that period could not be stated
            for (SchemeVersion v : governingDuring(scheme, validFrom, request.validUntil())) {
                if (v.tier(tier).isEmpty()) {
                    throw new InvalidOverrideException("tier", "tier " + Insz.quoteMasked(tier) + " is not in version " + v.version() + " of scheme "
                            + scheme.id() + ", which governs part of the override's validity; one of " + tierIds(v));
                }
            }
        } else if (tier != null) {
            throw new InvalidOverrideException("tier", "a NOT_ENTITLED override has no tier");
        }
        if (request.reasonCode() == null) throw new InvalidOverrideException("reasonCode", "reasonCode is required");
        if (request.note() != null && request.note().length() > Override.MAX_NOTE_LENGTH) {
            throw new InvalidOverrideException("note", "note may have at most " + Override.MAX_NOTE_LENGTH + " characters");
        }
        refuseInsz("note", request.note());
        Instant now = clock.instant();
        Instant expiresAt = request.validUntil().plusDays(1).atStartOfDay(Period.ZONE).plus(scheme.retention()).toInstant();
        Override override = new Override(UUID.randomUUID().toString(), keys.person(scheme.id(), request.insz()), scheme.id(),
                request.outcome(), tier, request.reasonCode(), request.note(), request.author().person(), request.author().application(),
                validFrom, request.validUntil(), now, expiresAt, null);
        store.create(override);
        audit.record(new AuditEvent(now, "OVERRIDE_CREATED", null, scheme.id(), scheme.version(), null,
                override.outcome().name(), tier, "OVERRIDE", null, null, override.overrideId(), request.reasonCode().name())
                .by(request.author()).about(override.subject()));
        reviews.resolveBy(override);
        return override;
    }

    /**
     * The overrides of one resident, for one scheme or all, revoked ones included, newest first. Audited per scheme
     * searched: who, why, and the resident's pseudonym.
     */
    public List<Override> search(Insz insz, String schemeOrNull, be.proactief.core.audit.Actor by, be.proactief.core.audit.Purpose why) {
        List<String> schemes;
        if (schemeOrNull != null) {
            if (catalog.current(schemeOrNull).isEmpty()) throw new UnknownSchemeException(schemeOrNull, catalog.ids());
            schemes = List.of(schemeOrNull);
        } else {
            schemes = catalog.ids();
        }
        Instant now = clock.instant();
        List<Override> all = new ArrayList<>();
        for (String scheme : schemes) {
            SubjectKey subject = keys.person(scheme, insz);
            List<Override> found = store.history(subject, scheme, now);
            all.addAll(found);
            audit.record(new AuditEvent(now, "OVERRIDES_SEARCHED", null, scheme, 0, null, null, null, null, null, null, null,
                    found.size() + " overrides").by(by).because(why).about(subject));
        }
        all.sort(Comparator.comparing(Override::createdAt).reversed());
        return all;
    }

    public OverrideStore.RevokeResult revoke(String overrideId, be.proactief.core.audit.Actor by, String reason) {
        refuseInsz("reason", reason);
        if (!issuedHere(overrideId)) return OverrideStore.RevokeResult.NOT_FOUND; // never sent to the store, whatever its length
        Instant now = clock.instant();
        OverrideStore.RevokeResult result = store.revoke(overrideId, new Override.Revocation(by.person(), now, reason), now);
        if (result == OverrideStore.RevokeResult.REVOKED) {
            store.findById(overrideId, now).ifPresent(o -> audit.record(new AuditEvent(now, "OVERRIDE_REVOKED", null, o.scheme(), 0, null,
                    o.outcome().name(), o.tier(), "OVERRIDE", null, null, overrideId, reason).by(by).about(o.subject())));
        }
        return result;
    }

    /** Override ids are the UUIDs {@link #create} gives, in their canonical form. */
    private static boolean issuedHere(String overrideId) {
        if (overrideId == null || overrideId.length() != 36) return false;
        try {
            return UUID.fromString(overrideId).toString().equals(overrideId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Free text is stored and audited as typed: it must not hold a national number (the override already names its resident). */
    private static void refuseInsz(String field, String text) {
        if (Insz.foundIn(text)) {
            throw new InvalidOverrideException(field, field + " may not contain a national number (INSZ); the override is already linked to its resident");
        }
    }

    /** The versions that govern the periods sharing a day with [from, until]. */
    private List<SchemeVersion> governingDuring(SchemeVersion latest, LocalDate from, LocalDate until) {
        List<SchemeVersion> found = new ArrayList<>();
        found.add(catalog.governing(latest.id(), latest.periodContaining(from)));
        for (SchemeVersion v : catalog.versions(latest.id())) {
            if (v.validFrom() != null && v.validFrom().isAfter(from) && !v.validFrom().isAfter(until) && !found.contains(v)) found.add(v);
        }
        return found;
    }

    private static String tierIds(SchemeVersion scheme) {
        return String.join(", ", scheme.tiers().stream().map(t -> t.id()).toList());
    }
}
