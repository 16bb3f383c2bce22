package be.proactief.function.checkapi.http;

/** Stops a request with a problem response. */
public final class ApiException extends RuntimeException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "conflict", "Conflict", detail));
    }
}
