-- Each analysed recording's bucket (target '') and answers (target: the question), as in db/sqlite's version 2.
CREATE TABLE recording_outcome (
    recording TEXT NOT NULL, target TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (recording, target));
CREATE INDEX outcome_by_value ON recording_outcome (target, value);
