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
        ReviewCase.State state = in.state() == null ? null : fields.oneOf("state", in.state(), ReviewCase.State.class);
        ReviewQuery.Order order = in.order() == null ? ReviewQuery.Order.NEWEST : fields.oneOf("order", in.order(), ReviewQuery.Order.class);
        int limit = in.limit() == null ? ReviewQuery.DEFAULT_LIMIT : in.limit();
        String scheme = in.scheme() == null || in.scheme().isBlank() ? null : in.scheme().strip();
        fields.check();
        // a limit out of bounds or a cursor this service did not give: 400 on that field (ProblemExceptionHandlers)
        ReviewQuery query = new ReviewQuery(scheme, state, order, limit, in.cursor() == null || in.cursor().isBlank() ? null : in.cursor().strip());
        String caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class).map(Caller::id).orElse("unknown");
        ReviewCaseStore.Page page = reviews.search(insz, query, caller);
        return new Responses.ReviewSearchView(page.cases().stream().map(Responses.ReviewCaseView::of).toList(), page.cursor());
    }
}
