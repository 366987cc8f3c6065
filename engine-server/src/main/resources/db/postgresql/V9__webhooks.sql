-- Webhooks: where to tell an organization's systems about its recordings, and the outbox of deliveries, written in
-- the same transaction as the state change they report, so a restart loses no event.
CREATE TABLE webhook (
    id TEXT PRIMARY KEY, org TEXT NOT NULL, url TEXT NOT NULL, events TEXT NOT NULL, usecase TEXT,
    secret TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX webhook_by_org ON webhook (org);
CREATE TABLE webhook_delivery (
    id TEXT PRIMARY KEY, webhook TEXT NOT NULL, recording TEXT NOT NULL, event TEXT NOT NULL, payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, last_status INTEGER, last_error TEXT,
    created_at BIGINT NOT NULL, delivered_at BIGINT);
CREATE INDEX delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX delivery_by_webhook ON webhook_delivery (webhook, created_at);
CREATE INDEX delivery_by_recording ON webhook_delivery (recording);
