package io.sluice.engine.flink;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One statement on the gateway. Queries and writes (INSERT, CREATE TABLE AS) run in batch mode: queries over
 * bounded sources answer as in a batch engine, and writes return once their data is written, as in Spark. Flink
 * refuses unbounded sources in batch mode; then a query with a LIMIT runs again in streaming mode (and ends at its
 * limit), a query without one is refused with a clear message instead of running forever, and a write becomes a
 * streaming job that runs until stopped and answers its job id. Result pages are fetched as the client reads.
 */
final class FlinkStatement
        implements EngineStatement
{
    private static final Pattern QUERY = Pattern.compile("(?is)^\\s*(SELECT|WITH|VALUES)\\b.*");
    /** A query that ends with a row limit, as Flink's dialect writes it (FETCH NEXT n ROWS ONLY) or as users do (LIMIT n). */
    private static final Pattern LIMITED = Pattern.compile("(?is).*\\b(LIMIT\\s+\\d+|FETCH\\s+(NEXT|FIRST)\\s+\\d+\\s+ROWS?\\s+ONLY)\\s*$");
    private static final Pattern WRITE = Pattern.compile(
            "(?is)^\\s*(INSERT\\b|(CREATE\\s+OR\\s+REPLACE|CREATE|REPLACE)\\s+TABLE\\b.*?\\bAS\\s*\\(?\\s*(SELECT|WITH|VALUES)\\b).*");
    static final Map<String, String> BATCH = Map.of("execution.runtime-mode", "batch");
    static final Map<String, String> STREAMING = Map.of("execution.runtime-mode", "streaming");
    static final Map<String, String> SYNCHRONOUS_BATCH = Map.of("execution.runtime-mode", "batch", "table.dml-sync", "true");

    private final FlinkSession session;
    private final String sql;
    private final Deque<Object[]> buffered = new ArrayDeque<>();
    private volatile FlinkSession.Operation operation;
    private volatile boolean canceled;
    private volatile boolean closed;
    private volatile boolean running;
    private List<Column> columns = List.of();
    private Optional<String> nextPage = Optional.empty();

    FlinkStatement(FlinkSession session, String sql)
    {
        this.session = requireNonNull(session, "session is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public boolean execute()
    {
        running = true;
        try {
            Map<String, String> config = executionConfig(sql);
            FlinkGatewayClient.ResultPage page;
            try {
                page = start(config);
            }
            catch (SluiceException e) {
                Optional<Map<String, String>> streaming = unbounded(e) ? fallback(sql, config) : Optional.empty();
                if (streaming.isEmpty()) {
                    throw e;
                }
                // The statement reads an unbounded source: a write becomes a streaming job that runs until it is
                // stopped, a query with a LIMIT a streaming query that ends at the limit.
                closeOperation();
                config = streaming.get();
                page = start(config);
            }
            if (config == SYNCHRONOUS_BATCH) {
                // The gateway answers once the job has finished: the data is written, and there is no result.
                return false;
            }
            if (!page.resultKind().equals("SUCCESS_WITH_CONTENT")) {
                // DDL and settings: Flink answers "OK", Spark nothing.
                return false;
            }
            columns = columns(page.results());
            accept(page);
            // The statement runs until its first rows (or its end) are there, so that timeouts and cancel reach it.
            while (buffered.isEmpty() && nextPage.isPresent()) {
                String uri = nextPage.get();
                accept(awaitPage(() -> session.client().page(uri)));
            }
            return true;
        }
        catch (SluiceException e) {
            throw translate(e);
        }
        finally {
            running = false;
        }
    }

    /** Submits the statement with {@code config}; its first result page (for a synchronous write: its end). */
    private FlinkGatewayClient.ResultPage start(Map<String, String> config)
    {
        FlinkSession.Operation submitted = session.submit(sql, config);
        operation = submitted;
        if (canceled) {
            cancel();
            throw canceledException();
        }
        return awaitPage(() -> session.client().firstPage(submitted.session(), submitted.operation()));
    }

    /**
     * Batch mode for queries and for writes (which wait for their job): bounded sources answer as a batch engine
     * would. Flink refuses unbounded sources in batch mode; see {@link #fallback}.
     */
    static Map<String, String> executionConfig(String sql)
    {
        if (QUERY.matcher(sql).matches()) {
            return BATCH;
        }
        if (WRITE.matcher(sql).matches()) {
            return SYNCHRONOUS_BATCH;
        }
        return Map.of();
    }

    @Override
    public List<Column> columns()
    {
        return columns;
    }

    @Override
    public long updateCount()
    {
        return -1;
    }

    @Override
    public Optional<RowBatch> nextBatch(int maxRows)
    {
        List<Object[]> rows = new ArrayList<>();
        long pause = 5;
        while (rows.size() < maxRows) {
            if (!buffered.isEmpty()) {
                rows.add(buffered.poll());
                continue;
            }
            if (nextPage.isEmpty() || canceled || closed) {
                break;
            }
            String uri = nextPage.get();
            FlinkGatewayClient.ResultPage page = rows.isEmpty() ? awaitPage(() -> session.client().page(uri)) : session.client().page(uri);
            if (page.notReady()) {
                break;
            }
            boolean empty = page.results().path("data").isEmpty();
            accept(page);
            if (empty && nextPage.isPresent()) {
                if (!rows.isEmpty()) {
                    // A streaming result has rows now and more later: hand over what there is rather than wait.
                    break;
                }
                // A streaming result with nothing new yet: ask again a little later.
                sleep(pause);
                pause = Math.min(pause * 2, 200);
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RowBatch.ofRows(columns.size(), rows));
    }

    private void accept(FlinkGatewayClient.ResultPage page)
    {
        nextPage = page.endOfStream() ? Optional.empty() : page.nextResultUri();
        for (JsonNode row : page.results().path("data")) {
            String kind = row.path("kind").asText("INSERT");
            if (!kind.equals("INSERT")) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED,
                        "Not supported on flink: a query whose result changes as it runs (" + kind.toLowerCase(Locale.ROOT) + " rows); add a LIMIT or make it bounded");
            }
            JsonNode fields = row.path("fields");
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = FlinkTypes.toValue(fields.get(i), columns.get(i).type());
            }
            buffered.add(values);
        }
    }

    private FlinkGatewayClient.ResultPage awaitPage(Supplier<FlinkGatewayClient.ResultPage> fetch)
    {
        long sleep = 5;
        while (true) {
            if (canceled) {
                throw canceledException();
            }
            FlinkGatewayClient.ResultPage page = fetch.get();
            if (!page.notReady()) {
                return page;
            }
            sleep(sleep);
            sleep = Math.min(sleep * 2, 200);
        }
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw canceledException();
        }
    }

    private static List<Column> columns(JsonNode results)
    {
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : results.path("columns")) {
            SluiceType type = FlinkTypes.toSluiceType(column.path("logicalType"));
            columns.add(new Column(column.path("name").asText(), type));
        }
        return columns;
    }

    /** The mode to run a statement in once batch mode refused its unbounded source: streaming for writes and limited queries. */
    static Optional<Map<String, String>> fallback(String sql, Map<String, String> refused)
    {
        if (refused == SYNCHRONOUS_BATCH || (refused == BATCH && LIMITED.matcher(sql).matches())) {
            return Optional.of(STREAMING);
        }
        return Optional.empty();
    }

    private static boolean unbounded(SluiceException e)
    {
        String message = String.valueOf(e.getMessage());
        return message.contains("unbounded") && message.contains("batch");
    }

    private static SluiceException translate(SluiceException e)
    {
        String message = String.valueOf(e.getMessage());
        if (unbounded(e)) {
            return new SluiceException(ErrorCode.NOT_SUPPORTED,
                    "Not supported on flink: a SELECT over an unbounded source never ends; add a LIMIT, or write it into a table with INSERT (" + message + ")", e);
        }
        return e;
    }

    private static SluiceException canceledException()
    {
        return new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
    }

    int running()
    {
        return running ? 1 : 0;
    }

    @Override
    public void cancel()
    {
        canceled = true;
        FlinkSession.Operation current = operation;
        if (current != null && !closed) {
            try {
                session.client().cancel(current.session(), current.operation());
            }
            catch (SluiceException ignored) {
                // Already finished, or Flink is gone: nothing left to stop.
            }
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        closeOperation();
        session.forget(this);
    }

    private void closeOperation()
    {
        FlinkSession.Operation current = operation;
        if (current != null) {
            try {
                session.client().closeOperation(current.session(), current.operation());
            }
            catch (SluiceException ignored) {
                // The gateway forgets finished operations itself.
            }
        }
    }
}
