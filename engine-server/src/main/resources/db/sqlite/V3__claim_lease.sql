-- A claim holds until lease_until (epoch ms), renewed by its worker's heartbeat; past it, another worker may claim
-- the recording. queued_at doubles as "due at": a retry is due after its backoff.
ALTER TABLE recording ADD COLUMN lease_until INTEGER;
UPDATE recording SET claimed = 0;
