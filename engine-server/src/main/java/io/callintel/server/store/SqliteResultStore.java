package io.callintel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.store.ResultStore;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import java.util.Optional;

/** Transcripts and analytics in the {@code result} table, as the JSON documents the API serves. */
public final class SqliteResultStore implements ResultStore {

    private final Database db;
    private final ObjectMapper json;

    public SqliteResultStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void saveTranscript(String recording, Transcript transcript) {
        ObjectNode node = json.createObjectNode();
        TranscriptJson.fill(node, transcript);
        save(recording, "transcript", node);
    }

    @Override
    public Optional<Transcript> transcript(String recording) {
        return column(recording, "transcript").map(TranscriptJson::read);
    }

    @Override
    public void saveAnalytics(String recording, CallAnalytics analytics) {
        ObjectNode node = json.createObjectNode();
        AnalyticsJson.fill(node, analytics);
        save(recording, "analytics", node);
    }

    @Override
    public Optional<CallAnalytics> analytics(String recording) {
        return column(recording, "analytics").map(AnalyticsJson::read);
    }

    /** Sets one result column of a recording, adding its row when it has none. */
    private void save(String recording, String column, JsonNode document) {
        db.update(
                "INSERT INTO result (recording, " + column + ") VALUES (?, ?)"
                        + " ON CONFLICT (recording) DO UPDATE SET " + column + " = excluded." + column,
                recording,
                document.toString());
    }

    private Optional<JsonNode> column(String recording, String column) {
        return db.queryOne(
                        "SELECT " + column + " FROM result WHERE recording = ? AND " + column + " IS NOT NULL",
                        row -> row.getString(1),
                        recording)
                .map(this::parse);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON in the result table: " + e.getOriginalMessage(), e);
        }
    }
}
