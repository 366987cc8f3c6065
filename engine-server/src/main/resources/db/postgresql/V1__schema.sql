-- The schema of SQLite's version 1 (see db/sqlite), in PostgreSQL's types: times are epoch milliseconds.
CREATE TABLE usecase (
    uuid TEXT PRIMARY KEY, org TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
    tags TEXT NOT NULL, buckets TEXT NOT NULL, analysis TEXT NOT NULL,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE INDEX usecase_by_org ON usecase (org, created_at);
CREATE TABLE recording (
    uuid TEXT PRIMARY KEY, org TEXT NOT NULL, usecase TEXT, client_name TEXT NOT NULL,
    client_profile TEXT NOT NULL, file_name TEXT NOT NULL, file_size BIGINT NOT NULL,
    content_type TEXT NOT NULL, storage_key TEXT NOT NULL UNIQUE, metadata TEXT NOT NULL,
    call_date TEXT NOT NULL, call_type TEXT, state TEXT NOT NULL, error TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, claimed INTEGER NOT NULL DEFAULT 0, queued_at BIGINT,
    audio_format TEXT, audio_codec TEXT, sample_rate INTEGER, channels INTEGER, duration DOUBLE PRECISION,
    created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE INDEX recording_by_usecase ON recording (usecase, call_date, created_at);
CREATE INDEX recording_queue ON recording (state, claimed, queued_at);
CREATE TABLE recording_history (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recording TEXT NOT NULL, state TEXT NOT NULL,
    at BIGINT NOT NULL, message TEXT NOT NULL);
CREATE INDEX history_by_recording ON recording_history (recording, seq);
CREATE TABLE result (
    recording TEXT PRIMARY KEY, transcript TEXT, analytics TEXT);
CREATE TABLE correction (
    recording TEXT NOT NULL, target TEXT NOT NULL, org TEXT NOT NULL, usecase TEXT NOT NULL,
    value TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (recording, target));
CREATE INDEX correction_by_usecase ON correction (org, usecase, at);
CREATE TABLE api_key (
    hash TEXT PRIMARY KEY, org TEXT NOT NULL, name TEXT NOT NULL, created_at BIGINT NOT NULL);
