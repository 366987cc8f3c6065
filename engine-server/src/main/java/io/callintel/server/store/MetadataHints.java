package io.callintel.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.recording.ProcessingHints;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * The processing hints kept in a recording's stored metadata ({@code agent_channel}, {@code speakers}, as the
 * upload checked them), read back into their typed form when a row is loaded.
 */
final class MetadataHints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataHints() {}

    static ProcessingHints read(String metadata) {
        try {
            JsonNode node = JSON.readTree(metadata);
            return new ProcessingHints(integer(node, "agent_channel"), integer(node, "speakers"));
        } catch (IOException | IllegalArgumentException e) {
            return ProcessingHints.NONE; // checked when it was uploaded: a damaged row falls back to the defaults
        }
    }

    private static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }
}
