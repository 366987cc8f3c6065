-- API keys get a public id (to list, rename and revoke them by), their last use, revocation, and optional limits:
-- one use case, or reads only. Keys made before keep working: their id is the start of their hash.
ALTER TABLE api_key ADD COLUMN id TEXT;
ALTER TABLE api_key ADD COLUMN usecase TEXT;
ALTER TABLE api_key ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_key ADD COLUMN last_used_at INTEGER;
ALTER TABLE api_key ADD COLUMN revoked_at INTEGER;
UPDATE api_key SET id = substr(hash, 1, 16) WHERE id IS NULL;
CREATE UNIQUE INDEX api_key_by_id ON api_key (id);
