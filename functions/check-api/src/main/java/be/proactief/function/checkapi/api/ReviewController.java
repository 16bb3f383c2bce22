package be.proactief.function.checkapi.api;

import be.proactief.core.insz.Insz;
import be.proactief.core.review.ReviewCase;
import be.proactief.core.review.ReviewCaseStore;
import be.proactief.core.review.ReviewQuery;
import be.proactief.core.review.ReviewService;
import be.proactief.function.checkapi.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** Caseworkers' worklist: the review cases, by time or of one resident. The INSZ, when given, travels in the body only. */
@Controller("/v1/reviews")
public class ReviewController {

    private final ReviewService reviews;
    private final RequestReader reader;

    ReviewController(ReviewService reviews, RequestReader reader) {
        this.reviews = reviews;
        this.reader = reader;
    }

    @Post("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public Responses.ReviewSearchView search(@Nullable @Body byte[] body, HttpRequest<?> request) {
        Requests.ReviewSearch in = reader.body(body, Requests.ReviewSearch.class);
        RequestReader.Fields fields = new RequestReader.Fields();
        Insz insz = in.insz() == null || in.insz().isBlank() ? null : fields.insz(in.insz());
        ReviewCase.State state = fields.optionalOneOf("state", in.state(), ReviewCase.State.class);
        ReviewQuery.Order given = fields.optionalOneOf("order", in.order(), ReviewQuery.Order.class);
        ReviewQuery.Order order = given == null ? ReviewQuery.Order.NEWEST : given;
        int limit = in.limit() == null ? ReviewQuery.DEFAULT_LIMIT : in.limit();
        String scheme = in.scheme() == null || in.scheme().isBlank() ? null : in.scheme().strip();
        be.proactief.core.audit.Purpose purpose = fields.optionalOneOf("purpose", in.purpose(), be.proactief.core.audit.Purpose.class);
        fields.check();
        // a limit out of bounds or a cursor this service did not give: 400 on that field (ProblemExceptionHandlers)
        ReviewQuery query = new ReviewQuery(scheme, state, order, limit, in.cursor() == null || in.cursor().isBlank() ? null : in.cursor().strip());
        Caller caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class).orElseThrow();
        ReviewCaseStore.Page page = reviews.search(insz, query, caller.actor(), purpose);
        return new Responses.ReviewSearchView(page.cases().stream().map(Responses.ReviewCaseView::of).toList(), page.cursor());
    }
}
