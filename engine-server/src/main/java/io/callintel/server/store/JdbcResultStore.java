package io.callintel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callintel.core.analytics.CallAnalytics;
import io.callintel.core.analytics.QuestionAnswer;
import io.callintel.core.store.ResultStore;
import io.callintel.core.transcript.Transcript;
import io.callintel.engine.json.AnalyticsJson;
import io.callintel.engine.json.TranscriptJson;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Transcripts and analytics in the {@code result} table, as the JSON documents the API serves; each recording's
 * bucket and answers also in {@code recording_outcome}, where listings filter by them.
 */
public final class JdbcResultStore implements ResultStore {

    private final Database db;
    private final ObjectMapper json;

    public JdbcResultStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void saveTranscript(String recording, Transcript transcript) {
        ObjectNode node = json.createObjectNode();
        TranscriptJson.fill(node, transcript);
        db.inTransaction(connection -> save(connection, recording, "transcript", node));
    }

    @Override
    public Optional<Transcript> transcript(String recording) {
        return column(recording, "transcript").map(TranscriptJson::read);
    }

    /** Saves the analytics with the recording's outcomes (its bucket and answers), which listings filter by. */
    @Override
    public void saveAnalytics(String recording, CallAnalytics analytics) {
        ObjectNode node = json.createObjectNode();
        AnalyticsJson.fill(node, analytics);
        db.inTransaction(connection -> {
            save(connection, recording, "analytics", node);
            Database.update(connection, "DELETE FROM recording_outcome WHERE recording = ?", recording);
            if (analytics.bucket() != null) {
                saveOutcome(
                        connection,
                        recording,
                        JdbcCorrectionStore.BUCKET,
                        analytics.bucket().name());
            }
            for (QuestionAnswer answer : analytics.questions()) {
                saveOutcome(connection, recording, answer.question(), answer.answer());
            }
            return null;
        });
    }

    private static void saveOutcome(Connection connection, String recording, String target, String value)
            throws SQLException {
        Database.update(
                connection,
                "INSERT INTO recording_outcome (recording, target, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (recording, target) DO UPDATE SET value = excluded.value",
                recording,
                target,
                value);
    }

    @Override
    public Optional<CallAnalytics> analytics(String recording) {
        return column(recording, "analytics").map(AnalyticsJson::read);
    }

    /** Sets one result column of a recording, adding its row when it has none. */
    private static int save(Connection connection, String recording, String column, JsonNode document)
            throws SQLException {
        return Database.update(
                connection,
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
