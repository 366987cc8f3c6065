package io.callintel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.Uuids;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request's JSON object and typed access to its fields; every mistake is a 400 {@link ApiError}
 * naming the field.
 */
final class JsonBody {

    private final ObjectNode node;
    /** Put before field names in errors: where this object sits in the request. */
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** A nested object, its fields named {@code prefix + field} in errors (e.g. {@code metadata.call_date}). */
    static JsonBody of(ObjectNode node, String prefix) {
        return new JsonBody(node, prefix);
    }

    private String name(String field) {
        return prefix + field;
    }

    static JsonBody parse(ObjectMapper json, String text) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(null, "The request body must be a JSON object");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(null, "Malformed JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw ApiError.badRequest(null, "The request body must be a JSON object");
        }
        return new JsonBody(object, "");
    }

    ObjectNode node() {
        return node;
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String requiredText(String field) {
        return optionalText(field).orElseThrow(() -> ApiError.badRequest(name(field), name(field) + " is required"));
    }

    Optional<String> optionalText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw ApiError.badRequest(name(field), name(field) + " must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String requiredUuid(String field) {
        return uuid(name(field), requiredText(field));
    }

    Optional<String> optionalUuid(String field) {
        return optionalText(field).map(text -> uuid(name(field), text));
    }

    static String uuid(String field, String text) {
        if (!Uuids.isUuid(text)) {
            throw ApiError.badRequest(field, "Invalid UUID format for " + field);
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    Optional<LocalDate> optionalDate(String field) {
        return optionalText(field).map(text -> date(name(field), text));
    }

    static LocalDate date(String field, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text); // YYYY-MM-DD exactly
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        throw ApiError.badRequest(field, "Invalid date format: " + field + " must be YYYY-MM-DD");
    }

    int intOr(String field, int fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ApiError.badRequest(name(field), name(field) + " must be an integer");
        }
        return value.asInt();
    }

    Optional<Boolean> optionalBoolean(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw ApiError.badRequest(name(field), name(field) + " must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<Long> optionalLong(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiError.badRequest(name(field), name(field) + " must be an integer");
        }
        return Optional.of(value.asLong());
    }

    Optional<List<String>> optionalStrings(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw ApiError.badRequest(name(field), name(field) + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw ApiError.badRequest(name(field), name(field) + " must be an array of non-empty strings");
            }
            strings.add(item.asText().trim());
        }
        return Optional.of(strings);
    }

    Optional<ObjectNode> optionalObject(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        if (!(node.get(field) instanceof ObjectNode object)) {
            throw ApiError.badRequest(name(field), name(field) + " must be an object");
        }
        return Optional.of(object);
    }
}
