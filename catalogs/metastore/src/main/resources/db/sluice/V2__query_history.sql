-- Every statement Sluice executed: where the router sent it, what it estimated and what it took (SHOW QUERIES,
-- GET /api/v1/queries, the router's correction of its estimates for statements of the same shape).
CREATE TABLE sluice_query_history (
    query_id VARCHAR(128) NOT NULL PRIMARY KEY,
    user_name VARCHAR(255) NOT NULL,
    statement VARCHAR(65536) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    engine VARCHAR(64),
    route VARCHAR(4096),
    estimated_seconds DOUBLE PRECISION,
    actual_seconds DOUBLE PRECISION,
    state VARCHAR(32) NOT NULL,
    error_message VARCHAR(4096),
    failed_over_from VARCHAR(64),
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);

CREATE INDEX sluice_query_history_started ON sluice_query_history (started_at);
CREATE INDEX sluice_query_history_fingerprint ON sluice_query_history (fingerprint, engine);
