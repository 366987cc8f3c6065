-- Each analysed recording's bucket (target '') and answers (target: the question), so that listings can filter
-- by them; the same targets as the correction table, whose value takes precedence. Filled from the stored analytics.
CREATE TABLE recording_outcome (
    recording TEXT NOT NULL, target TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (recording, target));
CREATE INDEX outcome_by_value ON recording_outcome (target, value);
INSERT OR REPLACE INTO recording_outcome (recording, target, value)
    SELECT recording, '', json_extract(analytics, '$.bucket.name') FROM result
    WHERE analytics IS NOT NULL AND json_extract(analytics, '$.bucket.name') IS NOT NULL;
INSERT OR REPLACE INTO recording_outcome (recording, target, value)
    SELECT result.recording, json_extract(q.value, '$.question'), json_extract(q.value, '$.answer')
    FROM result, json_each(result.analytics, '$.questions') AS q
    WHERE result.analytics IS NOT NULL;
