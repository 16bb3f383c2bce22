package be.proactief.bench;

import be.proactief.function.checkapi.SyntheticRequests;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/** The API Gateway HTTP API v2 events the benchmarks time, with the authorizer's claims. */
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
        return SyntheticRequests.of("bench", method, path, body);
    }
}
