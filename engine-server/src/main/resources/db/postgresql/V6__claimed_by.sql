-- As db/sqlite's version 4: which node holds each claim.
ALTER TABLE recording ADD COLUMN claimed_by TEXT;
