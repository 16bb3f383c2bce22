package be.proactief.function.checkapi;

import be.proactief.aws.sqs.SqsMessagePublisher;
import be.proactief.aws.wiring.Settings;
import be.proactief.core.audit.AuditLog;
import be.proactief.core.override.OverrideService;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewService;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKeys;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** The caseworkers' use cases, which only check-api serves: overrides, and the review cases they resolve. */
@Factory
public class CheckApiFactory {

    /** The {@code review-resolutions} queue's URL (SAM: {@code !Ref ReviewResolutionsQueue}). */
    public static final String REVIEW_RESOLUTIONS_QUEUE_URL = "PROACTIEF_REVIEW_RESOLUTIONS_QUEUE_URL";

    @Singleton
    ReviewService reviewService(SchemeCatalog catalog, SubjectKeys keys, ReviewCaseStore store, SqsClient sqs, Settings settings,
                                AuditLog audit, Clock clock) {
        String url = settings.get(REVIEW_RESOLUTIONS_QUEUE_URL)
                .orElseThrow(() -> new IllegalStateException(REVIEW_RESOLUTIONS_QUEUE_URL + " is not set (the review-resolutions queue URL)"));
        return new ReviewService(catalog, keys, store, new SqsMessagePublisher(sqs, url), audit, clock);
    }

    @Singleton
    OverrideService overrideService(SchemeCatalog catalog, SubjectKeys keys, OverrideStore overrides, ReviewService reviews,
                                    AuditLog audit, Clock clock) {
        return new OverrideService(catalog, keys, overrides, reviews, audit, clock);
    }
}
