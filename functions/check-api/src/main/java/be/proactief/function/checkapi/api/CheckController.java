package be.proactief.function.checkapi.api;

import be.proactief.core.decision.Outcome;
import be.proactief.core.engine.DecisionRequest;
import be.proactief.core.engine.DecisionResult;
import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.function.checkapi.security.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.time.Clock;
import java.time.LocalDate;

/** {@code POST /v1/checks}: is this resident entitled to this scheme? The INSZ travels in the body only. */
@Controller("/v1/checks")
public class CheckController {

    /**
     * How far from today a check's {@code date} may lie: billing looks back over past invoices (five
     * years, as long as a claim on them lasts), a desk or a portal at most a year ahead.
     */
    static final int YEARS_BACK = 5;
    static final int YEARS_AHEAD = 1;

    private final EntitlementEngine engine;
    private final RequestReader reader;
    private final Clock clock;

    CheckController(EntitlementEngine engine, RequestReader reader, Clock clock) {
        this.engine = engine;
        this.reader = reader;
        this.clock = clock;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public MutableHttpResponse<Responses.CheckResponse> check(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.CheckRequest in = reader.body(body, Requests.CheckRequest.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        Insz insz = fields.insz(in.insz());
        String scheme = fields.required("scheme", in.scheme());
        LocalDate today = engine.today();
        LocalDate date = fields.dateWithin("date", in.date(), today.minusYears(YEARS_BACK), today.plusYears(YEARS_AHEAD));
        fields.check();
        Caller caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class).orElseThrow();
        DecisionResult result = engine.decide(DecisionRequest.onDate(insz, scheme, date, caller.id()).by(caller.actor()));
        MutableHttpResponse<Responses.CheckResponse> response = HttpResponse.ok(Responses.CheckResponse.of(result, clock.instant().toString()));
        if (result.outcome() == Outcome.UNKNOWN) {
            response.header("Retry-After", Long.toString(Math.max(1, result.retryAfter().toSeconds())));
        }
        return response;
    }
}
