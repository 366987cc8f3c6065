-- Search across nodes: each indexed recording's segments, appended in commit order (writers lock the table), which
-- every API node replays into its own Lucene index before it answers a search.
CREATE TABLE search_event (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, recording TEXT NOT NULL, segments TEXT NOT NULL);
