package io.sluice.server.jobs;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.ast.SqlCreateSchedule;
import io.sluice.dialects.ast.SqlManagement;
import io.sluice.dialects.ast.SqlSubmitJob;
import io.sluice.metastore.AuditStore;
import io.sluice.metastore.JobStore.JobRecord;
import io.sluice.metastore.JobStore;
import io.sluice.metastore.ScheduleStore.ScheduleRecord;
import io.sluice.metastore.TokenStore;
import io.sluice.server.audit.AuditLog;
import io.sluice.server.auth.TokenService;
import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.LocalResult;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.sql.SqlNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The SQL face of jobs, schedules, clusters, storages and groups: each statement is one call of the services the REST
 * API calls too, answered as an ordinary result set.
 */
public final class ManagementCommands
{
    public static final int DEFAULT_SHOW_LIMIT = 1000;

    private final JobService jobs;
    private final ClusterService clusters;
    private final GroupService groups;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Runnable credentialsChanged;

    /** {@code credentialsChanged} runs after a token is dropped, so that remembered logins with it end at once. */
    public ManagementCommands(JobService jobs, ClusterService clusters, GroupService groups, TokenService tokens, AuditLog audit, Runnable credentialsChanged)
    {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.credentialsChanged = requireNonNull(credentialsChanged, "credentialsChanged is null");
    }

    public AuditLog audit()
    {
        return audit;
    }

    public JobService jobs()
    {
        return jobs;
    }

    public ClusterService clusters()
    {
        return clusters;
    }

    public GroupService groups()
    {
        return groups;
    }

    /** Whether the parsed statement is one of these. */
    public static boolean handles(SqlNode tree)
    {
        return tree instanceof SqlManagement || tree instanceof SqlSubmitJob || tree instanceof SqlCreateSchedule;
    }

    /** Whether it answers rows: all but DROP do. */
    public static boolean returnsRows(SqlNode tree)
    {
        return !(tree instanceof SqlManagement management && management.verb() == SqlManagement.Verb.DROP);
    }

