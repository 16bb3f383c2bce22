package be.proactief.function.voucherissuer;

import be.proactief.aws.lambda.LazySingletons;
import be.proactief.core.scheme.Period;
import be.proactief.core.scheme.SchemeCatalog;
import be.proactief.core.scheme.UnknownSchemeException;
import be.proactief.core.voucher.VoucherRun;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The scheduled voucher run (EventBridge Scheduler, yearly and monthly catch-up): reads the
 * roster and puts every household on the {@code voucher-work} queue. Handler string for SAM:
 * {@code be.proactief.function.voucherissuer.VoucherRunHandler::handleRequest}.
 */
public class VoucherRunHandler extends MicronautRequestHandler<ScheduledVoucherRun, RunResult> {

    @Inject
    VoucherRun voucherRun;
    @Inject
    SchemeCatalog catalog;
    @Inject
    VoucherReport report;
    @Inject
    Clock clock;
    @Inject
    be.proactief.aws.lambda.InvocationTime time;
    @Inject
    be.proactief.aws.lambda.SelfInvocation self;
    @Inject
    io.micronaut.json.JsonMapper json;

    /**
     * A part of the run stops before its next page when less than this is left of the invocation, and invokes the
     * function again to go on from there: a page (500 households, 50 SendMessageBatch calls) takes seconds.
     */
    static final java.time.Duration TIME_TO_SPARE = java.time.Duration.ofMinutes(2);

    public VoucherRunHandler() {
        super();
    }

    public VoucherRunHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }

    /** Builds only what this handler injects: it does not get the settings of the worker (template.yaml). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazySingletons.lambdaContextBuilder();
    }

    @Override
    public RunResult execute(ScheduledVoucherRun input) {
        if (input == null || input.scheme() == null || input.scheme().isBlank()) {
            throw new IllegalArgumentException("the schedule's Input names no scheme, e.g. {\"scheme\":\"waste-bags\",\"period\":\"2027\",\"runId\":\"yearly\"}");
        }
        String scheme = input.scheme().strip();
        Instant at = scheduledTime(input.scheduledTime());
        String period = input.period() != null && !input.period().isBlank() ? input.period().strip()
                : catalog.current(scheme).orElseThrow(() -> new UnknownSchemeException(scheme, catalog.ids()))
                        .periodContaining(LocalDate.ofInstant(at, Period.ZONE)).id();
        String runId = input.runId() == null || input.runId().isBlank() ? "run" : input.runId().strip();
        if (input.scheduledTime() != null && !input.scheduledTime().isBlank()) runId = runId + "@" + at;
        VoucherRun.Summary summary = voucherRun.run(scheme, period, runId, input.pageToken(),
                () -> time.remaining().map(left -> left.compareTo(TIME_TO_SPARE) < 0).orElse(false));
        report.run(summary);
        if (summary.continueFrom() != null) {
            try {
                self.invokeAsync(json.writeValueAsString(ScheduledVoucherRun.continuation(summary.scheme(), summary.period(), summary.runId(),
                        summary.continueFrom())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return RunResult.of(summary);
    }

    private Instant scheduledTime(String text) {
        if (text == null || text.isBlank()) return clock.instant();
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime '" + text + "' is not an ISO-8601 instant such as 2027-01-15T05:00:00Z");
        }
    }
}
