package io.callintel.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.core.audio.NoiseReductionMode;
import io.callintel.core.recording.ProcessingHints;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The processing hints kept in a recording's stored metadata ({@code agent_channel}, {@code speakers},
 * {@code noise_reduction}, as the
 * upload checked them), read back into their typed form when a row is loaded.
 */
final class MetadataHints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataHints() {}

    static ProcessingHints read(String metadata) {
        try {
            JsonNode node = JSON.readTree(metadata);
            JsonNode reduction = node.get("noise_reduction");
            return new ProcessingHints(
                    integer(node, "agent_channel"),
                    integer(node, "speakers"),
                    reduction != null && reduction.isTextual()
                            ? Optional.of(NoiseReductionMode.fromWireName(reduction.textValue()))
                            : Optional.empty());
        } catch (IOException | IllegalArgumentException e) {
            return ProcessingHints.NONE; // checked when it was uploaded: a damaged row falls back to the defaults
        }
    }

    private static OptionalInt integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }
}