    /** Runs the statement ({@code sql} is its text, {@code tree} its parse) for the session's user. */
    public Optional<LocalResult> execute(SqlNode tree, String sql, Session session)
    {
        Access access = jobs.access(session.user());
        if (tree instanceof SqlSubmitJob submit) {
            String jobId = jobs.submit(session.user(), submission(submit, sql, sessionSettings(session)));
            return Optional.of(MetadataResults.strings(List.<Object[]>of(new Object[] {jobId}), "job_id"));
        }
        if (tree instanceof SqlCreateSchedule create) {
            ScheduleRecord schedule = jobs.createSchedule(session.user(), new JobService.ScheduleRequest(create.name(), create.cron(), create.timeZone(),
                    create.starts().map(text -> instant(text, create.timeZone())), create.ends().map(text -> instant(text, create.timeZone())),
                    create.jobText(sql)), sessionSettings(session));
            return Optional.of(scheduleState(schedule));
        }
        SqlManagement command = (SqlManagement) tree;
        String name = command.name().orElse("");
        int limit = command.limit().orElse(DEFAULT_SHOW_LIMIT);
        return switch (command.noun()) {
            case JOB -> switch (command.verb()) {
                case SHOW -> Optional.of(showJobs(jobs.list(access, command.pattern(), Optional.empty(), 0, limit)));
                case DESCRIBE -> Optional.of(describeJob(jobs.job(access, name)));
                case CANCEL -> {
                    JobRecord job = jobs.cancel(access, name);
                    yield Optional.of(MetadataResults.strings(List.<Object[]>of(new Object[] {job.jobId(), job.state()}), "job_id", "state"));
                }
                case SHOW_LOGS -> Optional.of(logs(jobs.logs(access, name, 0, limit)));
                default -> throw unsupported(command);
            };
            case SCHEDULE -> switch (command.verb()) {
                case SHOW -> Optional.of(showSchedules(jobs.schedules(access)));
                case PAUSE -> Optional.of(scheduleState(jobs.pause(access, name)));
                case RESUME -> Optional.of(scheduleState(jobs.resume(access, name)));
                case DROP -> {
                    jobs.dropSchedule(access, name, command.ifExists());
                    yield Optional.empty();
                }
                default -> throw unsupported(command);
            };
            case CLUSTER -> switch (command.verb()) {
                case SHOW -> Optional.of(showClusters(clusters.clusters()));
                case CREATE -> Optional.of(showClusters(List.of(clusters.createCluster(access, name, command.type().orElseThrow(), command.properties()))));
                case ALTER -> Optional.of(showClusters(List.of(clusters.alterCluster(access, name, command.properties()))));
                case DROP -> {
                    clusters.dropCluster(access, name, command.ifExists());
                    yield Optional.empty();
                }
                default -> throw unsupported(command);
            };
            case STORAGE -> switch (command.verb()) {
                case SHOW -> Optional.of(showStorages(clusters.storages()));
                case CREATE -> Optional.of(showStorages(List.of(clusters.createStorage(access, name, command.type().orElseThrow(), command.properties()))));
                case DROP -> {
                    clusters.dropStorage(access, name, command.ifExists());
                    yield Optional.empty();
                }
                default -> throw unsupported(command);
            };
            case TOKEN -> switch (command.verb()) {
                case SHOW -> Optional.of(showTokens(tokens.list(access)));
                case CREATE -> {
                    Optional<Instant> expires = Optional.ofNullable(command.properties().get("expires")).map(text -> instant(text, Optional.empty()));
                    List<String> roles = Optional.ofNullable(command.properties().get("roles")).map(text -> List.of(text.split(","))).orElse(List.of());
                    TokenService.Created created = tokens.create(session.user(), name, expires, roles);
                    audit.record(AuditLog.Kind.TOKEN, session.user(), session.owner().address(), true, Optional.empty(), List.of(name), "CREATE TOKEN " + name);
                    yield Optional.of(MetadataResults.strings(List.<Object[]>of(new Object[] {name, created.secret(), text(created.token().expires()),
                            String.join(",", created.token().roles())}), "name", "token", "expires", "roles"));
                }
                case DROP -> {
                    tokens.drop(access, name, command.ifExists());
                    credentialsChanged.run();
                    audit.record(AuditLog.Kind.TOKEN, session.user(), session.owner().address(), true, Optional.empty(), List.of(name), "DROP TOKEN " + name);
                    yield Optional.empty();
                }
                default -> throw unsupported(command);
            };
            case AUDIT -> {
                if (command.verb() != SqlManagement.Verb.SHOW) {
                    throw unsupported(command);
                }
                access.checkAdmin("SHOW AUDIT");
                yield Optional.of(showAudit(audit.recent(command.pattern(), limit)));
            }
            case GROUP -> switch (command.verb()) {
                case SHOW -> Optional.of(showGroups(groups.groups(access)));
                case CREATE -> Optional.of(showGroups(List.of(groups.create(session.user(), name, command.engine(), command.properties()))));
                case DROP -> {
                    groups.drop(access, name, command.ifExists());
                    yield Optional.empty();
                }
                default -> throw unsupported(command);
            };
        };
    }

