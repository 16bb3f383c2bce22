package be.proactief.function.checkapi.api;

import be.proactief.core.insz.InvalidInszException;
import be.proactief.core.insz.Insz;
import be.proactief.function.checkapi.http.ApiException;
import be.proactief.function.checkapi.http.Problem;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a JSON body and its fields, collecting every field error so the caller sees them all
 * at once. Error messages never hold an unmasked INSZ.
 */
@Singleton
final class RequestReader {

    private final JsonMapper json;

    RequestReader(JsonMapper json) {
        this.json = json;
    }

    <T> T body(byte[] body, Class<T> type) {
        if (body == null || isBlank(body)) {
            throw new ApiException(Problem.of(400, "bad-request", "Bad request", "The request needs a JSON body"));
        }
        JsonNode tree;
        T value;
        try {
            tree = json.readValue(body, JsonNode.class);
            if (tree == null || !tree.isObject()) throw new IOException("not an object");
            value = json.readValueFromTree(tree, type);
            if (value == null) throw new IOException("null");
        } catch (IOException | RuntimeException e) {
            throw new ApiException(Problem.of(400, "malformed-json", "Malformed JSON", "The body is not a JSON object of the expected shape"));
        }
        JsonNode insz = tree.get("insz");
        if (insz != null && !insz.isNull() && !insz.isString()) {
            // a number loses its leading zeros (a birth year 00-09), and is read by tools as a figure, not a name
            throw new ApiException(Problem.validation(List.of(new Problem.FieldError("insz", "insz must be a JSON string (a number loses its leading zeros)"))));
        }
        return value;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') return false;
        }
        return true;
    }

    /** Collects field errors for one request. */
    static final class Fields {
        private final List<Problem.FieldError> errors = new ArrayList<>();

        Insz insz(String value) {
            if (value == null || value.isBlank()) {
                errors.add(new Problem.FieldError("insz", "insz is required"));
                return null;
            }
            try {
                return Insz.parse(value);
            } catch (InvalidInszException e) {
                errors.add(new Problem.FieldError("insz", e.getMessage()));
                return null;
            }
        }

        String required(String field, String value) {
            if (value == null || value.isBlank()) {
                errors.add(new Problem.FieldError(field, field + " is required"));
                return null;
            }
            return value.strip();
        }

        LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) return null;
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(field, field + " must be a date YYYY-MM-DD, got " + Insz.quoteMasked(value)));
                return null;
            }
        }

        /** {@link #date}, and within {@code earliest}…{@code latest} (both included). */
        LocalDate dateWithin(String field, String value, LocalDate earliest, LocalDate latest) {
            LocalDate date = date(field, value);
            if (date != null && (date.isBefore(earliest) || date.isAfter(latest))) {
                errors.add(new Problem.FieldError(field, field + " must be between " + earliest + " and " + latest + ", got " + date));
                return null;
            }
            return date;
        }

        /** An optional field: null when absent or blank, else one of {@code type}'s names. */
        <E extends Enum<E>> E optionalOneOf(String field, String value, Class<E> type) {
            return value == null || value.isBlank() ? null : oneOf(field, value, type);
        }

        <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
            if (value == null || value.isBlank()) {
                errors.add(new Problem.FieldError(field, field + " is required; one of " + Arrays.toString(type.getEnumConstants())));
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(field, field + " must be one of " + Arrays.toString(type.getEnumConstants())
                        + ", got " + Insz.quoteMasked(value)));
                return null;
            }
        }

        void maxLength(String field, String value, int max) {
            if (value != null && value.length() > max) {
                errors.add(new Problem.FieldError(field, field + " may have at most " + max + " characters, has " + value.length()));
            }
        }

        void add(String field, String message) {
            errors.add(new Problem.FieldError(field, message));
        }

        /** Throws a 400 problem with every error collected so far. */
        void check() {
            if (!errors.isEmpty()) throw new ApiException(Problem.validation(errors));
        }
    }
}
