package be.proactief.function.checkapi;

import be.proactief.magda.MagdaClient;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKey;
import be.proactief.core.platform.SocialStatusSource;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.crac.OrderedResource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * SnapStart priming: before Lambda snapshots the initialised function, run the code paths of a
 * check once so classes are loaded and JIT-warm in the snapshot: a DynamoDB read through the SDK
 * and its HTTP client, the JSON mapper, the scheme catalogue, the MAGDA client's request
 * building and reply parsing (offline: no question goes to the platform while a version is
 * published), and two synthetic requests through the function's whole HTTP path
 * ({@code GET /v1/schemes}, and a check with an invalid INSZ, which is answered 400 before any
 * store or platform is asked).
 */
@Singleton
public class SnapStartPriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    private static final String CALLER = "snapstart-priming";
    private static final SubjectKey PRIMING_SUBJECT = new SubjectKey("s_" + "0".repeat(64));

    private final DecisionStore decisions;
    private final SocialStatusSource platform;
    private final SchemeCatalog catalog;
    private final JsonMapper json;
    private final Clock clock;
    private final AtomicInteger primed = new AtomicInteger();
    private final List<Integer> primedStatuses = new CopyOnWriteArrayList<>();
    private volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;

    public SnapStartPriming(DecisionStore decisions, SocialStatusSource platform, SchemeCatalog catalog, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.platform = platform;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    /** The function itself, so that priming can send synthetic requests through its whole HTTP path. */
    public void sendRequestsThrough(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        this.function = function;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            decisions.find(PRIMING_SUBJECT, "priming", "0", clock.instant());
            json.writeValueAsString(catalog.ids());
            SocialStatusSource client = platform instanceof be.proactief.aws.metrics.MeteredPlatform metered ? metered.measured() : platform;
            int platformStatuses = client instanceof MagdaClient magda ? magda.primeOffline() : 0;
            Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> through = function;
            if (through != null) {
                primedStatuses.add(through.apply(SyntheticRequests.of(CALLER, "GET", "/v1/schemes", null)).getStatusCode());
                primedStatuses.add(through.apply(SyntheticRequests.of(CALLER, "POST", "/v1/checks",
                        "{\"insz\":\"00000000000\",\"scheme\":\"uitpas-kansentarief\"}")).getStatusCode());
            }
            LOG.info("primed for the snapshot: DynamoDB client, JSON mapper, {} schemes, platform client {} ({} offline statuses), requests answered {}",
                    catalog.ids().size(), client.getClass().getSimpleName(), platformStatuses, primedStatuses);
            primed.incrementAndGet();
        } catch (Exception e) {
            // priming is an optimisation; a failure must not stop the version from publishing
            LOG.warn("priming incomplete: {}", e.toString());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing else to refresh: the subject keys are read again by SubjectKeysAfterRestore (every function), the SDK
        // resolves credentials per call, the platform client holds no session
    }

    int timesPrimed() {
        return primed.get();
    }

    List<Integer> primedStatuses() {
        return List.copyOf(primedStatuses);
    }
}