    /** A {@code SUBMIT JOB} text read into a submission, for schedules' fires and for REST. */
    public JobService.Submission parseSubmission(String text, Map<String, String> settings)
    {
        Dialect dialect = Dialect.fromName(settings.getOrDefault("sluice.dialect", Dialect.SPARK.settingValue()));
        SqlNode tree = Transpiler.parse(text, dialect);
        if (!(tree instanceof SqlSubmitJob submit)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "A schedule's job is a SUBMIT JOB statement");
        }
        return submission(submit, text, settings);
    }

    private static JobService.Submission submission(SqlSubmitJob submit, String sql, Map<String, String> settings)
    {
        int maxRetries = retries(settings.get(JobService.MAX_RETRIES));
        Map<String, String> statementSettings = new LinkedHashMap<>(settings);
        statementSettings.remove(JobService.MAX_RETRIES);
        JobDefinition definition = submit.statement().isPresent()
                ? JobDefinition.statement(submit.statementText(sql).orElseThrow(), statementSettings)
                : JobDefinition.application(submit.mainClass().orElseThrow(), submit.jar().orElseThrow(), submit.arguments(), submit.conf());
        if (submit.statement().isPresent() && ManagementCommands.handles(submit.statement().get())) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "A job runs a query or a change of data, not another job, schedule or cluster statement");
        }
        return new JobService.Submission(submit.name(), definition, submit.engine(), submit.cluster(), maxRetries);
    }

    private static int retries(String value)
    {
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw new SluiceException(ErrorCode.INVALID_SESSION_PROPERTY, format("%s must be a whole number, not '%s'", JobService.MAX_RETRIES, value));
        }
    }

    /** What a job keeps of the submitting session: its dialect, database and retries. */
    private static Map<String, String> sessionSettings(Session session)
    {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sluice.dialect", session.dialect().settingValue());
        settings.put("use:database", session.currentDatabase());
        session.setting(JobService.MAX_RETRIES).ifPresent(value -> settings.put(JobService.MAX_RETRIES, value));
        return settings;
    }

    /** {@code 'yyyy-MM-dd HH:mm[:ss]'} in the schedule's zone, or an ISO instant. */
    private static Instant instant(String text, Optional<String> zone)
    {
        String value = text.strip();
        try {
            return Instant.parse(value);
        }
        catch (DateTimeParseException e) {
            try {
                LocalDateTime local = value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value.replace(' ', 'T'));
                return local.atZone(ZoneId.of(zone.orElse("UTC"))).toInstant();
            }
            catch (java.time.DateTimeException again) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid time '%s': write 'yyyy-MM-dd[ HH:mm[:ss]]' or an ISO instant", value));
            }
        }
    }

    public static LocalResult showJobs(List<JobRecord> records)
    {
        List<Object[]> rows = new ArrayList<>();
        for (JobRecord job : records) {
            rows.add(new Object[] {job.jobId(), job.name(), job.state(), job.user(), job.engine().orElse(null), job.cluster().orElse(null),
                    job.submitted().toString(), text(job.started()), text(job.finished()), job.error().orElse(null)});
        }
        return MetadataResults.strings(rows, "job_id", "name", "state", "user", "engine", "cluster", "submitted", "started", "finished", "error");
    }

    private LocalResult describeJob(JobRecord job)
    {
        JobDefinition definition = jobs.definition(job);
        List<Object[]> rows = new ArrayList<>();
        add(rows, "job_id", job.jobId());
        add(rows, "name", job.name());
        add(rows, "kind", job.kind());
        add(rows, "state", job.state());
        add(rows, "user", job.user());
        add(rows, "engine", job.engine().orElse(null));
        add(rows, "cluster", job.cluster().orElse(null));
        if (definition.statement() != null) {
            add(rows, "statement", definition.statement());
            add(rows, "database", definition.settings().get("use:database"));
        }
        else {
            add(rows, "class", definition.mainClass());
            add(rows, "jar", definition.jar());
            add(rows, "args", String.join(" ", definition.arguments()));
            add(rows, "submission", "spark-submit " + String.join(" ", jobs.submissionShown(job)));
        }
        add(rows, "schedule", job.schedule().orElse(null));
        add(rows, "fire_time", text(job.fireTime()));
        add(rows, "submitted", job.submitted().toString());
        add(rows, "started", text(job.started()));
        add(rows, "finished", text(job.finished()));
        add(rows, "retries", String.valueOf(job.retries()));
        add(rows, "max_retries", String.valueOf(job.maxRetries()));
        add(rows, "run", job.externalId().orElse(null));
        add(rows, "error", job.error().orElse(null));
        return MetadataResults.strings(rows, "property", "value");
    }

    private static LocalResult logs(List<JobStore.LogLine> lines)
    {
        List<Object[]> rows = new ArrayList<>();
        for (JobStore.LogLine line : lines) {
            rows.add(new Object[] {line.number(), line.at().toString(), line.line()});
        }
        return new LocalResult(MetadataResults.columns("line_number", SluiceType.INTEGER, "logged_at", SluiceType.STRING, "line", SluiceType.STRING), rows);
    }

    private static LocalResult showSchedules(List<JobService.ScheduleView> views)
    {
        List<Object[]> rows = new ArrayList<>();
        for (JobService.ScheduleView view : views) {
            ScheduleRecord schedule = view.schedule();
            rows.add(new Object[] {schedule.name(), schedule.cron(), schedule.timeZone(), schedule.state(), text(schedule.nextFireTime()),
                    schedule.lastJobId().orElse(null), view.lastState().orElse(null)});
        }
        return MetadataResults.strings(rows, "name", "cron", "timezone", "state", "next_fire_time", "last_job_id", "last_state");
    }

    private static LocalResult scheduleState(ScheduleRecord schedule)
    {
        return MetadataResults.strings(List.<Object[]>of(new Object[] {schedule.name(), schedule.state(), text(schedule.nextFireTime())}), "name", "state", "next_fire_time");
    }

    private static LocalResult showClusters(List<ClusterService.Cluster> list)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ClusterService.Cluster cluster : list) {
            rows.add(new Object[] {cluster.name(), cluster.type().name(), Json.write(cluster.properties()), String.join(",", cluster.storages()), cluster.user(),
                    text(cluster.created())});
        }
        return MetadataResults.strings(rows, "name", "type", "properties", "storages", "user", "created");
    }

    private static LocalResult showStorages(List<ClusterService.Storage> list)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ClusterService.Storage storage : list) {
            rows.add(new Object[] {storage.name(), storage.type().name(), Json.write(storage.properties()), String.join(",", storage.secretKeys().stream().sorted().toList()),
                    storage.user(), storage.created().toString()});
        }
        return MetadataResults.strings(rows, "name", "type", "properties", "secret_properties", "user", "created");
    }

    private static LocalResult showGroups(List<GroupService.Group> list)
    {
        List<Object[]> rows = new ArrayList<>();
        for (GroupService.Group group : list) {
            rows.add(new Object[] {group.name(), group.engine(), group.state(), group.members(), Json.write(group.properties()), group.user(), group.created().toString()});
        }
        return new LocalResult(MetadataResults.columns("name", SluiceType.STRING, "engine", SluiceType.STRING, "state", SluiceType.STRING, "members", SluiceType.INTEGER,
                "properties", SluiceType.STRING, "user", SluiceType.STRING, "created", SluiceType.STRING), rows);
    }

    private static LocalResult showTokens(List<TokenStore.TokenRecord> list)
    {
        List<Object[]> rows = new ArrayList<>();
        for (TokenStore.TokenRecord token : list) {
            rows.add(new Object[] {token.name(), token.owner(), token.created().toString(), text(token.expires()), text(token.lastUsed()), String.join(",", token.roles())});
        }
        return MetadataResults.strings(rows, "name", "owner", "created", "expires", "last_used", "roles");
    }

    /** SHOW AUDIT's rows, newest first. */
    public static LocalResult showAudit(List<AuditStore.AuditEvent> events)
    {
        List<Object[]> rows = new ArrayList<>();
        for (AuditStore.AuditEvent event : events) {
            rows.add(new Object[] {event.id(), event.time().toString(), event.kind(), event.user(), event.address(), event.allowed(), event.engine().orElse(null),
                    event.objects(), event.detail()});
        }
        return new LocalResult(MetadataResults.columns("event_id", SluiceType.BIGINT, "event_time", SluiceType.STRING, "kind", SluiceType.STRING, "user", SluiceType.STRING,
                "address", SluiceType.STRING, "allowed", SluiceType.BOOLEAN, "engine", SluiceType.STRING, "objects", SluiceType.STRING, "detail", SluiceType.STRING), rows);
    }

    private static void add(List<Object[]> rows, String property, String value)
    {
        rows.add(new Object[] {property, value});
    }

    private static String text(Optional<Instant> instant)
    {
        return instant.map(Instant::toString).orElse(null);
    }

    private static SluiceException unsupported(SqlManagement command)
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: " + command.getOperator().getName());
    }
}
