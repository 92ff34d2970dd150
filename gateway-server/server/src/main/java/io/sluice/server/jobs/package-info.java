/**
 * Jobs, schedules, clusters, storages and interactive groups: one service layer that the SQL extensions ({@code SUBMIT
 * JOB}, {@code SHOW JOBS}, {@code CREATE SCHEDULE}, ...) and the REST API ({@code /api/v1/job}, {@code /schedule},
 * {@code /cluster}, {@code /group}) share, on the metadata store, with db-scheduler's durable queue under jobs and fires.
 */
package io.sluice.server.jobs;
