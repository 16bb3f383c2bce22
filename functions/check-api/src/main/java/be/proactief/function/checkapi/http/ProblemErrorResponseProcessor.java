package be.proactief.function.checkapi.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Framework errors (unknown route, wrong method, unsupported media type, unreadable body) as
 * RFC 9457 problems, like every other error of this API.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext errorContext, @NonNull MutableHttpResponse<?> response) {
        int status = response.code();
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not-found", "Not found", "No such resource: " + errorContext.getRequest().getMethodName() + " " + path(errorContext));
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", errorContext.getRequest().getMethodName() + " is not allowed on " + path(errorContext));
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large", "The body may have at most 16 KiB");
            case 400 -> Problem.of(400, "bad-request", "Bad request", "The request could not be read; send a JSON object");
            default -> Problem.of(status, "http-" + status, HttpStatus.valueOf(status).getReason(), HttpStatus.valueOf(status).getReason());
        };
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String path(ErrorContext errorContext) {
        return be.proactief.core.insz.Insz.redact(errorContext.getRequest().getPath());
    }
}
