package be.proactief.function.checkapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Real API Gateway HTTP API (payload 2.0) sample events from {@code src/test/resources/events},
 * with placeholders filled in: {@code ${INSZ}}, {@code ${TODAY}}, {@code ${IN_TWO_WEEKS}}, …
 */
public final class Events {

    private final JsonMapper json;

    Events(ApplicationContext context) {
        this.json = context.getBean(JsonMapper.class);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Europe/Brussels")).toString();
    }

    APIGatewayV2HTTPEvent load(String file, Map<String, String> values) {
        try {
            return json.readValue(text(file, values), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample event's JSON text with its placeholders filled in (TODAY and IN_TWO_WEEKS always). */
    public static String text(String file, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(Map.of("TODAY", today(),
                "IN_TWO_WEEKS", LocalDate.parse(today()).plusDays(14).toString()));
        all.putAll(values);
        try (InputStream in = Events.class.getResourceAsStream("/events/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : all.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    APIGatewayV2HTTPEvent load(String file) {
        return load(file, Map.of());
    }

    /** The same event sent to another route or with another body. */
    static APIGatewayV2HTTPEvent to(APIGatewayV2HTTPEvent e, String method, String path, String body) {
        e.setRawPath(path);
        e.getRequestContext().getHttp().setMethod(method);
        e.getRequestContext().getHttp().setPath(path);
        e.setBody(body);
        return e;
    }

    static APIGatewayV2HTTPEvent withoutAuthorizer(APIGatewayV2HTTPEvent e) {
        e.getRequestContext().setAuthorizer(null);
        return e;
    }

    static APIGatewayV2HTTPEvent withScopes(APIGatewayV2HTTPEvent e, String... scopes) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = e.getRequestContext().getAuthorizer().getJwt();
        jwt.setScopes(java.util.List.of(scopes));
        Map<String, String> claims = new HashMap<>(jwt.getClaims());
        claims.put("scope", String.join(" ", scopes));
        jwt.setClaims(claims);
        return e;
    }

    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent e, String name, String value) {
        Map<String, String> headers = new HashMap<>(e.getHeaders());
        headers.put(name, value);
        e.setHeaders(headers);
        return e;
    }

    <T> T body(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response, Class<T> type) {
        try {
            return json.readValue(response.getBody(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
