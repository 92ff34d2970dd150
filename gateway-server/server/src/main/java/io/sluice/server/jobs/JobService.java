package io.sluice.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.sluice.metastore.JobStore;
import io.sluice.metastore.JobStore.JobRecord;
import io.sluice.metastore.Metastore;
import io.sluice.metastore.ScheduleStore;
import io.sluice.metastore.ScheduleStore.ScheduleRecord;
import io.sluice.server.SluiceBackend;
import io.sluice.server.command.SessionCommandExecutor;
import io.sluice.server.operation.ExecuteStatementOperation;
import io.sluice.server.operation.Operation;
import io.sluice.server.operation.OperationState;
import io.sluice.server.session.Caller;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Jobs and schedules: submitted, listed, described, cancelled and logged for the SQL extensions and the REST API alike.
 * A job is a row in the store and an execution in db-scheduler's queue (task {@code sluice-job}, instance = job id);
 * a schedule is a row and its next fire (task {@code sluice-schedule}, instance = schedule name). Several instances on
 * one PostgreSQL share the queue: each execution is picked by one instance, and a fire inserts its job under a unique
 * (schedule, fire time) key, so a fire time never runs twice.
 */
public final class JobService
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    public static final String THREADS = "jobs.threads";
    public static final String POLL_INTERVAL = "jobs.poll-interval";
    public static final String RETRY_BACKOFF = "jobs.retry-backoff";
    public static final String MAX_RETRIES = "sluice.job.max-retries";
    public static final String MAX_LOG_LINES = "jobs.max-log-lines";
    public static final String WATCH_INTERVAL = "jobs.watch-interval";

    /** How a job that runs on in its engine (a Flink streaming INSERT) is named in the job's {@code run}: {@code <engine> job <id>}. */
    private static final Pattern DETACHED = Pattern.compile("(\\S+) job (\\S+)");

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";
    private static final Set<String> ACTIVE = Set.of(QUEUED, RUNNING);

    public static final String ACTIVE_SCHEDULE = "ACTIVE";
    public static final String PAUSED_SCHEDULE = "PAUSED";
    public static final String ENDED_SCHEDULE = "ENDED";

    /** The longest job definition (statement and settings, or application) and schedule job text the store keeps. */
    public static final int MAX_DEFINITION = 65_536;

    /** Rows of a statement job's result written to its log. */
    private static final int LOGGED_ROWS = 20;
    private static final String JOB_ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the service runs with. */
    public record Config(int threads, Duration pollInterval, Duration retryBackoff, int maxLogLines, Set<String> adminUsers, String instanceName,
            Duration watchInterval)
    {
        public Config
        {
            requireNonNull(watchInterval, "watchInterval is null");
            requireNonNull(pollInterval, "pollInterval is null");
            requireNonNull(retryBackoff, "retryBackoff is null");
            adminUsers = Set.copyOf(adminUsers);
            requireNonNull(instanceName, "instanceName is null");
        }
    }

    /** A job to submit: its name, what it runs, and where. */
    public record Submission(String name, JobDefinition definition, Optional<String> engine, Optional<String> cluster, int maxRetries)
    {
        public Submission
        {
            requireNonNull(name, "name is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(cluster, "cluster is null");
        }
    }

    /** A schedule to create. */
    public record ScheduleRequest(String name, String cron, Optional<String> timeZone, Optional<Instant> starts, Optional<Instant> ends, String job)
    {
        public ScheduleRequest
        {
            requireNonNull(name, "name is null");
            requireNonNull(cron, "cron is null");
            requireNonNull(timeZone, "timeZone is null");
            requireNonNull(starts, "starts is null");
            requireNonNull(ends, "ends is null");
            requireNonNull(job, "job is null");
        }
    }

    /** A schedule as SHOW SCHEDULES shows it: with its last job's state. */
    public record ScheduleView(ScheduleRecord schedule, Optional<String> lastState) {}

    /** Reads a {@code SUBMIT JOB} statement's text into a submission; the SQL layer provides it. */
    public interface SubmitParser
    {
        Submission parse(String submitJob, Map<String, String> settings);
    }

    private final Metastore store;
    private final JobStore jobs;
    private final ScheduleStore schedules;
    private final ClusterService clusters;
    private final Config config;
    private final CustomTask<Void> runTask;
    private final CustomTask<Void> fireTask;
    private final Map<String, Runnable> running = new ConcurrentHashMap<>();
    private volatile SluiceBackend backend;
    private volatile SubmitParser submitParser;
    private volatile Scheduler scheduler;
    private volatile Set<String> engines = Set.of();
    private volatile java.util.function.Function<String, Optional<io.sluice.spi.engine.Engine>> engineLookup = name -> Optional.empty();

    public JobService(Metastore store, ClusterService clusters, Config config)
    {
        this.store = requireNonNull(store, "store is null");
        this.jobs = new JobStore(store);
        this.schedules = new ScheduleStore(store);
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.config = requireNonNull(config, "config is null");
        // Failures are handled inside (a job's retries are its own); a dead execution (its instance stopped) runs again,
        // and the run sees the job still RUNNING and counts it as an interrupted attempt.
        this.runTask = Tasks.custom("sluice-job", Void.class)
                .onFailure((complete, operations) -> operations.stop())
                .execute((instance, context) -> runJob(instance.getId()));
        this.fireTask = Tasks.custom("sluice-schedule", Void.class)
                .onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plusSeconds(60)))
                .execute((instance, context) -> fire(instance.getId(), context.getExecution().executionTime));
    }

    /** Starts running jobs and firing schedules, with the backend that runs statements and the parser of SUBMIT JOB texts. */
    public void start(SluiceBackend backend, SubmitParser submitParser, Set<String> engineNames)
    {
        this.backend = requireNonNull(backend, "backend is null");
        this.submitParser = requireNonNull(submitParser, "submitParser is null");
        this.engines = Set.copyOf(engineNames);
        this.engineLookup = backend.router()::engine;
        scheduler = Scheduler.create(store.dataSource(), runTask, fireTask)
                .threads(config.threads())
                .pollingInterval(config.pollInterval())
                .heartbeatInterval(Duration.ofSeconds(5))
                .missedHeartbeatsLimit(4)
                .schedulerName(new SchedulerName.Fixed(config.instanceName()))
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(2))
                .build();
        scheduler.start();
    }

    public Access access(String user)
    {
        return Access.of(user, config.adminUsers());
    }

    // ---- jobs

    /** Submits a job: checked, stored QUEUED and queued in one transaction; its id. */
    public String submit(String user, Submission submission)
    {
        return store.inTransaction(connection -> {
            String jobId = insertJob(user, submission, Optional.empty(), Optional.empty());
            scheduler().schedule(runTask.instance(jobId), Instant.now());
            return jobId;
        });
    }

    private String insertJob(String user, Submission submission, Optional<String> schedule, Optional<Instant> fireTime)
    {
        Optional<String> cluster = check(submission);
        JobDefinition definition = submission.definition();
        String definitionText = Json.write(definition);
        if (definitionText.length() > MAX_DEFINITION) {
            throw new SluiceException(ErrorCode.MESSAGE_TOO_LARGE, format("The job %s is %d characters long; a job's statement and settings are at most %d",
                    submission.name(), definitionText.length(), MAX_DEFINITION));
        }
        String jobId = newJobId();
        jobs.insert(new JobRecord(jobId, submission.name(), definition.kind(), QUEUED, user, submission.engine(), cluster, definitionText, schedule,
                fireTime, Instant.now(), Optional.empty(), Optional.empty(), Optional.empty(), 0, submission.maxRetries(), Optional.empty()));
        return jobId;
    }

    /** Checks a submission as its run would need it: name, retries, engine, cluster and application; the cluster's name as stored. */
    private Optional<String> check(Submission submission)
    {
        Names.check("job", submission.name());
        if (submission.maxRetries() < 0 || submission.maxRetries() > 10) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("%s must be from 0 to 10, not %s", MAX_RETRIES, submission.maxRetries()));
        }
        submission.engine().ifPresent(engine -> {
            if (!engines.contains(engine)) {
                throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("Unknown engine '%s'; this server runs %s", engine, engines.stream().sorted().toList()));
            }
        });
        JobDefinition definition = submission.definition();
        if (definition.kind().equals(JobDefinition.APPLICATION)) {
            if (submission.engine().isPresent()) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "USING ENGINE is for statement jobs; an application job runs on its cluster");
            }
            ClusterService.Cluster target = clusters.cluster(submission.cluster().orElse(ClusterService.LOCAL_CLUSTER));
            checkApplication(target, definition);
            return Optional.of(target.name());
        }
        return submission.cluster().map(name -> clusters.cluster(name).name());
    }

    private void checkApplication(ClusterService.Cluster cluster, JobDefinition definition)
    {
        if (definition.mainClass().isBlank() || !definition.mainClass().matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid main class '%s'", definition.mainClass()));
        }
        String jar = definition.jar();
        // The submission is built now (it checks the CONF keys, the cluster's storages and quotas), so that a job the
        // cluster cannot serve fails the SUBMIT.
        clusters.submission(cluster, "check", definition.mainClass(), jar, definition.arguments(), definition.conf());
        boolean remote = jar.matches("(?i)(local|https?|s3a?|gs|hdfs|wasbs?|abfss?)://.*");
        if (!remote && !Files.isRegularFile(Path.of(jar.startsWith("file:") ? jar.substring("file:".length()) : jar))) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("The jar %s does not exist or is not a file", jar));
        }
        if (cluster.type() == ClusterService.ClusterType.LOCAL && remote && !jar.toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("A LOCAL cluster runs jars from this machine's files, not %s", jar));
        }
    }

    /** Jobs the caller may see, newest first; {@code pattern} in Spark's SHOW syntax ({@code *}, {@code |}). */
    public List<JobRecord> list(Access access, Optional<String> pattern, Optional<String> state, int offset, int limit)
    {
        Optional<String> user = access.admin() ? Optional.empty() : Optional.of(access.user());
        if (pattern.isEmpty()) {
            return jobs.list(user, Optional.empty(), state, offset, limit);
        }
        Pattern names = SessionCommandExecutor.sparkLikePattern(pattern.get());
        return jobs.list(user, Optional.empty(), state, 0, 100_000).stream()
                .filter(job -> names.matcher(job.name()).matches())
                .skip(offset)
                .limit(limit)
                .toList();
    }

    /** The job, when the caller may see it; another user's job is "not found", as if it did not exist. */
    public JobRecord job(Access access, String jobId)
    {
        String id = jobId.strip().toLowerCase(Locale.ROOT);
        return jobs.get(id).filter(job -> access.canSee(job.user()))
                .orElseThrow(() -> new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No job " + shown(jobId)));
    }

    public JobDefinition definition(JobRecord job)
    {
        return Json.read(job.definition(), JobDefinition.class);
    }

    /** The {@code SparkSubmit} arguments of an application job, secrets masked; empty for a statement job. */
    public List<String> submissionShown(JobRecord job)
    {
        JobDefinition definition = definition(job);
        if (!definition.kind().equals(JobDefinition.APPLICATION)) {
            return List.of();
        }
        try {
            return ClusterService.masked(clusters.submission(clusters.cluster(job.cluster().orElse(ClusterService.LOCAL_CLUSTER)), job.name(),
                    definition.mainClass(), definition.jar(), definition.arguments(), definition.conf()));
        }
        catch (SluiceException e) {
            return List.of("(cannot be built now: " + e.getMessage() + ")");
        }
    }

    /** Cancels a queued or running job; fails naming the state of one that already ended. */
    public JobRecord cancel(Access access, String jobId)
    {
        JobRecord job = job(access, jobId);
        if (!ACTIVE.contains(job.state())) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Job %s already ended (%s)", job.jobId(), job.state()));
        }
        boolean cancelled = store.inTransaction(connection -> {
            boolean moved = jobs.transition(job.jobId(), ACTIVE, CANCELLED, Optional.empty(), Optional.of(Instant.now()), Optional.of("Cancelled by " + access.user()),
                    Optional.empty());
            if (moved && job.state().equals(QUEUED)) {
                try {
                    scheduler().cancel(TaskInstanceId.of(runTask.getName(), job.jobId()));
                }
                catch (RuntimeException e) {
                    // Picked meanwhile: the run sees CANCELLED and stops.
                }
            }
            return moved;
        });
        if (!cancelled) {
            JobRecord now = job(access, jobId);
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Job %s already ended (%s)", now.jobId(), now.state()));
        }
        Runnable stop = running.get(job.jobId());
        if (stop != null) {
            stop.run();
        }
        Optional<java.util.regex.Matcher> detached = detached(job);
        if (detached.isPresent()) {
            String engineName = detached.get().group(1);
            String engineJobId = detached.get().group(2);
            engineLookup.apply(engineName).ifPresent(engine -> engine.stopDetachedJob(engineJobId));
            jobs.appendLog(job.jobId(), List.of(format("Stopped the %s job %s", engineName, engineJobId)));
        }
        jobs.appendLog(job.jobId(), List.of("Cancelled by " + access.user()));
        return job(access, jobId);
    }

    /** The job's log lines after line {@code after}, at most {@code limit}. */
    public List<JobStore.LogLine> logs(Access access, String jobId, int after, int limit)
    {
        return jobs.logs(job(access, jobId).jobId(), after, limit);
    }

    /** Waits until the job ended or {@code timeout} passed; the job as it is then. */
    public JobRecord await(Access access, String jobId, Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobRecord job = job(access, jobId);
        while (ACTIVE.contains(job.state()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = job(access, jobId);
        }
        return job;
    }

    /** One run of a job, in a scheduler thread: what to do with its execution afterwards (a retry is a reschedule). */
    private CompletionHandler<Void> runJob(String jobId)
    {
        Optional<JobRecord> found = jobs.get(jobId);
        if (found.isEmpty() || !ACTIVE.contains(found.get().state())) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        JobRecord job = found.get();
        Optional<java.util.regex.Matcher> detached = detached(job);
        if (job.state().equals(RUNNING) && detached.isPresent()) {
            return watch(job, detached.get().group(1), detached.get().group(2));
        }
        if (job.state().equals(RUNNING) && !running.containsKey(jobId)) {
            // Picked again after the instance that ran it stopped: that attempt was interrupted.
            return failed(job, "The Sluice instance running the job stopped before it ended");
        }
        Instant started = Instant.now();
        if (!jobs.transition(jobId, Set.of(QUEUED), RUNNING, Optional.of(started), Optional.empty(), Optional.empty(), Optional.empty())) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        JobLog jobLog = new JobLog(jobId);
        try {
            jobLog.add(format("Started on %s (attempt %d of %d)", config.instanceName(), job.retries() + 1, job.maxRetries() + 1));
            JobDefinition definition = definition(job);
            if (definition.kind().equals(JobDefinition.STATEMENT)) {
                Optional<String> runsOn = runStatement(job, definition, jobLog);
                if (runsOn.isPresent()) {
                    jobLog.add(format("Runs on as %s; Sluice watches it every %s", runsOn.get(), config.watchInterval()));
                    jobLog.flush();
                    Instant next = Instant.now().plus(config.watchInterval());
                    return (complete, operations) -> operations.reschedule(complete, next);
                }
            }
            else {
                runApplication(job, definition, jobLog);
            }
            jobLog.flush();
            if (jobs.transition(jobId, Set.of(RUNNING), SUCCEEDED, Optional.empty(), Optional.of(Instant.now()), Optional.empty(), Optional.empty())) {
                jobLog.add(format("Succeeded in %.3f s", Duration.between(started, Instant.now()).toMillis() / 1e3));
            }
            return new CompletionHandler.OnCompleteRemove<>();
        }
        catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jobLog.add("Failed: " + message);
            if (!(e instanceof SluiceException)) {
                log.warn("Job {} failed unexpectedly", jobId, e);
            }
            return failed(jobs.get(jobId).orElse(job), message);
        }
        finally {
            running.remove(jobId);
            jobLog.flush();
        }
    }

    /**
     * One look at a job that runs on in its engine: its end ends the job (FINISHED succeeds, FAILED fails, CANCELED
     * cancels); while it runs, or while the engine cannot be asked, the next look is {@code jobs.watch-interval} later.
     * The look is an execution in the durable queue, so a restarted Sluice (or another instance) watches on.
     */
    private CompletionHandler<Void> watch(JobRecord job, String engineName, String engineJobId)
    {
        Instant next = Instant.now().plus(config.watchInterval());
        CompletionHandler<Void> again = (complete, operations) -> operations.reschedule(complete, next);
        Optional<io.sluice.spi.engine.Engine> engine = engineLookup.apply(engineName);
        if (engine.isEmpty()) {
            return again;
        }
        Optional<String> state;
        try {
            state = engine.get().detachedJobState(engineJobId);
        }
        catch (SluiceException e) {
            if (e.errorCode().type() == io.sluice.spi.ErrorType.EXTERNAL) {
                return again;
            }
            throw e;
        }
        Instant now = Instant.now();
        String ended = state.orElse("GONE");
        switch (ended) {
            case "RUNNING" -> {
                return again;
            }
            case "FINISHED" -> jobs.transition(job.jobId(), Set.of(RUNNING), SUCCEEDED, Optional.empty(), Optional.of(now), Optional.empty(), Optional.empty());
            case "CANCELED" -> jobs.transition(job.jobId(), Set.of(RUNNING), CANCELLED, Optional.empty(), Optional.of(now),
                    Optional.of(format("The %s job %s was cancelled", engineName, engineJobId)), Optional.empty());
            default -> jobs.transition(job.jobId(), Set.of(RUNNING), FAILED, Optional.empty(), Optional.of(now), Optional.of(ended.equals("GONE")
                    ? format("The %s job %s is no longer known to %s", engineName, engineJobId, engineName)
                    : format("The %s job %s failed; see %s's logs", engineName, engineJobId, engineName)), Optional.empty());
        }
        jobs.appendLog(job.jobId(), List.of(format("The %s job %s ended: %s", engineName, engineJobId, ended)));
        return new CompletionHandler.OnCompleteRemove<>();
    }

    /** The engine and id of the detached job a job's run names ({@code <engine> job <id>}), if it names one. */
    private static Optional<java.util.regex.Matcher> detached(JobRecord job)
    {
        return job.externalId().map(DETACHED::matcher).filter(java.util.regex.Matcher::matches);
    }

    /** A failed attempt: retried after a back-off that doubles per attempt while retries remain, else FAILED. */
    private CompletionHandler<Void> failed(JobRecord job, String error)
    {
        if (!job.state().equals(RUNNING)) {
            // Cancelled meanwhile: the cancel already ended it.
            return new CompletionHandler.OnCompleteRemove<>();
        }
        if (job.retries() < job.maxRetries()) {
            Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(job.retries(), 10));
            Instant next = Instant.now().plus(backoff);
            if (jobs.transition(job.jobId(), Set.of(RUNNING), QUEUED, Optional.empty(), Optional.empty(), Optional.of(error), Optional.of(job.retries() + 1))) {
                jobs.appendLog(job.jobId(), List.of(format("Retrying in %s (retry %d of %d)", backoff, job.retries() + 1, job.maxRetries())));
                return (complete, operations) -> operations.reschedule(complete, next);
            }
            return new CompletionHandler.OnCompleteRemove<>();
        }
        jobs.transition(job.jobId(), Set.of(RUNNING), FAILED, Optional.empty(), Optional.of(Instant.now()), Optional.of(error), Optional.empty());
        return new CompletionHandler.OnCompleteRemove<>();
    }

    /** Runs a statement job; the detached job it started ({@code <engine> job <id>}), when its engine runs on without it. */
    private Optional<String> runStatement(JobRecord job, JobDefinition definition, JobLog jobLog)
    {
        Caller caller = Caller.http(job.user());
        Map<String, String> settings = new java.util.LinkedHashMap<>(definition.settings());
        settings.put("sluice.engine", job.engine().orElse("auto"));
        Session session = backend.openSession(caller, Integer.MAX_VALUE, settings);
        try {
            Operation operation = backend.executeStatement(session.handle(), caller, definition.statement(), Map.of(), true, Duration.ZERO);
            running.put(job.jobId(), operation::cancel);
            long nextCheck = System.nanoTime();
            while (!operation.awaitCompletion(Duration.ofMillis(500)).isTerminal()) {
                if (System.nanoTime() >= nextCheck) {
                    // Cancelled through another instance sharing the store.
                    if (jobs.get(job.jobId()).map(current -> current.state().equals(CANCELLED)).orElse(true)) {
                        operation.cancel();
                    }
                    nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                }
            }
            operation.log().lines().forEach(jobLog::add);
            if (operation.state() == OperationState.CANCELED) {
                throw new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was cancelled");
            }
            if (operation.failure().isPresent()) {
                throw operation.failure().get();
            }
            Optional<String> ranOn = operation instanceof ExecuteStatementOperation statement
                    ? statement.ranOn().map(text -> text.substring(0, text.indexOf(':')))
                    : Optional.empty();
            ranOn.ifPresent(engine -> jobs.setExternalId(job.jobId(), "engine " + engine));
            if (!operation.hasResultSet()) {
                jobLog.add(format("Done: %d rows changed", operation.updateCount()));
                return Optional.empty();
            }
            jobLog.add(operation.resultColumns().stream().map(io.sluice.spi.Column::name).collect(Collectors.joining("\t")));
            long rows = 0;
            Object[] first = null;
            for (Optional<RowBatch> batch = operation.fetch(1000, false); batch.isPresent() && batch.get().rowCount() > 0; batch = operation.fetch(1000, false)) {
                for (int row = 0; row < batch.get().rowCount(); row++) {
                    if (first == null) {
                        first = batch.get().row(row);
                    }
                    if (rows++ < LOGGED_ROWS) {
                        jobLog.add(Arrays.stream(batch.get().row(row)).map(String::valueOf).collect(Collectors.joining("\t")));
                    }
                }
            }
            if (ranOn.isPresent() && rows == 1) {
                Optional<io.sluice.spi.engine.Engine> engine = engineLookup.apply(ranOn.get());
                Object[] row = first;
                Optional<String> detached = engine.flatMap(found -> found.detachedJob(operation.resultColumns(), row));
                if (detached.isPresent()) {
                    String run = ranOn.get() + " job " + detached.get();
                    jobs.setExternalId(job.jobId(), run);
                    return Optional.of(run);
                }
            }
            jobLog.add(format("Done: %d rows%s", rows, rows > LOGGED_ROWS ? format(" (the first %d shown)", LOGGED_ROWS) : ""));
            return Optional.empty();
        }
        finally {
            backend.closeSession(session.handle(), caller);
        }
    }

    private void runApplication(JobRecord job, JobDefinition definition, JobLog jobLog)
    {
        ClusterService.Cluster cluster = clusters.cluster(job.cluster().orElse(ClusterService.LOCAL_CLUSTER));
        List<String> submission = clusters.submission(cluster, job.name(), definition.mainClass(), definition.jar(), definition.arguments(), definition.conf());
        Path sparkLib = clusters.sparkLib(cluster);
        if (!Files.isDirectory(sparkLib)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("No Spark at %s for cluster %s: build it once with bin/sluice engine start spark, "
                    + "or set the cluster's spark-lib", sparkLib, cluster.name()));
        }
        String javaHome = cluster.properties().getOrDefault("java-home", System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx1g"));
        command.addAll(SparkJavaOptions.OPTIONS);
        command.addAll(List.of("-cp", sparkLib + "/*", "org.apache.spark.deploy.SparkSubmit"));
        command.addAll(submission);
        jobLog.add("spark-submit " + String.join(" ", ClusterService.masked(submission)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        if (cluster.type() == ClusterService.ClusterType.YARN) {
            builder.environment().put("HADOOP_CONF_DIR", cluster.properties().get("hadoop-conf-dir"));
        }
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot start SparkSubmit: " + e.getMessage(), e);
        }
        running.put(job.jobId(), () -> {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        });
        jobs.setExternalId(job.jobId(), "process " + process.pid());
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                jobLog.add(line);
            }
            int exit = process.waitFor();
            if (jobs.get(job.jobId()).map(current -> current.state().equals(CANCELLED)).orElse(false)) {
                throw new SluiceException(ErrorCode.QUERY_CANCELED, "The application was cancelled");
            }
            if (exit != 0) {
                throw new SluiceException(ErrorCode.ENGINE_ERROR, format("SparkSubmit exited with status %d; see the job's log", exit));
            }
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot read the application's output: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new SluiceException(ErrorCode.QUERY_CANCELED, "Sluice is stopping: the application was stopped");
        }
    }

    /** A job's log, written to the store in batches and bounded by {@code jobs.max-log-lines}. */
    private final class JobLog
    {
        private final String jobId;
        private final List<String> pending = new ArrayList<>();
        private int written;
        private long lastFlush = System.nanoTime();

        JobLog(String jobId)
        {
            this.jobId = jobId;
            this.written = jobs.logs(jobId, 0, Integer.MAX_VALUE).size();
        }

        synchronized void add(String line)
        {
            if (written + pending.size() >= config.maxLogLines()) {
                if (written + pending.size() == config.maxLogLines()) {
                    pending.add(format("(the log ends here: %s is %d lines)", MAX_LOG_LINES, config.maxLogLines()));
                }
                return;
            }
            pending.add(line);
            if (pending.size() >= 200 || System.nanoTime() - lastFlush > TimeUnit.SECONDS.toNanos(1)) {
                flush();
            }
        }

        synchronized void flush()
        {
            if (!pending.isEmpty()) {
                jobs.appendLog(jobId, List.copyOf(pending));
                written += pending.size();
                pending.clear();
            }
            lastFlush = System.nanoTime();
        }
    }

    // ---- schedules

    /** Creates a schedule: cron, zone, window and job checked, stored and its first fire queued in one transaction. */
    public ScheduleRecord createSchedule(String user, ScheduleRequest request, Map<String, String> settings)
    {
        Names.check("schedule", request.name());
        if (request.job().length() > MAX_DEFINITION) {
            throw new SluiceException(ErrorCode.MESSAGE_TOO_LARGE, format("The job of schedule %s is %d characters long; at most %d", request.name(),
                    request.job().length(), MAX_DEFINITION));
        }
        CronExpression cron = CronExpression.parse(request.cron(), request.timeZone().orElse("UTC"));
        if (request.starts().isPresent() && request.ends().isPresent() && !request.ends().get().isAfter(request.starts().get())) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "ENDS must be after STARTS");
        }
        // The job is checked now, as it would be at its first fire.
        check(submitParser.parse(request.job(), settings));
        Instant from = request.starts().filter(starts -> starts.isAfter(Instant.now())).orElse(Instant.now());
        Optional<Instant> next = cron.nextAfter(from.minusMillis(1)).filter(time -> request.ends().map(time::isBefore).orElse(true));
        ScheduleRecord schedule = new ScheduleRecord(request.name(), request.cron().strip(), cron.zone().getId(), request.starts(), request.ends(),
                next.isPresent() ? ACTIVE_SCHEDULE : ENDED_SCHEDULE, request.job(), settings, user, Instant.now(), next, Optional.empty(), Optional.empty());
        store.inTransaction(connection -> {
            schedules.insert(schedule);
            next.ifPresent(time -> scheduler().schedule(fireTask.instance(schedule.name()), time));
            return null;
        });
        return schedule;
    }

    /** Every schedule the caller may see, by name, with its last job's state. */
    public List<ScheduleView> schedules(Access access)
    {
        List<ScheduleView> views = new ArrayList<>();
        for (ScheduleRecord schedule : schedules.list()) {
            if (access.canSee(schedule.user())) {
                views.add(new ScheduleView(schedule, schedule.lastJobId().flatMap(jobs::get).map(JobRecord::state)));
            }
        }
        return views;
    }

    public ScheduleRecord schedule(Access access, String name)
    {
        return schedules.get(name).filter(schedule -> access.canSee(schedule.user()))
                .orElseThrow(() -> new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No schedule named " + shown(name)));
    }

    /** Pauses a schedule: it does not fire until resumed. */
    public ScheduleRecord pause(Access access, String name)
    {
        ScheduleRecord schedule = schedule(access, name);
        if (!schedule.state().equals(ACTIVE_SCHEDULE)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Schedule %s is %s, not ACTIVE", name, schedule.state()));
        }
        store.inTransaction(connection -> {
            schedules.setState(schedule.name(), PAUSED_SCHEDULE, Optional.empty());
            cancelFire(schedule.name());
            return null;
        });
        return schedule(access, name);
    }

    /** Resumes a paused schedule from now: fire times missed while paused do not fire. */
    public ScheduleRecord resume(Access access, String name)
    {
        ScheduleRecord schedule = schedule(access, name);
        if (!schedule.state().equals(PAUSED_SCHEDULE)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Schedule %s is %s, not PAUSED", name, schedule.state()));
        }
        Optional<Instant> next = nextFire(schedule, Instant.now());
        store.inTransaction(connection -> {
            schedules.setState(schedule.name(), next.isPresent() ? ACTIVE_SCHEDULE : ENDED_SCHEDULE, next);
            next.ifPresent(time -> scheduler().schedule(fireTask.instance(schedule.name()), time));
            return null;
        });
        return schedule(access, name);
    }

    public void dropSchedule(Access access, String name, boolean ifExists)
    {
        Optional<ScheduleRecord> schedule = schedules.get(name).filter(found -> access.canSee(found.user()));
        if (schedule.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No schedule named " + shown(name));
        }
        store.inTransaction(connection -> {
            schedules.delete(schedule.get().name());
            cancelFire(schedule.get().name());
            return null;
        });
    }

    private void cancelFire(String name)
    {
        TaskInstanceId id = TaskInstanceId.of(fireTask.getName(), name);
        if (scheduler().getScheduledExecution(id).isPresent()) {
            try {
                scheduler().cancel(id);
            }
            catch (RuntimeException e) {
                // Firing now: the fire sees the schedule paused or gone and stops.
                log.debug("Schedule {} is firing; it stops at its end", name, e);
            }
        }
    }

    /**
     * One fire of a schedule, at its fire time (late after downtime: then it fires once and continues from now, the
     * misfire policy). The job is inserted under the (schedule, fire time) key, so a fire time that another instance
     * already fired submits nothing.
     */
    private CompletionHandler<Void> fire(String name, Instant fireTime)
    {
        Optional<ScheduleRecord> found = schedules.get(name);
        if (found.isEmpty() || !found.get().state().equals(ACTIVE_SCHEDULE)) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        ScheduleRecord schedule = found.get();
        Instant now = Instant.now();
        Optional<Instant> next = nextFire(schedule, fireTime.isAfter(now) ? fireTime : now);
        try {
            store.inTransaction(connection -> {
                Submission submission = submitParser.parse(schedule.job(), schedule.settings());
                String jobId = insertJob(schedule.user(), submission, Optional.of(schedule.name()), Optional.of(fireTime));
                scheduler().schedule(runTask.instance(jobId), Instant.now());
                schedules.fired(schedule.name(), jobId, fireTime, next, next.isPresent() ? ACTIVE_SCHEDULE : ENDED_SCHEDULE);
                jobs.appendLog(jobId, List.of(format("Submitted by schedule %s for its fire time %s%s", schedule.name(), fireTime,
                        Duration.between(fireTime, now).toSeconds() > 60 ? format(" (fired late, at %s, after downtime)", now) : "")));
                return null;
            });
        }
        catch (SluiceException e) {
            if (e.errorCode() != ErrorCode.ALREADY_EXISTS) {
                log.warn("Schedule {} could not submit its job for {}: {}", name, fireTime, e.getMessage());
                schedules.fired(schedule.name(), schedule.lastJobId().orElse(""), fireTime, next, next.isPresent() ? ACTIVE_SCHEDULE : ENDED_SCHEDULE);
            }
        }
        if (next.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = next.get();
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    private static Optional<Instant> nextFire(ScheduleRecord schedule, Instant after)
    {
        Instant from = schedule.starts().filter(starts -> starts.isAfter(after)).map(starts -> starts.minusMillis(1)).orElse(after);
        return CronExpression.parse(schedule.cron(), schedule.timeZone()).nextAfter(from)
                .filter(time -> schedule.ends().map(time::isBefore).orElse(true));
    }

    // ----

    private Scheduler scheduler()
    {
        Scheduler current = scheduler;
        if (current == null) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The job scheduler is not started");
        }
        return current;
    }

    private static String newJobId()
    {
        StringBuilder id = new StringBuilder("job_");
        for (int i = 0; i < 20; i++) {
            id.append(JOB_ID_LETTERS.charAt(RANDOM.nextInt(JOB_ID_LETTERS.length())));
        }
        return id.toString();
    }

    private static String shown(String name)
    {
        return name.length() > 64 ? name.substring(0, 64) + "..." : name;
    }

    @Override
    public void close()
    {
        Scheduler current = scheduler;
        if (current != null) {
            running.values().forEach(Runnable::run);
            current.stop();
        }
    }

    /** The running jobs of this instance, by id. */
    public Set<String> runningHere()
    {
        return Set.copyOf(running.keySet());
    }
}
