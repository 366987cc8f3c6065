package io.callintel.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.Page;
import io.callintel.core.usecase.UseCase;
import io.callintel.engine.json.UseCaseJson;
import java.util.List;
import java.util.Map;

/** The JSON shapes of use cases, recordings and pages in responses. Field names are the API's: keep them. */
final class Views {

    private final ObjectMapper json;

    Views(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    ObjectNode useCase(UseCase u) {
        ObjectNode node = object().put("usecase_uuid", u.uuid())
                .put("org_uuid", u.org())
                .put("usecase_name", u.name())
                .put("usecase_desc", u.description());
        u.tags().forEach(node.putArray("tags")::add);
        u.buckets().forEach(node.putArray("buckets")::add);
        UseCaseJson.fill(node.putObject("analysis_config"), u.analysis());
        node.put("created_at", u.createdAt().toString())
                .put("updated_at", u.updatedAt().toString());
        return node;
    }

    /** Recordings per state, every state present (zero when none). */
    ObjectNode stateCounts(Map<RecordingState, Long> counts) {
        ObjectNode node = object();
        long total = 0;
        for (RecordingState state : RecordingState.values()) {
            long n = counts.getOrDefault(state, 0L);
            node.put(state.wireName(), n);
            total += n;
        }
        return object().put("total_recordings", total).set("recordings_by_state", node);
    }

    /** What a list shows of a recording. */
    /** A recording's corrections: the bucket a person gave it, if any, and the answers they corrected. */
    ObjectNode corrections(Recording r, java.util.List<io.callintel.core.usecase.Correction> corrections) {
        ObjectNode node = object().put("recording_uuid", r.uuid())
                .put("usecase_uuid", r.usecase().orElse(null));
        node.putNull("bucket");
        var answers = node.putArray("answers");
        for (var correction : corrections) {
            if (correction.ofBucket()) {
                node.put("bucket", correction.value());
                node.put("bucket_corrected_at", correction.at().toString());
            } else {
                answers.addObject()
                        .put("question", correction.question())
                        .put("answer", correction.value())
                        .put("corrected_at", correction.at().toString());
            }
        }
        return node;
    }

    ObjectNode recording(Recording r) {
        ObjectNode node = object().put("recording_uuid", r.uuid())
                .put("usecase_uuid", r.usecase().orElse(null))
                .put("file_name", r.fileName())
                .put("state", r.state().wireName())
                .put("error", r.error().isEmpty() ? null : r.error())
                .put("call_date", r.callDate().toString())
                .put("call_type", r.callType().orElse(null))
                .put(
                        "duration",
                        r.audio()
                                .map(AudioFile::duration)
                                .filter(Double::isFinite)
                                .orElse(null))
                .put("s3_key", r.storageKey());
        node.set("metadata", metadata(r));
        return node.put("created_at", r.createdAt().toString())
                .put("updated_at", r.updatedAt().toString());
    }

    /** Everything about a recording: metadata, processing history, file information. */
    ObjectNode recordingDetails(Recording r, List<StateChange> history) {
        ObjectNode node = recording(r).put("org_uuid", r.org()).put("attempts", r.attempts());
        node.remove("s3_key");
        var steps = node.putArray("processing_history");
        for (StateChange change : history) {
            steps.addObject()
                    .put("state", change.state().wireName())
                    .put("at", change.at().toString())
                    .put("message", change.message().isEmpty() ? null : change.message());
        }
        ObjectNode file = node.putObject("file")
                .put("file_name", r.fileName())
                .put("file_size", r.fileSize())
                .put("content_type", r.contentType())
                .put("s3_key", r.storageKey())
                .put("client_name", r.clientName())
                .put("client_profile", r.clientProfile());
        r.audio()
                .ifPresentOrElse(
                        audio -> file.put("format", audio.format())
                                .put("codec", audio.codec())
                                .put("sample_rate", audio.sampleRate())
                                .put("channels", audio.channels())
                                .put("duration", Double.isFinite(audio.duration()) ? audio.duration() : null),
                        () -> file.putNull("format")
                                .putNull("codec")
                                .putNull("sample_rate")
                                .putNull("channels")
                                .putNull("duration"));
        return node;
    }

    ObjectNode page(Page<?> page, String itemsField, List<ObjectNode> items) {
        ObjectNode node = object().put("page", page.page())
                .put("limit", page.limit())
                .put("total", page.total())
                .put("total_pages", page.pages());
        node.putArray(itemsField).addAll(items);
        return node;
    }

    JsonNode metadata(Recording r) {
        try {
            return json.readTree(r.metadata());
        } catch (JsonProcessingException e) {
            return object(); // stored by us from a parsed object: cannot happen short of a damaged database
        }
    }
}
