package be.proactief.function.checkapi;

import be.proactief.core.decision.DecisionStore;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.platform.SocialStatusSource;
import io.micronaut.crac.OrderedResource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, run the code paths of a
 * check once (a DynamoDB read through the SDK and its HTTP client, the JSON mapper, the
 * scheme catalogue) so classes are loaded and JIT-warm in the snapshot. The MAGDA client is
 * built (its TLS context included) but not called: no question goes to the real platform
 * while publishing a version.
 */
@Singleton
public class SnapStartPriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final SubjectKey PRIMING_SUBJECT = new SubjectKey("s_" + "0".repeat(64));

    private final DecisionStore decisions;
    private final SocialStatusSource platform;
    private final SchemeCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicInteger primed = new AtomicInteger();

    public SnapStartPriming(DecisionStore decisions, SocialStatusSource platform, SchemeCatalog catalog, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.platform = platform;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            decisions.find(PRIMING_SUBJECT, "priming", "0", clock.instant());
            json.writeValueAsString(catalog.ids());
            LOG.info("primed for the snapshot: DynamoDB client, JSON mapper, {} schemes, platform client {}", catalog.ids().size(),
                    platform.getClass().getSimpleName());
            primed.incrementAndGet();
        } catch (Exception e) {
            // priming is an optimisation; a failure must not stop the version from publishing
            LOG.warn("priming incomplete: {}", e.toString());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the SDK resolves credentials per call, the platform client holds no session
    }

    int timesPrimed() {
        return primed.get();
    }
}
