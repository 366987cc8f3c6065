package io.callintel.server.store;

import java.util.Optional;

/** Each organization's own settings, in {@code org_setting}: for now, how long its recordings are kept. */
public final class JdbcOrgSettings {

    private final Database db;

    public JdbcOrgSettings(Database db) {
        this.db = db;
    }

    /** The organization's retention in days; empty when it has set none (the server's default applies). */
    public Optional<Integer> retentionDays(String org) {
        return db.queryOne(
                        "SELECT retention_days FROM org_setting WHERE org = ?",
                        row -> {
                            int days = row.getInt(1);
                            return row.wasNull() ? Optional.<Integer>empty() : Optional.of(days);
                        },
                        org)
                .flatMap(days -> days);
    }

    /** @param days empty: back to the server's default */
    public void setRetentionDays(String org, Optional<Integer> days) {
        db.update(
                "INSERT INTO org_setting (org, retention_days) VALUES (?, ?)"
                        + " ON CONFLICT (org) DO UPDATE SET retention_days = excluded.retention_days",
                org,
                days.orElse(null));
    }
}
