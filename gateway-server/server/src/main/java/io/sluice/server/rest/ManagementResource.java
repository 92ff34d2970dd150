package io.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.metastore.JobStore;
import io.sluice.metastore.JobStore.JobRecord;
import io.sluice.metastore.ScheduleStore.ScheduleRecord;
import io.sluice.server.jobs.Access;
import io.sluice.server.jobs.ClusterService;
import io.sluice.server.jobs.GroupService;
import io.sluice.server.jobs.JobDefinition;
import io.sluice.server.jobs.JobService;
import io.sluice.server.jobs.ManagementCommands;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The REST twins of the job, schedule, cluster and group statements: {@code /api/v1/job}, {@code /schedule},
 * {@code /cluster}, {@code /group}. Thin: each handler reads its JSON, calls the service the SQL statement calls, and
 * writes JSON; lists are paged with {@code offset} and {@code limit}.
 */
final class ManagementResource
{
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ManagementCommands management;

    ManagementResource(ManagementCommands management)
    {
        this.management = requireNonNull(management, "management is null");
    }

    private Access access(String user)
    {
        return management.jobs().access(user);
    }

    /** {@code POST /api/v1/job}: {@code {name, statement | (mainClass, jar, args?, conf?), engine?, cluster?, database?, dialect?, maxRetries?, user?}}. */
    Map<String, Object> submit(JsonNode body)
    {
        String user = RestHandler.optionalText(body, "user", "rest");
        JobDefinition definition;
        JsonNode statement = body.get("statement");
        if (statement != null && !statement.isNull()) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("sluice.dialect", RestHandler.optionalText(body, "dialect", "spark"));
            settings.put("use:database", RestHandler.optionalText(body, "database", "default"));
            definition = JobDefinition.statement(RestHandler.requiredText(body, "statement"), settings);
        }
        else {
            definition = JobDefinition.application(RestHandler.requiredText(body, "mainClass"), RestHandler.requiredText(body, "jar"), strings(body, "args"),
                    properties(body, "conf"));
        }
        int maxRetries = integer(body, "maxRetries", 0, 0, 10);
        String jobId = management.jobs().submit(user, new JobService.Submission(RestHandler.requiredText(body, "name"), definition,
                optional(body, "engine"), optional(body, "cluster"), maxRetries));
        return job(management.jobs().job(access(user), jobId));
    }

    /** {@code GET /api/v1/job?user=&state=&name=&offset=&limit=}: newest first. */
    Map<String, Object> jobs(Query query)
    {
        int offset = query.offset();
        int limit = query.limit();
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JobRecord job : management.jobs().list(access(query.user()), query.text("name"), query.text("state"), offset, limit)) {
            jobs.add(job(job));
        }
        return page("jobs", jobs, offset, limit);
    }

    Map<String, Object> job(Query query, String jobId)
    {
        return job(management.jobs().job(access(query.user()), jobId));
    }

    /** {@code DELETE /api/v1/job/{id}} and {@code POST /api/v1/job/{id}/stop}: cancels the job. */
    Map<String, Object> cancel(Query query, String jobId)
    {
        return job(management.jobs().cancel(access(query.user()), jobId));
    }

    /** {@code GET /api/v1/job/{id}/logs?offset=&limit=}: lines after line {@code offset}. */
    Map<String, Object> logs(Query query, String jobId)
    {
        int offset = query.offset();
        int limit = query.limit();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JobStore.LogLine line : management.jobs().logs(access(query.user()), jobId, offset, limit)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", line.number());
            entry.put("at", line.at().toString());
            entry.put("line", line.line());
            lines.add(entry);
        }
        return page("lines", lines, offset, limit);
    }

    /**
     * {@code POST /api/v1/schedule}: {@code {name, cron, timezone?, starts?, ends?, job, dialect?, database?, user?}}, {@code job} a
     * SUBMIT JOB statement, read and run in {@code dialect} (spark) and {@code database} (default).
     */
    Map<String, Object> createSchedule(JsonNode body)
    {
        String user = RestHandler.optionalText(body, "user", "rest");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sluice.dialect", RestHandler.optionalText(body, "dialect", "spark"));
        settings.put("use:database", RestHandler.optionalText(body, "database", "default"));
        ScheduleRecord schedule = management.jobs().createSchedule(user, new JobService.ScheduleRequest(RestHandler.requiredText(body, "name"),
                RestHandler.requiredText(body, "cron"), optional(body, "timezone"), optional(body, "starts").map(ManagementResource::instant),
                optional(body, "ends").map(ManagementResource::instant), RestHandler.requiredText(body, "job")), settings);
        return schedule(new JobService.ScheduleView(schedule, Optional.empty()));
    }

    Map<String, Object> schedules(Query query)
    {
        List<Map<String, Object>> schedules = new ArrayList<>();
        management.jobs().schedules(access(query.user())).forEach(view -> schedules.add(schedule(view)));
        return page("schedules", slice(schedules, query), query.offset(), query.limit());
    }

    Map<String, Object> schedule(Query query, String name, String action)
    {
        Access access = access(query.user());
        ScheduleRecord schedule = switch (action) {
            case "pause" -> management.jobs().pause(access, name);
            case "resume" -> management.jobs().resume(access, name);
            default -> management.jobs().schedule(access, name);
        };
        return schedule(new JobService.ScheduleView(schedule, Optional.empty()));
    }

    Map<String, Object> dropSchedule(Query query, String name)
    {
        management.jobs().dropSchedule(access(query.user()), name, false);
        return Map.of("name", name, "dropped", true);
    }

    /** {@code POST /api/v1/cluster}: {@code {name, type, properties?, user?}}. */
    Map<String, Object> createCluster(JsonNode body)
    {
        return cluster(management.clusters().createCluster(access(RestHandler.optionalText(body, "user", "rest")), RestHandler.requiredText(body, "name"),
                RestHandler.requiredText(body, "type"), properties(body, "properties")));
    }

    Map<String, Object> clusters(Query query)
    {
        List<Map<String, Object>> clusters = new ArrayList<>();
        management.clusters().clusters().forEach(cluster -> clusters.add(cluster(cluster)));
        return page("clusters", slice(clusters, query), query.offset(), query.limit());
    }

    Map<String, Object> cluster(String name)
    {
        return cluster(management.clusters().cluster(name));
    }

    Map<String, Object> dropCluster(Query query, String name)
    {
        management.clusters().dropCluster(access(query.user()), name, false);
        return Map.of("name", name, "dropped", true);
    }

    /** {@code POST /api/v1/group}: {@code {name, engine?, properties?, user?}}. */
    Map<String, Object> createGroup(JsonNode body)
    {
        return group(management.groups().create(RestHandler.optionalText(body, "user", "rest"), RestHandler.requiredText(body, "name"), optional(body, "engine"),
                properties(body, "properties")));
    }

    Map<String, Object> groups(Query query)
    {
        List<Map<String, Object>> groups = new ArrayList<>();
        management.groups().groups(access(query.user())).forEach(group -> groups.add(group(group)));
        return page("groups", slice(groups, query), query.offset(), query.limit());
    }

    /** {@code POST /api/v1/group/{id}/stop}: closes the group's engine session now; the next use opens a new one. */
    Map<String, Object> stopGroup(Query query, String name)
    {
        return group(management.groups().stop(access(query.user()), name));
    }

    Map<String, Object> dropGroup(Query query, String name)
    {
        management.groups().drop(access(query.user()), name, false);
        return Map.of("name", name, "dropped", true);
    }

    private static Map<String, Object> job(JobRecord job)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        // The path's {id}, under the name REST clients of batch APIs look for, and as jobId (SUBMIT JOB's job_id).
        entry.put("id", job.jobId());
        entry.put("jobId", job.jobId());
        entry.put("name", job.name());
        entry.put("kind", job.kind());
        entry.put("state", job.state());
        entry.put("user", job.user());
        entry.put("engine", job.engine().orElse(null));
        entry.put("cluster", job.cluster().orElse(null));
        entry.put("schedule", job.schedule().orElse(null));
        entry.put("fireTime", text(job.fireTime()));
        entry.put("submitted", job.submitted().toString());
        entry.put("started", text(job.started()));
        entry.put("finished", text(job.finished()));
        entry.put("error", job.error().orElse(null));
        entry.put("retries", job.retries());
        entry.put("maxRetries", job.maxRetries());
        entry.put("run", job.externalId().orElse(null));
        return entry;
    }

    private static Map<String, Object> schedule(JobService.ScheduleView view)
    {
        ScheduleRecord schedule = view.schedule();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", schedule.name());
        entry.put("cron", schedule.cron());
        entry.put("timezone", schedule.timeZone());
        entry.put("state", schedule.state());
        entry.put("starts", text(schedule.starts()));
        entry.put("ends", text(schedule.ends()));
        entry.put("nextFireTime", text(schedule.nextFireTime()));
        entry.put("lastJobId", schedule.lastJobId().orElse(null));
        entry.put("lastState", view.lastState().orElse(null));
        entry.put("job", schedule.job());
        entry.put("user", schedule.user());
        return entry;
    }

    private static Map<String, Object> cluster(ClusterService.Cluster cluster)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", cluster.name());
        entry.put("type", cluster.type().name());
        entry.put("properties", cluster.properties());
        entry.put("storages", cluster.storages());
        entry.put("user", cluster.user());
        entry.put("created", text(cluster.created()));
        return entry;
    }

    private static Map<String, Object> group(GroupService.Group group)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", group.name());
        entry.put("engine", group.engine());
        entry.put("state", group.state());
        entry.put("members", group.members());
        entry.put("properties", group.properties());
        entry.put("user", group.user());
        entry.put("created", group.created().toString());
        return entry;
    }

    private static Map<String, Object> page(String field, List<Map<String, Object>> items, int offset, int limit)
    {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(field, items);
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("nextOffset", items.size() < limit ? null : offset + items.size());
        return page;
    }

    private static List<Map<String, Object>> slice(List<Map<String, Object>> all, Query query)
    {
        return all.stream().skip(query.offset()).limit(query.limit()).toList();
    }

    private static String text(Optional<Instant> instant)
    {
        return instant.map(Instant::toString).orElse(null);
    }

    private static Instant instant(String text)
    {
        try {
            return Instant.parse(text);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "Invalid instant '" + text + "': write an ISO instant such as 2026-12-02T10:00:00Z");
        }
    }

    private static Optional<String> optional(JsonNode body, String field)
    {
        return Optional.ofNullable(RestHandler.optionalText(body, field, null));
    }

    private static int integer(JsonNode body, String field, int defaultValue, int min, int max)
    {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static List<String> strings(JsonNode body, String field)
    {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be an array of strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static Map<String, String> properties(JsonNode body, String field)
    {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be an object of strings");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "." + entry.getKey() + "' must be a string");
            }
            properties.put(entry.getKey(), entry.getValue().asText());
        }
        return properties;
    }

    /** A request's query parameters: {@code user}, {@code offset}, {@code limit} and filters. */
    record Query(org.eclipse.jetty.util.Fields fields)
    {
        String user()
        {
            return RestHandler.authenticatedUser().or(() -> Optional.ofNullable(fields.getValue("user"))).orElse("rest");
        }

        Optional<String> text(String name)
        {
            return Optional.ofNullable(fields.getValue(name));
        }

        int offset()
        {
            return number("offset", 0, 0, Integer.MAX_VALUE - MAX_LIMIT);
        }

        int limit()
        {
            return number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        }

        private int number(String name, int defaultValue, int min, int max)
        {
            String text = fields.getValue(name);
            if (text == null) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            }
            catch (NumberFormatException e) {
                // Reported below.
            }
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid " + name + " '" + text + "': expected a number from " + min + " to " + max);
        }
    }
}
