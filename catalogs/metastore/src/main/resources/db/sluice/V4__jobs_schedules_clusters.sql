-- Jobs (SUBMIT JOB, POST /api/v1/job), their logs, schedules, clusters, storages and interactive groups. Properties
-- and definitions are JSON text; a storage's secret properties are kept encrypted by the server, never in clear.
CREATE TABLE sluice_jobs (
    job_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name VARCHAR(128) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    state VARCHAR(16) NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    engine VARCHAR(64),
    cluster_name VARCHAR(128),
    definition VARCHAR(65536) NOT NULL,
    schedule_name VARCHAR(128),
    fire_time TIMESTAMP WITH TIME ZONE,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE,
    finished_at TIMESTAMP WITH TIME ZONE,
    error_message VARCHAR(4096),
    retries INTEGER NOT NULL,
    max_retries INTEGER NOT NULL,
    external_id VARCHAR(255),
    run_by VARCHAR(255)
);

CREATE INDEX sluice_jobs_submitted ON sluice_jobs (submitted_at);
-- One job per schedule and fire time, whichever Sluice instance fires it.
CREATE UNIQUE INDEX sluice_jobs_fire ON sluice_jobs (schedule_name, fire_time);

CREATE TABLE sluice_job_logs (
    job_id VARCHAR(64) NOT NULL,
    line_number INTEGER NOT NULL,
    logged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    line VARCHAR(8192) NOT NULL,
    PRIMARY KEY (job_id, line_number)
);

CREATE TABLE sluice_schedules (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    cron VARCHAR(255) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    starts_at TIMESTAMP WITH TIME ZONE,
    ends_at TIMESTAMP WITH TIME ZONE,
    state VARCHAR(16) NOT NULL,
    job VARCHAR(65536) NOT NULL,
    settings VARCHAR(4096) NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_fire_time TIMESTAMP WITH TIME ZONE,
    last_job_id VARCHAR(64),
    last_fire_time TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sluice_clusters (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    cluster_type VARCHAR(16) NOT NULL,
    properties VARCHAR(65536) NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sluice_storages (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    storage_type VARCHAR(16) NOT NULL,
    properties VARCHAR(65536) NOT NULL,
    secrets VARCHAR(65536) NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sluice_groups (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    engine VARCHAR(64) NOT NULL,
    properties VARCHAR(65536) NOT NULL,
    user_name VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- db-scheduler's table (github.com/kagkarlsson/db-scheduler): the durable queue of job runs and schedule fires that
-- several Sluice instances share; each execution is picked by one instance only (optimistic locking on version).
CREATE TABLE scheduled_tasks (
    task_name VARCHAR(128) NOT NULL,
    task_instance VARCHAR(255) NOT NULL,
    task_data BYTEA,
    execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(255),
    last_success TIMESTAMP WITH TIME ZONE,
    last_failure TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);
