package be.proactief.function.checkapi.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /v1/openapi.json}: the OpenAPI 3.1 document of this API, as kept in the repository
 * ({@code src/main/resources/openapi.json}); read once, at start.
 */
@Controller("/v1/openapi.json")
public class OpenApiController {

    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the check-api jar");
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    public HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "public, max-age=300");
    }
}
