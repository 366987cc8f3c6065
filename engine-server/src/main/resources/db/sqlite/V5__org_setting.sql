-- Per-organization settings: how many days recordings are kept (NULL: the server's default, --retention-days).
CREATE TABLE org_setting (org TEXT PRIMARY KEY, retention_days INTEGER);
