-- As db/sqlite's version 3: a claim holds until lease_until (epoch ms), renewed by its worker's heartbeat.
ALTER TABLE recording ADD COLUMN lease_until BIGINT;
