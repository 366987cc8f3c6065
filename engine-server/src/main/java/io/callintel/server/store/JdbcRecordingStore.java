package io.callintel.server.store;

import io.callintel.core.recording.AudioFile;
import io.callintel.core.recording.Recording;
import io.callintel.core.recording.RecordingState;
import io.callintel.core.recording.StateChange;
import io.callintel.core.store.Page;
import io.callintel.core.store.RecordingQuery;
import io.callintel.core.store.RecordingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** Recordings in the {@code recording} table, their history in {@code recording_history}; the queue is the table itself. */
public final class JdbcRecordingStore implements RecordingStore {

    private static final String COLUMNS = "uuid, org, usecase, client_name, client_profile, file_name, file_size,"
            + " content_type, storage_key, metadata, call_date, call_type, state, error, attempts, audio_format,"
            + " audio_codec, sample_rate, channels, duration, created_at, updated_at";
    private static final String WORK =
            "('" + RecordingState.INITIATED + "', '" + RecordingState.TRANSCRIPTION_COMPLETED + "')";
    /** Work no live claim holds: unclaimed, or claimed by a worker whose lease ran out (the time is the parameter). */
    private static final String CLAIMABLE = "state IN " + WORK + " AND (claimed = 0 OR lease_until < ?)";
    /** The claim a worker was given is still the latest (the attempt it counted is the parameter). */
    private static final String HELD = " AND claimed = 1 AND attempts = ?";

    /** Three missed heartbeats (one every third of it) and a bit: long enough for a pause, short for a dead node. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    private final Database db;
    private final Clock clock;
    private final Duration lease;
    private final String node;
    private final LongAdder takeovers = new LongAdder();

    /** For tools that claim nothing (the command line): a one-minute lease, node "local". */
    public JdbcRecordingStore(Database db, Clock clock) {
        this(db, clock, DEFAULT_LEASE, "local");
    }

