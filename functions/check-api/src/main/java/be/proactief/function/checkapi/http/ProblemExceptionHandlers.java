package be.proactief.function.checkapi.http;

import be.proactief.core.insz.InvalidInszException;
import be.proactief.core.messaging.InvalidFieldException;
import be.proactief.core.scheme.UnknownSchemeException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Turns the domain's refusals into problem responses: 4xx for bad input, never a 500. */
final class ProblemExceptionHandlers {

    private ProblemExceptionHandlers() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {ApiException.class, ExceptionHandler.class})
    static final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
            return Problems.response(exception.problem());
        }
    }

    /** A refusal of one field of the request body: a 400 validation problem that names the field. */
    abstract static class FieldRefusalHandler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<Problem>> {
        abstract String field(E exception);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, E exception) {
            return Problems.response(Problem.validation(List.of(new Problem.FieldError(field(exception), exception.getMessage()))));
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {InvalidInszException.class, ExceptionHandler.class})
    static final class InvalidInszHandler extends FieldRefusalHandler<InvalidInszException> {
        @Override
        String field(InvalidInszException exception) {
            return "insz";
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {UnknownSchemeException.class, ExceptionHandler.class})
    static final class UnknownSchemeHandler extends FieldRefusalHandler<UnknownSchemeException> {
        @Override
        String field(UnknownSchemeException exception) {
            return "scheme";
        }
    }

    /** A field a rule of the domain refuses (an override's, a worklist query's). */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = {InvalidFieldException.class, ExceptionHandler.class})
    static final class InvalidFieldHandler extends FieldRefusalHandler<InvalidFieldException> {
        @Override
        String field(InvalidFieldException exception) {
            return exception.field();
        }
    }

    /** Anything unexpected: a 500 problem that says nothing about internals (the log has the cause, without INSZ). */
    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    static final class UnexpectedHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(UnexpectedHandler.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuntimeException exception) {
            StackTraceElement at = exception.getStackTrace().length == 0 ? null : exception.getStackTrace()[0];
            LOG.error("unexpected failure on {} {}: {}: {} at {}", request.getMethodName(), be.proactief.core.insz.Insz.redact(request.getPath()),
                    exception.getClass().getName(), be.proactief.core.insz.Insz.redact(exception.getMessage()), at);
            if (LOG.isDebugEnabled()) LOG.debug("stack", exception);
            return Problems.response(Problem.of(500, "internal", "Internal error", "The request could not be completed; it has been logged."));
        }
    }
}
