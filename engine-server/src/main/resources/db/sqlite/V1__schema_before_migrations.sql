-- The schema of the releases before migrations, which created it with IF NOT EXISTS at every start.
-- Such a database has no history table: Flyway takes it as this version (a baseline) and applies what follows.
CREATE TABLE IF NOT EXISTS usecase (
    uuid TEXT PRIMARY KEY, org TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
    tags TEXT NOT NULL, buckets TEXT NOT NULL, analysis TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS usecase_by_org ON usecase (org, created_at);
CREATE TABLE IF NOT EXISTS recording (
    uuid TEXT PRIMARY KEY, org TEXT NOT NULL, usecase TEXT, client_name TEXT NOT NULL,
    client_profile TEXT NOT NULL, file_name TEXT NOT NULL, file_size INTEGER NOT NULL,
    content_type TEXT NOT NULL, storage_key TEXT NOT NULL UNIQUE, metadata TEXT NOT NULL,
    call_date TEXT NOT NULL, call_type TEXT, state TEXT NOT NULL, error TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, claimed INTEGER NOT NULL DEFAULT 0, queued_at INTEGER,
    audio_format TEXT, audio_codec TEXT, sample_rate INTEGER, channels INTEGER, duration REAL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS recording_by_usecase ON recording (usecase, call_date, created_at);
CREATE INDEX IF NOT EXISTS recording_queue ON recording (state, claimed, queued_at);
CREATE TABLE IF NOT EXISTS recording_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, recording TEXT NOT NULL, state TEXT NOT NULL,
    at INTEGER NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_by_recording ON recording_history (recording, seq);
CREATE TABLE IF NOT EXISTS result (
    recording TEXT PRIMARY KEY, transcript TEXT, analytics TEXT);
CREATE TABLE IF NOT EXISTS correction (
    recording TEXT NOT NULL, target TEXT NOT NULL, org TEXT NOT NULL, usecase TEXT NOT NULL,
    value TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (recording, target));
CREATE INDEX IF NOT EXISTS correction_by_usecase ON correction (org, usecase, at);
CREATE TABLE IF NOT EXISTS api_key (
    hash TEXT PRIMARY KEY, org TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL);
