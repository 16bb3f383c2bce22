package be.proactief.core.testing;

import be.proactief.core.review.ReviewService;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.override.OverrideService;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKeys;

import java.nio.charset.StandardCharsets;

/** The engine wired to in-memory fakes of every port, on 28 November 2026 in Brussels. */
public final class CoreFixture {
    public final SchemeCatalog catalog = SchemeCatalog.loadDefaults(k -> null);
    public final SubjectKeys keys = SubjectKeys.forDevelopment("core-test-development-key-32-bytes!".getBytes(StandardCharsets.UTF_8), catalog.ids());
    public final InMemoryDecisionStore decisions = new InMemoryDecisionStore();
    public final InMemoryOverrideStore overrides = new InMemoryOverrideStore();
    public final ScriptedPlatform platform = new ScriptedPlatform();
    public final RecordingAuditLog audit = new RecordingAuditLog();
    public final MutableClock clock = MutableClock.atBrussels(2026, 11, 28, 10, 0);
    public final InMemoryReviewCaseStore reviews = new InMemoryReviewCaseStore();
    public final RecordingPublisher resolutions = new RecordingPublisher();
    public final EntitlementEngine engine = new EntitlementEngine(catalog, keys, decisions, overrides, reviews, platform, audit, clock);
    public final ReviewService reviewService = new ReviewService(catalog, keys, reviews, resolutions, audit, clock);
    public final OverrideService overrideService = new OverrideService(catalog, keys, overrides, reviewService, audit, clock);
}
