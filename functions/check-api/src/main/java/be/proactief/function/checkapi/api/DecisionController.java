package be.proactief.function.checkapi.api;

import be.proactief.core.engine.EntitlementEngine;
import be.proactief.core.insz.Insz;
import be.proactief.function.checkapi.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.List;

/** Caseworkers see the stored decisions of a resident for a scheme, newest first. */
@Controller("/v1/decisions")
public class DecisionController {

    private final EntitlementEngine engine;
    private final RequestReader reader;

    DecisionController(EntitlementEngine engine, RequestReader reader) {
        this.engine = engine;
        this.reader = reader;
    }

    @Post("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Responses.DecisionView> search(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.SubjectSearch in = reader.body(body, Requests.SubjectSearch.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        Insz insz = fields.insz(in.insz());
        String scheme = fields.required("scheme", in.scheme());
        be.proactief.core.audit.Purpose purpose = fields.optionalOneOf("purpose", in.purpose(), be.proactief.core.audit.Purpose.class);
        fields.check();
        Caller caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class).orElseThrow();
        return engine.history(insz, scheme, caller.actor(), purpose).stream().map(Responses.DecisionView::of).toList();
    }
}
