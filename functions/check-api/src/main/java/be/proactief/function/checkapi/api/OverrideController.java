package be.proactief.function.checkapi.api;

import be.proactief.core.audit.Purpose;
import be.proactief.core.decision.Outcome;
import be.proactief.core.insz.Insz;
import be.proactief.core.override.Override;
import be.proactief.core.override.OverrideService;
import be.proactief.core.override.OverrideStore;
import be.proactief.core.override.ReasonCode;
import be.proactief.function.checkapi.http.ApiException;
import be.proactief.function.checkapi.security.Caller;
import io.micronaut.http.HttpRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Caseworkers record, look up and revoke overrides. */
@Controller("/v1/overrides")
public class OverrideController {

    private static final int MAX_REASON_LENGTH = 500;

    private final OverrideService overrides;
    private final RequestReader reader;

    OverrideController(OverrideService overrides, RequestReader reader) {
        this.overrides = overrides;
        this.reader = reader;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Responses.OverrideView> create(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.OverrideRequest in = reader.body(body, Requests.OverrideRequest.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        Insz insz = fields.insz(in.insz());
        String scheme = fields.required("scheme", in.scheme());
        Outcome outcome = fields.oneOf("outcome", in.outcome(), Outcome.class);
        if (outcome != null && !outcome.decides()) fields.add("outcome", "outcome must be ENTITLED or NOT_ENTITLED");
        ReasonCode reason = fields.oneOf("reasonCode", in.reasonCode(), ReasonCode.class);
        fields.maxLength("note", in.note(), Override.MAX_NOTE_LENGTH);
        LocalDate validFrom = fields.date("validFrom", in.validFrom());
        LocalDate validUntil = fields.date("validUntil", in.validUntil());
        if (in.validUntil() == null || in.validUntil().isBlank()) fields.add("validUntil", "validUntil is required");
        fields.check();
        Override created = overrides.create(new OverrideService.NewOverride(insz, scheme, outcome, blankToNull(in.tier()), reason,
                blankToNull(in.note()), validFrom, validUntil, caller(request).actor()));
        return HttpResponse.created(Responses.OverrideView.of(created), URI.create("/v1/overrides/" + created.overrideId()));
    }

    @Post("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Responses.OverrideView> search(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.SubjectSearch in = reader.body(body, Requests.SubjectSearch.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        Insz insz = fields.insz(in.insz());
        Purpose purpose = fields.optionalOneOf("purpose", in.purpose(), Purpose.class);
        fields.check();
        return overrides.search(insz, blankToNull(in.scheme()), caller(request).actor(), purpose).stream().map(Responses.OverrideView::of).toList();
    }

    @Delete("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<?> revoke(@PathVariable String id, @Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.RevokeRequest in = reader.body(body, Requests.RevokeRequest.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        String reason = fields.required("reason", in.reason());
        fields.maxLength("reason", in.reason(), MAX_REASON_LENGTH);
        fields.check();
        OverrideStore.RevokeResult result = overrides.revoke(id, caller(request).actor(), reason);
        return switch (result) {
            case REVOKED -> HttpResponse.noContent();
            case NOT_FOUND -> throw ApiException.notFound("No override " + Insz.quoteMasked(id));
            case ALREADY_REVOKED -> throw ApiException.conflict("Override " + id + " is already revoked");
        };
    }

    private static Caller caller(HttpRequest<?> request) {
        return request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
