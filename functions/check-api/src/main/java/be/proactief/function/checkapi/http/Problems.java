package be.proactief.function.checkapi.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** Problem responses with the right status and content type. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(Problem.MEDIA_TYPE);
    }
}
