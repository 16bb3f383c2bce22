package be.proactief.function.checkapi;

import be.proactief.function.checkapi.security.Scopes;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API (payload 2.0) events from a caller that exists only inside the process,
 * with the JWT authorizer's claims for the scope {@code entitlements/check}: what SnapStart
 * priming sends through the function, and what the benchmarks time. Never sent anywhere.
 */
public final class SyntheticRequests {

    private SyntheticRequests() {
    }

    /** {@code method path}, with a JSON {@code body} or none, from {@code callerId} (client id and subject). */
    public static APIGatewayV2HTTPEvent of(String callerId, String method, String path, String body) {
        Map<String, String> headers = body == null ? Map.of("accept", "application/json")
                : Map.of("accept", "application/json", "content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString("")
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(callerId).withStage("$default").withRouteKey("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent(callerId).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("client_id", callerId, "sub", callerId, "scope", Scopes.CHECK))
                                        .withScopes(List.of(Scopes.CHECK)).build()).build())
                        .build())
                .build();
    }
}