    /**
     * @param lease how long a claim holds without a heartbeat
     * @param node  the name this process claims under (shown in the {@code claimed_by} column)
     */
    public JdbcRecordingStore(Database db, Clock clock, Duration lease, String node) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
        this.node = node;
    }

    /** Claims this store took over from a worker whose lease had run out, since it was made. */
    public long takeovers() {
        return takeovers.sum();
    }

    @Override
    public void create(Recording r) {
        db.inTransaction(connection -> {
            Database.update(
                    connection,
                    "INSERT INTO recording (" + COLUMNS + ", queued_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.uuid(),
                    r.org(),
                    r.usecase().orElse(null),
                    r.clientName(),
                    r.clientProfile(),
                    r.fileName(),
                    r.fileSize(),
                    r.contentType(),
                    r.storageKey(),
                    r.metadata(),
                    r.callDate().toString(),
                    r.callType().orElse(null),
                    r.state().name(),
                    r.error(),
                    r.attempts(),
                    r.audio().map(AudioFile::format).orElse(null),
                    r.audio().map(AudioFile::codec).orElse(null),
                    r.audio().map(AudioFile::sampleRate).orElse(null),
                    r.audio().map(AudioFile::channels).orElse(null),
                    r.audio().map(AudioFile::duration).map(Database::finite).orElse(null),
                    r.createdAt().toEpochMilli(),
                    r.updatedAt().toEpochMilli(),
                    r.state().isProcessing() ? r.createdAt().toEpochMilli() : null);
            history(connection, r.uuid(), r.state(), r.createdAt(), "");
            return null;
        });
    }

    @Override
    public Optional<Recording> find(String org, String uuid) {
        return db.queryOne(
                "SELECT " + COLUMNS + " FROM recording WHERE uuid = ? AND org = ?", JdbcRecordingStore::map, uuid, org);
    }

    @Override
    public Optional<Recording> find(String uuid) {
        return db.queryOne("SELECT " + COLUMNS + " FROM recording WHERE uuid = ?", JdbcRecordingStore::map, uuid);
    }

    @Override
    public Optional<Recording> findByStorageKey(String storageKey) {
        return db.queryOne(
                "SELECT " + COLUMNS + " FROM recording WHERE storage_key = ?", JdbcRecordingStore::map, storageKey);
    }

    @Override
    public Page<Recording> list(RecordingQuery q) {
        StringBuilder where = new StringBuilder(" FROM recording WHERE org = ?");
        List<Object> params = new ArrayList<>(List.of(q.org()));
        q.usecases().ifPresent(usecases -> {
            where.append(
                    usecases.isEmpty()
                            ? " AND 0 = 1"
                            : " AND usecase IN (" + String.join(", ", Collections.nCopies(usecases.size(), "?")) + ")");
            params.addAll(usecases);
        });
        q.state().ifPresent(state -> {
            where.append(" AND state = ?");
            params.add(state.name());
        });
        q.from().ifPresent(from -> {
            where.append(" AND call_date >= ?");
            params.add(from.toString());
        });
        q.to().ifPresent(to -> {
            where.append(" AND call_date <= ?");
            params.add(to.toString());
        });
        q.bucket().ifPresent(bucket -> {
            where.append(OUTCOME_IS);
            params.addAll(List.of(JdbcCorrectionStore.BUCKET, bucket));
        });
        q.answer().ifPresent(answer -> {
            where.append(OUTCOME_IS);
            params.addAll(List.of(answer.question(), answer.answer()));
        });
        long total = db.count("SELECT COUNT(*)" + where, params.toArray());
        params.add(q.page().limit());
        params.add(q.page().offset());
        List<Recording> items = db.query(
                "SELECT " + COLUMNS + where + " ORDER BY " + order(q.sort()) + " LIMIT ? OFFSET ?",
                JdbcRecordingStore::map,
                params.toArray());
        return new Page<>(items, q.page().page(), q.page().limit(), total);
    }

    /** The recording's outcome for a target (bucket or question) is the value: a correction's, else the analysis's. */
    private static final String OUTCOME_IS = " AND EXISTS (SELECT 1 FROM recording_outcome o LEFT JOIN correction c"
            + " ON c.recording = o.recording AND c.target = o.target"
            + " WHERE o.recording = recording.uuid AND o.target = ? AND COALESCE(c.value, o.value) = ?)";

    private static String order(RecordingQuery.Sort sort) {
        String column = switch (sort.field()) {
            case CREATED_AT -> "created_at";
            case CALL_DATE -> "call_date";
            case FILE_NAME -> "lower(file_name)";
            case STATE -> "state";
            case DURATION -> "duration";
        };
        return column + (sort.ascending() ? " ASC" : " DESC") + " NULLS LAST, created_at DESC, uuid";
    }

    @Override
    public List<StateChange> history(String uuid) {
        return db.query(
                "SELECT state, at, message FROM recording_history WHERE recording = ? ORDER BY seq",
                row -> new StateChange(
                        RecordingState.valueOf(row.getString("state")),
                        Instant.ofEpochMilli(row.getLong("at")),
                        row.getString("message")),
                uuid);
    }

    @Override
    public Map<String, Map<RecordingState, Long>> countsByState(List<String> usecases) {
        if (usecases.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(usecases.size(), "?"));
        Map<String, Map<RecordingState, Long>> counts = new HashMap<>();
        db.query(
                "SELECT usecase, state, COUNT(*) AS n FROM recording WHERE usecase IN (" + marks
                        + ") GROUP BY usecase, state",
                row -> counts.computeIfAbsent(row.getString("usecase"), u -> new EnumMap<>(RecordingState.class))
                        .put(RecordingState.valueOf(row.getString("state")), row.getLong("n")),
                usecases.toArray());
        return counts;
    }

    @Override
    public Map<RecordingState, Long> countsByState() {
        Map<RecordingState, Long> counts = new EnumMap<>(RecordingState.class);
        db.query(
                "SELECT state, COUNT(*) AS n FROM recording GROUP BY state",
                row -> counts.put(RecordingState.valueOf(row.getString("state")), row.getLong("n")));
        return counts;
    }

    @Override
    public List<Recording> all(String usecase) {
        return db.query("SELECT " + COLUMNS + " FROM recording WHERE usecase = ?", JdbcRecordingStore::map, usecase);
    }

    @Override
    public void uploaded(String uuid, AudioFile audio) {
        Instant now = clock.instant();
        db.inTransaction(connection -> {
            Database.update(
                    connection,
                    "UPDATE recording SET state = ?, audio_format = ?, audio_codec = ?, sample_rate = ?,"
                            + " channels = ?, duration = ?, updated_at = ?, queued_at = ? WHERE uuid = ?",
                    RecordingState.INITIATED.name(),
                    audio.format(),
                    audio.codec(),
                    audio.sampleRate(),
                    audio.channels(),
                    Database.finite(audio.duration()),
                    now.toEpochMilli(),
                    now.toEpochMilli(),
                    uuid);
            history(connection, uuid, RecordingState.INITIATED, now, "");
            return null;
        });
    }

    @Override
    public void transition(String uuid, RecordingState state, String message) {
        Instant now = clock.instant();
        db.inTransaction(connection -> {
            Database.update(
                    connection,
                    "UPDATE recording SET state = ?, error = ?, updated_at = ? WHERE uuid = ?",
                    state.name(),
                    state == RecordingState.FAILED ? message : "",
                    now.toEpochMilli(),
                    uuid);
            history(connection, uuid, state, now, message);
            return null;
        });
    }

    @Override
    public Optional<Recording> claimNext() {
        long now = clock.millis();
        return db.inTransaction(connection -> {
            record Next(String uuid, boolean expired) {}
            Optional<Next> next = Database.query(
                            connection,
                            "SELECT uuid, claimed FROM recording WHERE " + CLAIMABLE
                                    + " AND (queued_at IS NULL OR queued_at <= ?) ORDER BY queued_at, uuid LIMIT 1"
                                    + db.dialect().skipLocked(),
                            row -> new Next(row.getString(1), row.getInt(2) == 1),
                            now,
                            now)
                    .stream()
                    .findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (next.get().expired()) {
                takeovers.increment(); // its worker died or stalled past its lease
            }
            Database.update(
                    connection,
                    "UPDATE recording SET claimed = 1, attempts = attempts + 1, lease_until = ?, claimed_by = ?"
                            + " WHERE uuid = ?",
                    now + lease.toMillis(),
                    node,
                    next.get().uuid());
            return Database.query(
                            connection,
                            "SELECT " + COLUMNS + " FROM recording WHERE uuid = ?",
                            JdbcRecordingStore::map,
                            next.get().uuid())
                    .stream()
                    .findFirst();
        });
    }

    @Override
    public Duration lease() {
        return lease;
    }

    @Override
    public boolean renew(Recording claimed) {
        return db.update(
                        "UPDATE recording SET lease_until = ? WHERE uuid = ?" + HELD,
                        clock.millis() + lease.toMillis(),
                        claimed.uuid(),
                        claimed.attempts())
                == 1;
    }

    @Override
    public boolean advance(Recording claimed, RecordingState state, String message) {
        Instant now = clock.instant();
        return db.inTransaction(connection -> {
            boolean held = Database.update(
                            connection,
                            // A finished recording is no worker's any more: its claim ends with it.
                            "UPDATE recording SET state = ?, error = ?, updated_at = ?, claimed = ? WHERE uuid = ?"
                                    + HELD,
                            state.name(),
                            state == RecordingState.FAILED ? message : "",
                            now.toEpochMilli(),
                            state.isProcessing() ? 1 : 0,
                            claimed.uuid(),
                            claimed.attempts())
                    == 1;
            if (held) {
                history(connection, claimed.uuid(), state, now, message);
                WebhookEvents.raise(connection, db.dialect(), claimed, state, message, now);
            }
            return held;
        });
    }

    @Override
    public void release(Recording claimed, Duration backoff) {
        db.update(
                "UPDATE recording SET claimed = 0, queued_at = ? WHERE uuid = ?" + HELD,
                clock.millis() + backoff.toMillis(),
                claimed.uuid(),
                claimed.attempts());
    }

    @Override
    public boolean requeue(String uuid) {
        return backToQueue(uuid, "state = 'FAILED'", "retried", List.of());
    }

    @Override
    public boolean reprocess(String uuid) {
        return backToQueue(
                uuid,
                "state IN ('FAILED', 'ANALYSIS_COMPLETED') AND claimed = 0",
                "reprocessed",
                List.of("result", "recording_outcome"));
    }

    /** @param cleared tables whose rows of the recording go in the same transaction */
    private boolean backToQueue(String uuid, String from, String message, List<String> cleared) {
        Instant now = clock.instant();
        return db.inTransaction(connection -> {
            int changed = Database.update(
                    connection,
                    "UPDATE recording SET state = ?, error = '', attempts = 0, claimed = 0, queued_at = ?,"
                            + " updated_at = ? WHERE uuid = ? AND " + from,
                    RecordingState.INITIATED.name(),
                    now.toEpochMilli(),
                    now.toEpochMilli(),
                    uuid);
            if (changed > 0) {
                for (String table : cleared) {
                    Database.update(connection, "DELETE FROM " + table + " WHERE recording = ?", uuid);
                }
                history(connection, uuid, RecordingState.INITIATED, now, message);
            }
            return changed > 0;
        });
    }

    @Override
    public int deleteUnusedLinks(Instant cutoff) {
        return db.inTransaction(connection -> {
            String unused = "SELECT uuid FROM recording WHERE state = 'AWAITING_UPLOAD' AND created_at < ?";
            Database.update(
                    connection,
                    "DELETE FROM recording_history WHERE recording IN (" + unused + ")",
                    cutoff.toEpochMilli());
            return Database.update(
                    connection,
                    "DELETE FROM recording WHERE state = 'AWAITING_UPLOAD' AND created_at < ?",
                    cutoff.toEpochMilli());
        });
    }

    @Override
    public Optional<Recording> delete(String org, String uuid) {
        long now = clock.millis();
        return db.inTransaction(connection -> {
            Optional<Recording> found = Database.query(
                            connection,
                            "SELECT " + COLUMNS + " FROM recording WHERE uuid = ? AND org = ?",
                            JdbcRecordingStore::map,
                            uuid,
                            org)
                    .stream()
                    .findFirst();
            if (found.isEmpty()) {
                return found;
            }
            int deleted = Database.update(
                    connection, "DELETE FROM recording WHERE uuid = ? AND (claimed = 0 OR lease_until < ?)", uuid, now);
            if (deleted == 0) {
                throw new InProgress(uuid);
            }
            for (String table :
                    List.of("recording_history", "result", "recording_outcome", "correction", "webhook_delivery")) {
                Database.update(connection, "DELETE FROM " + table + " WHERE recording = ?", uuid);
            }
            return found;
        });
    }

    @Override
    public List<String> finished(String org, String useCase) {
        return db.query(
                "SELECT uuid FROM recording WHERE org = ? AND usecase = ? AND state IN ('FAILED', 'ANALYSIS_COMPLETED')"
                        + " ORDER BY created_at",
                row -> row.getString(1),
                org,
                useCase);
    }

    @Override
    public List<String> createdBefore(String org, Instant cutoff, int limit) {
        return db.query(
                "SELECT uuid FROM recording WHERE org = ? AND created_at < ? ORDER BY created_at LIMIT ?",
                row -> row.getString(1),
                org,
                cutoff.toEpochMilli(),
                limit);
    }

    @Override
    public List<String> orgs() {
        return db.query("SELECT DISTINCT org FROM recording ORDER BY org", row -> row.getString(1));
    }

    @Override
    public void handBack(Recording claimed) {
        db.update(
                "UPDATE recording SET claimed = 0, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
                        + " WHERE uuid = ?" + HELD,
                claimed.uuid(),
                claimed.attempts());
    }

    /** SQLite: this process is the database's only user, so every claim is one it left. Shared: none (see the port). */
    @Override
    public int releaseAll() {
        return db.dialect() == Dialect.SQLITE
                ? db.update("UPDATE recording SET claimed = 0 WHERE claimed = 1 AND state IN " + WORK)
                : 0;
    }

    @Override
    public long queueDepth() {
        return db.count("SELECT COUNT(*) FROM recording WHERE " + CLAIMABLE, clock.millis());
    }

    private static void history(Connection connection, String uuid, RecordingState state, Instant at, String message)
            throws SQLException {
        Database.update(
                connection,
                "INSERT INTO recording_history (recording, state, at, message) VALUES (?, ?, ?, ?)",
                uuid,
                state.name(),
                at.toEpochMilli(),
                message);
    }

    private static Recording map(ResultSet row) throws SQLException {
        Optional<AudioFile> audio = Optional.ofNullable(row.getString("audio_format"))
                .map(format -> {
                    try {
                        double duration = row.getDouble("duration");
                        return new AudioFile(
                                format,
                                row.getString("audio_codec"),
                                row.getInt("sample_rate"),
                                row.getInt("channels"),
                                row.wasNull() ? Double.NaN : duration);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
        String metadata = row.getString("metadata");
        return Recording.builder(row.getString("uuid"), row.getString("org"))
                .usecase(Optional.ofNullable(row.getString("usecase")))
                .client(row.getString("client_name"), row.getString("client_profile"))
                .file(row.getString("file_name"), row.getLong("file_size"), row.getString("content_type"))
                .storageKey(row.getString("storage_key"))
                .metadata(
                        metadata,
                        LocalDate.parse(row.getString("call_date")),
                        Optional.ofNullable(row.getString("call_type")))
                .state(RecordingState.valueOf(row.getString("state")), row.getString("error"))
                .attempts(row.getInt("attempts"))
                .audio(audio)
                .times(Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("updated_at")))
                .hints(MetadataHints.read(metadata))
                .build();
    }
}
