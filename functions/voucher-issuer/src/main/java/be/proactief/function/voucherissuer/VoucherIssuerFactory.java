package be.proactief.function.voucherissuer;

import be.proactief.aws.sqs.SqsMessagePublisher;
import be.proactief.aws.wiring.Settings;
import be.proactief.core.decision.DecisionStore;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.messaging.MessagePublisher;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.subject.SubjectKeys;
import be.proactief.core.voucher.HouseholdRoster;
import be.proactief.core.voucher.VoucherIssuer;
import be.proactief.core.voucher.VoucherRun;
import be.proactief.core.voucher.VoucherWorkQueue;
import be.proactief.aws.sqs.DeadLetterQueue;
import be.proactief.function.voucherissuer.queue.SqsVoucherWorkQueue;
import be.proactief.function.voucherissuer.roster.HttpHouseholdRoster;
import be.proactief.function.voucherissuer.roster.JsonLinesHouseholdRoster;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the voucher use cases to their adapters. Configuration (environment variables, or the
 * same names as dotted lower-case properties):
 * <ul>
 *   <li>{@code PROACTIEF_ROSTER_URL} (HTTP roster, wins) or {@code PROACTIEF_ROSTER_FILE} (JSON lines);
 *       {@code PROACTIEF_ROSTER_PAGE_SIZE} (500), {@code PROACTIEF_ROSTER_TOKEN} (optional bearer token): the run only</li>
 *   <li>{@code PROACTIEF_VOUCHER_WORK_QUEUE_URL}: the run</li>
 *   <li>{@code PROACTIEF_VOUCHERS_QUEUE_URL}, {@code PROACTIEF_VOUCHER_WORK_DLQ_URL}: the worker</li>
 * </ul>
 * Beans are created on first use (both handlers turn off Lambda's eager singletons), so each handler needs only its own settings.
 */
@Factory
public class VoucherIssuerFactory {

    @Singleton
    HouseholdRoster householdRoster(Settings settings, JsonMapper json) {
        int pageSize = Integer.parseInt(settings.get("PROACTIEF_ROSTER_PAGE_SIZE", "500"));
        return settings.get("PROACTIEF_ROSTER_URL")
                .<HouseholdRoster>map(url -> new HttpHouseholdRoster(URI.create(url), pageSize, settings.get("PROACTIEF_ROSTER_TOKEN").orElse(null),
                        json, Duration.ofMillis(Long.parseLong(settings.get("PROACTIEF_ROSTER_RETRY_BACKOFF_MS", "1000")))))
                .or(() -> settings.get("PROACTIEF_ROSTER_FILE").map(file -> new JsonLinesHouseholdRoster(Path.of(file), pageSize, json)))
                .orElseThrow(() -> new IllegalStateException("no household roster configured: set PROACTIEF_ROSTER_URL (population register service) "
                        + "or PROACTIEF_ROSTER_FILE (JSON lines, local run)"));
    }

    @Singleton
    VoucherWorkQueue voucherWorkQueue(SqsClient sqs, Settings settings, JsonMapper json, @Named(VOUCHER_WORK_DLQ) DeadLetterQueue dlq) {
        return new SqsVoucherWorkQueue(sqs, required(settings, "PROACTIEF_VOUCHER_WORK_QUEUE_URL"), json, dlq);
    }

    /** The run going on in a fresh invocation of itself, from a page token, before its time runs out. */
    @Singleton
    be.proactief.aws.lambda.SelfInvocation selfInvocation(software.amazon.awssdk.services.lambda.LambdaClient lambda,
                                                          io.micronaut.context.BeanProvider<com.amazonaws.services.lambda.runtime.Context> context) {
        return new be.proactief.aws.lambda.SelfInvocation(lambda, context::get);
    }

    @Singleton
    VoucherRun voucherRun(SchemeCatalog catalog, HouseholdRoster roster, VoucherWorkQueue queue, Clock clock) {
        return new VoucherRun(catalog, roster, queue, clock);
    }

    /** The {@code vouchers} queue: voucher and container-credit messages. */
    @Singleton
    @Named("vouchers")
    MessagePublisher vouchersPublisher(SqsClient sqs, Settings settings) {
        return new SqsMessagePublisher(sqs, required(settings, "PROACTIEF_VOUCHERS_QUEUE_URL"));
    }

    @Singleton
    VoucherIssuer voucherIssuer(EntitlementEngine engine, DecisionStore decisions, SubjectKeys keys,
                                @Named("vouchers") MessagePublisher vouchers, Clock clock) {
        return new VoucherIssuer(engine, decisions, keys, vouchers, clock);
    }

    /** Qualifier of the voucher-work DLQ (one classpath holds every function locally). */
    public static final String VOUCHER_WORK_DLQ = "voucher-work-dlq";

    @Singleton
    @Named(VOUCHER_WORK_DLQ)
    DeadLetterQueue deadLetterQueue(SqsClient sqs, Settings settings, Clock clock) {
        return new DeadLetterQueue(sqs, required(settings, "PROACTIEF_VOUCHER_WORK_DLQ_URL"), "VOUCHER_WORK_REJECTED", clock);
    }

    private static String required(Settings settings, String name) {
        return settings.get(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }
}
