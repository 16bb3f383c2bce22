package be.proactief.function.checkapi.security;

import be.proactief.core.insz.Insz;
import be.proactief.function.checkapi.http.Problem;
import be.proactief.function.checkapi.http.Problems;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletHttpRequest;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Defence in depth behind API Gateway's JWT authorizer: every {@code /v1} request needs a
 * caller, and the scope its route requires ({@code entitlements/check} for checks and the
 * scheme catalogue, {@code entitlements/override} for overrides and decision history).
 *
 * <p>The caller comes from {@code requestContext.authorizer.jwt} (claims and scopes), which API Gateway's
 * JWT authorizer fills on AWS and the local gateway fills the same way for the local run. A bearer token
 * without that context is never read here: the function has no key to check one with.
 */
@ServerFilter("/v1/**")
public class ScopeFilter {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final String OPENAPI_PATH = "/v1/openapi.json";

    /** The local run's token key was once read here; on Lambda it may not even be set (the authorizer checks the tokens). */
    public ScopeFilter(be.proactief.aws.wiring.Settings settings) {
        be.proactief.aws.wiring.LocalOnly.refuseOnLambda(settings, "PROACTIEF_DEV_JWT_KEY",
                "unset it; on AWS the API Gateway JWT authorizer checks the city's tokens");
    }

    @RequestFilter
    @io.micronaut.core.annotation.Nullable
    public HttpResponse<Problem> authorize(HttpRequest<?> request) {
        Optional<Caller> caller = fromAuthorizer(request);
        if (caller.isEmpty()) {
            return Problems.response(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"))
                    .header("WWW-Authenticate", "Bearer");
        }
        String needed = requiredScope(request.getPath());
        if (needed != null && !caller.get().has(needed)) {
            return Problems.response(Problem.of(403, "forbidden", "Forbidden", "This token lacks the scope " + needed));
        }
        if (bodyBytes(request) > MAX_BODY_BYTES) {
            return Problems.response(Problem.of(413, "payload-too-large", "Payload too large", "The body may have at most 16 KiB"));
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        return null;
    }

    static String requiredScope(String path) {
        if (path.equals("/v1/checks") || path.startsWith("/v1/checks/") || path.equals("/v1/schemes") || path.startsWith("/v1/schemes/")
                || path.equals(OPENAPI_PATH)) {
            return Scopes.CHECK;
        }
        if (path.startsWith("/v1/overrides") || path.startsWith("/v1/decisions") || path.startsWith("/v1/reviews")) {
            return Scopes.OVERRIDE;
        }
        return null;
    }

    private static APIGatewayV2HTTPEvent nativeEvent(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event;
        }
        return null;
    }

    private static Optional<Caller> fromAuthorizer(HttpRequest<?> request) {
        APIGatewayV2HTTPEvent event = nativeEvent(request);
        if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null) {
            return Optional.empty();
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = event.getRequestContext().getAuthorizer().getJwt();
        if (jwt == null || jwt.getClaims() == null) return Optional.empty();
        return Optional.of(caller(jwt.getClaims(), jwt.getScopes()));
    }

    /** Scopes from the authorizer's list, else from the {@code scope} (or {@code scp}) claim. */
    static Caller caller(Map<String, ?> claims, Collection<String> scopes) {
        Set<String> granted = new HashSet<>();
        if (scopes != null) granted.addAll(scopes);
        addScopes(claims.get("scope"), granted);
        addScopes(claims.get("scp"), granted);
        // the person is the token's subject (a caseworker signed in through the console), the application its client;
        // a client-credentials token (a portal, billing) has the client as both. Both are audited and stored as an
        // override's author: an identity provider that uses the national number as subject must not put it there
        Object person = claims.get("sub") != null ? claims.get("sub") : claims.get("client_id");
        Object application = claims.get("client_id") != null ? claims.get("client_id") : claims.get("azp");
        return new Caller(person == null ? "unknown" : Insz.redact(String.valueOf(person)),
                application == null ? null : Insz.redact(String.valueOf(application)), granted);
    }

    /**
     * A claim is a list of scopes, or one string of them separated by spaces (RFC 8693), or, as
     * API Gateway passes a list claim on, {@code "[a, b]"}.
     */
    private static void addScopes(Object claim, Set<String> granted) {
        if (claim instanceof Collection<?> list) {
            for (Object scope : list) granted.add(String.valueOf(scope));
        } else if (claim != null) {
            String text = String.valueOf(claim);
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean separator = i == text.length() || isScopeSeparator(text.charAt(i));
                if (separator && start >= 0) {
                    granted.add(text.substring(start, i));
                    start = -1;
                } else if (!separator && start < 0) {
                    start = i;
                }
            }
        }
    }

    /** ASCII white space (as the regex {@code \s} the claim was split with before), commas and brackets; nothing else. */
    private static boolean isScopeSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ',' || c == '[' || c == ']';
    }

    private static long bodyBytes(HttpRequest<?> request) {
        long declared = request.getContentLength();
        if (declared > 0) return declared;
        APIGatewayV2HTTPEvent event = nativeEvent(request);
        String body = event == null ? null : event.getBody();
        return body == null ? 0L : body.getBytes(StandardCharsets.UTF_8).length;
    }
}
