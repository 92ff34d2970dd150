package io.sluice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.lang.String.format;

/**
 * Jobs and schedules over the REST API, as CI pipelines and orchestrators use them: (a) {@code jobs} trivial statement
 * jobs submitted one after another, with each submission's latency and the throughput from the first submission to
 * the last job's end; (b) a schedule firing every second for {@code seconds}, with each fire's lateness (when its job
 * was submitted, after the fire time). Against a running Sluice ({@code --rest http://127.0.0.1:10099}, as {@code
 * bin/sluice start} runs it) or one started in this process. Usage: {@code BenchmarkJobs [--rest url] [jobs] [seconds]}.
 */
public final class BenchmarkJobs
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BenchmarkJobs() {}

    public record Results(int jobs, double submitP50Millis, double submitP99Millis, double jobsPerSecond, int fires, double latenessP50Millis,
            double latenessP99Millis) {}

    public static void main(String[] args)
            throws Exception
    {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String rest = null;
        int flag = arguments.indexOf("--rest");
        if (flag >= 0) {
            rest = arguments.get(flag + 1);
            arguments.subList(flag, flag + 2).clear();
        }
        int jobs = arguments.size() > 0 ? Integer.parseInt(arguments.get(0)) : 1000;
        int seconds = arguments.size() > 1 ? Integer.parseInt(arguments.get(1)) : 60;
        Results results = rest == null ? run(jobs, seconds) : run(rest, jobs, seconds);
        System.out.printf("%d statement jobs: submit p50 %.2f ms, p99 %.2f ms; %.1f jobs/s from first submit to last end%n",
                results.jobs(), results.submitP50Millis(), results.submitP99Millis(), results.jobsPerSecond());
        System.out.printf("Schedule every second for %d s: %d fires, lateness p50 %.1f ms, p99 %.1f ms%n", seconds, results.fires(),
                results.latenessP50Millis(), results.latenessP99Millis());
    }

    /** Against a Sluice started here on the embedded default. */
    public static Results run(int jobs, int seconds)
            throws Exception
    {
        try (EmbeddedSluice sluice = EmbeddedSluice.start()) {
            return run(sluice.restUrl(), jobs, seconds);
        }
    }

    public static Results run(String rest, int jobs, int seconds)
            throws Exception
    {
        String user = "bench_" + Long.toHexString(System.nanoTime());
        String name = "bench_job";
        double[] submits = new double[jobs];
        for (int i = 0; i < jobs; i++) {
            long start = System.nanoTime();
            JsonNode job = call("POST", rest + "/api/v1/job", format("{\"name\": \"%s\", \"statement\": \"SELECT %d AS n\", \"user\": \"%s\"}", name, i, user));
            submits[i] = (System.nanoTime() - start) / 1e6;
            if (!job.path("jobId").asText().startsWith("job_")) {
                throw new IllegalStateException("No job id: " + job);
            }
        }
        List<JsonNode> done = awaitAll(rest, user, name, jobs, Duration.ofMinutes(10));
        Instant first = done.stream().map(job -> Instant.parse(job.get("submitted").asText())).min(Instant::compareTo).orElseThrow();
        Instant last = done.stream().map(job -> Instant.parse(job.get("finished").asText())).max(Instant::compareTo).orElseThrow();
        double throughput = jobs / Math.max(1e-3, Duration.between(first, last).toNanos() / 1e9);

        String schedule = "bench_every_second_" + Long.toHexString(System.nanoTime());
        call("POST", rest + "/api/v1/schedule", format("{\"name\": \"%s\", \"cron\": \"* * * * * *\", \"job\": \"SUBMIT JOB tick AS SELECT 1\", \"user\": \"%s\"}",
                schedule, user));
        Thread.sleep(seconds * 1000L);
        call("DELETE", rest + "/api/v1/schedule/" + schedule + "?user=" + user, null);
        List<Double> lateness = new ArrayList<>();
        for (JsonNode job : list(rest, user, "tick")) {
            lateness.add(Duration.between(Instant.parse(job.get("fireTime").asText()), Instant.parse(job.get("submitted").asText())).toNanos() / 1e6);
        }
        double[] late = lateness.stream().mapToDouble(Double::doubleValue).toArray();
        if (late.length == 0) {
            throw new IllegalStateException("The schedule never fired");
        }
        return new Results(jobs, percentile(submits, 0.5), percentile(submits, 0.99), throughput, late.length, percentile(late, 0.5), percentile(late, 0.99));
    }

    /** Waits until all the user's jobs of that name ended; fails unless every one SUCCEEDED. */
    private static List<JsonNode> awaitAll(String rest, String user, String name, int count, Duration timeout)
            throws Exception
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> jobs = list(rest, user, name);
            long ended = jobs.stream().filter(job -> !job.get("state").asText().equals("QUEUED") && !job.get("state").asText().equals("RUNNING")).count();
            if (jobs.size() == count && ended == count) {
                for (JsonNode job : jobs) {
                    if (!job.get("state").asText().equals("SUCCEEDED")) {
                        throw new IllegalStateException("A job did not succeed: " + job);
                    }
                }
                return jobs;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The jobs did not end within " + timeout);
    }

    private static List<JsonNode> list(String rest, String user, String name)
            throws Exception
    {
        List<JsonNode> jobs = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = call("GET", rest + "/api/v1/job?user=" + user + "&name=" + name + "&limit=1000&offset=" + offset, null);
            page.get("jobs").forEach(jobs::add);
            if (page.get("nextOffset").isNull()) {
                return jobs;
            }
        }
    }

    private static JsonNode call(String method, String uri, String body)
            throws Exception
    {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static double percentile(double[] values, double fraction)
    {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
