package be.proactief.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.List;
import java.util.Map;

/** The API Gateway HTTP API v2 event of {@code POST /v1/checks}, with the authorizer's claims. */
final class Events {

    private Events() {
    }

    static APIGatewayV2HTTPEvent check(String insz) {
        return event("POST", "/v1/checks", "{\"insz\":\"" + insz + "\",\"scheme\":\"uitpas-kansentarief\"}");
    }

    /** {@code GET /v1/schemes}: the catalogue from memory, no I/O at all. */
    static APIGatewayV2HTTPEvent schemes() {
        return event("GET", "/v1/schemes", null);
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString("")
                .withHeaders(body == null ? Map.of("host", "bench.execute-api.eu-west-1.amazonaws.com")
                        : Map.of("content-type", "application/json", "host", "bench.execute-api.eu-west-1.amazonaws.com"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench").withStage("$default").withRouteKey("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("bench").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("client_id", "bench", "sub", "bench", "scope", "entitlements/check"))
                                        .withScopes(List.of("entitlements/check")).build()).build())
                        .build())
                .build();
    }
}
