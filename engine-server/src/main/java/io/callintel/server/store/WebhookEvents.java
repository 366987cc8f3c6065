package io.callintel.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events webhooks can ask for, which state changes raise them, and what their payload says. */
public final class WebhookEvents {

    public static final String TRANSCRIBED = "recording.transcribed";
    public static final String ANALYZED = "recording.analyzed";
    public static final String FAILED = "recording.failed";
    public static final List<String> ALL = List.of(TRANSCRIBED, ANALYZED, FAILED);

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {}

    /** The event a move to {@code state} raises, if any. */
    static Optional<String> of(RecordingState state) {
        return switch (state) {
            case TRANSCRIPTION_COMPLETED -> Optional.of(TRANSCRIBED);
            case ANALYSIS_COMPLETED -> Optional.of(ANALYZED);
            case FAILED -> Optional.of(FAILED);
            default -> Optional.empty();
        };
    }

    /** Queues the event of this move, in the transaction that makes it, for the webhooks that want it. */
    static void raise(
            Connection connection, Dialect dialect, Recording recording, RecordingState to, String message, Instant at)
            throws SQLException {
        Optional<String> event = of(to);
        if (event.isEmpty()) {
            return;
        }
        ObjectNode payload = JSON.createObjectNode().put("type", event.get()).put("created_at", at.toString());
        payload.putObject("data")
                .put("org_uuid", recording.org())
                .put("usecase_uuid", recording.usecase().orElse(null))
                .put("recording_uuid", recording.uuid())
                .put("file_name", recording.fileName())
                .put("state", to.name())
                .put("error", to == RecordingState.FAILED ? message : null);
        JdbcWebhooks.enqueue(
                connection,
                dialect,
                recording.org(),
                recording.usecase(),
                recording.uuid(),
                event.get(),
                payload.toString(),
                at.toEpochMilli());
    }
}
