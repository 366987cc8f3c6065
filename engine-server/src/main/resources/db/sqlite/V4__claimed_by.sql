-- Which node holds each claim (its --node-id), for operators and for tests that stop a node mid-job.
ALTER TABLE recording ADD COLUMN claimed_by TEXT;
