package be.proactief.function.checkapi;

import be.proactief.aws.lambda.LazySingletons;
import be.proactief.aws.metrics.Metrics;
import be.proactief.core.review.ReviewBacklog;
import be.proactief.core.review.ReviewCaseStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review watch (EventBridge Scheduler, hourly): counts the open review cases and how long the oldest has waited,
 * as the metrics {@code OpenReviewCases} and {@code OldestOpenReviewCaseAge} (seconds), which alarm when a case has
 * waited more than ten days. It reads the worklist's index only: no national number, no platform, no secret.
 * Handler string for SAM: {@code be.proactief.function.checkapi.ReviewWatchHandler::handleRequest}.
 */
public class ReviewWatchHandler extends MicronautRequestHandler<ReviewWatchHandler.Tick, ReviewWatchHandler.Backlog> {

    /** The schedule's input (ignored but for the time it names). */
    @Serdeable
    public record Tick(@Nullable String scheduledTime) {
    }

    /** What it found. */
    @Serdeable
    public record Backlog(long openReviewCases, @Nullable String oldestOpenedAt, long oldestWaitSeconds) {
    }

    @Inject
    ReviewCaseStore reviews;
    @Inject
    Metrics metrics;
    @Inject
    Clock clock;

    public ReviewWatchHandler() {
        super();
    }

    public ReviewWatchHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /** Builds only what this handler injects: it gets none of check-api's settings (template.yaml). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazySingletons.lambdaContextBuilder();
    }

    @Override
    public Backlog execute(Tick tick) {
        Instant now = clock.instant();
        ReviewBacklog backlog = ReviewBacklog.of(reviews, now);
        long waited = backlog.oldestWait(now).toSeconds();
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("OpenReviewCases", backlog.open());
        m.put("OldestOpenReviewCaseAge", waited);
        metrics.emit(Map.of(), m);
        return new Backlog(backlog.open(), backlog.oldestOpenedAt() == null ? null : backlog.oldestOpenedAt().toString(), waited);
    }
}
