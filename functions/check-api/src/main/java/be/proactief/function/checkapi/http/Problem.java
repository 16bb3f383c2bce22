package be.proactief.function.checkapi.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. Never contains an
 * unmasked INSZ: every message that could carry one comes from code that masks it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:proactief:problem:" + slug, title, status, detail, null);
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid";
        return new Problem("urn:proactief:problem:validation", "Invalid request", 400, detail, List.copyOf(errors));
    }
}
