package io.callintel.server.store;

import io.callintel.core.store.CorrectionStore;
import io.callintel.core.usecase.Correction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Corrections in the {@code correction} table, one row per recording and target: the bucket (target "") or a
 * question's text. Saving again replaces the earlier value.
 */
public final class JdbcCorrectionStore implements CorrectionStore {

    /** The target of the bucket's row; a question's row has the question as its target. */
    static final String BUCKET = "";

    private final Database db;

    public JdbcCorrectionStore(Database db) {
        this.db = db;
    }

    @Override
    public void save(Correction correction) {
        db.update(
                "INSERT INTO correction (recording, target, org, usecase, value, at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (recording, target) DO UPDATE SET value = excluded.value, at = excluded.at,"
                        + " usecase = excluded.usecase",
                correction.recording(),
                correction.ofBucket() ? BUCKET : correction.question(),
                correction.org(),
                correction.useCase(),
                correction.value(),
                correction.at().toEpochMilli());
    }

    @Override
    public List<Correction> forRecording(String org, String recording) {
        return db.query(
                "SELECT * FROM correction WHERE org = ? AND recording = ? ORDER BY at, target",
                JdbcCorrectionStore::correction,
                org,
                recording);
    }

    @Override
    public List<Correction> forUseCase(String org, String useCase) {
        return db.query(
                "SELECT * FROM correction WHERE org = ? AND usecase = ? ORDER BY at, recording, target",
                JdbcCorrectionStore::correction,
                org,
                useCase);
    }

    private static Correction correction(ResultSet row) throws SQLException {
        String target = row.getString("target");
        return new Correction(
                row.getString("org"),
                row.getString("usecase"),
                row.getString("recording"),
                target.equals(BUCKET) ? null : target,
                row.getString("value"),
                Instant.ofEpochMilli(row.getLong("at")));
    }
}
