-- Secrets every node must share: the JWT signing key ('jwt'), created by the first node that needs it. (SQLite keeps
-- it in the data directory's secret.key, as before.)
CREATE TABLE secret (name TEXT PRIMARY KEY, value TEXT NOT NULL);
