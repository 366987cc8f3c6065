package io.callintel.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callintel.classify.index.IndexedSegment;
import java.util.List;

/**
 * What the search index holds, as a log in the shared database ({@code search_event}): each entry replaces one
 * recording's segments (none: the recording is gone). Workers append; every API node replays the log into its own
 * index, so all of them hold the same documents in the same order and answer a search alike. Appends hold the table's
 * lock until they commit, so entries become visible in the order of their numbers and a reader that has seen number N
 * has seen every entry before it.
 */
public final class SearchFeed {

    /** One logged change: the recording's segments from now on. */
    public record Entry(long seq, String recording, List<IndexedSegment> segments) {}

    private static final TypeReference<List<IndexedSegment>> SEGMENTS = new TypeReference<>() {};

    private final Database db;
    private final ObjectMapper json;

    public SearchFeed(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public void append(String recording, List<IndexedSegment> segments) {
        String document;
        try {
            document = json.writeValueAsString(segments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.inTransaction(connection -> {
            // Serialises appends: without it a lower number could commit after a reader has passed it.
            Database.update(connection, "LOCK TABLE search_event IN SHARE ROW EXCLUSIVE MODE");
            return Database.update(
                    connection, "INSERT INTO search_event (recording, segments) VALUES (?, ?)", recording, document);
        });
    }

    /**
     * A deleted recording: its entries (its words) leave the log, and an entry with no segments takes it out of the
     * nodes' indexes that had applied them.
     */
    public void forget(String recording) {
        db.inTransaction(connection -> {
            Database.update(connection, "LOCK TABLE search_event IN SHARE ROW EXCLUSIVE MODE");
            Database.update(connection, "DELETE FROM search_event WHERE recording = ?", recording);
            return Database.update(
                    connection, "INSERT INTO search_event (recording, segments) VALUES (?, '[]')", recording);
        });
    }

    /** Up to {@code limit} entries numbered after {@code seq}, in order. */
    public List<Entry> after(long seq, int limit) {
        return db.query(
                "SELECT seq, recording, segments FROM search_event WHERE seq > ? ORDER BY seq LIMIT ?",
                row -> new Entry(row.getLong(1), row.getString(2), read(row.getString(3))),
                seq,
                limit);
    }

    private List<IndexedSegment> read(String document) {
        try {
            return json.readValue(document, SEGMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("damaged JSON in search_event: " + e.getOriginalMessage(), e);
        }
    }
}
