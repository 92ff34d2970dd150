package io.sluice.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.metastore.AuditStore;
import io.sluice.metastore.AuditStore.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The audit log. Events are written by one background thread, in batches, to the metadata store's {@code sluice_audit}
 * and, when {@code audit.file} names one (default {@code var/log/audit.jsonl}; empty for none), a JSON-lines file.
 * Nothing is dropped: when {@code audit.queue-size} events wait, the caller waits for room. {@link #flush} waits until
 * what was recorded before it is written (SHOW AUDIT reads after it). No event holds a password or token secret.
 */
public final class AuditLog
        implements AutoCloseable
{
    public static final String FILE = "audit.file";
    public static final String QUEUE_SIZE = "audit.queue-size";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 512;

    /** The kinds of events. */
    public enum Kind
    {
        LOGIN, STATEMENT, TOKEN, ROLE, GRANT
    }

    private final AuditStore store;
    private final Optional<Path> file;
    private final Clock clock;
    private final BlockingQueue<AuditEvent> queue;
    private final AtomicLong recorded = new AtomicLong();
    private final Object progress = new Object();
    private final Thread writer;
    private long written;
    private volatile boolean closed;
    private BufferedWriter output;

    public AuditLog(AuditStore store, Optional<Path> file, int queueSize, Clock clock)
    {
        this.store = requireNonNull(store, "store is null");
        this.file = requireNonNull(file, "file is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.writer = new Thread(this::writeLoop, "sluice-audit");
        writer.setDaemon(true);
        writer.start();
    }

    public void record(Kind kind, String user, String address, boolean allowed, Optional<String> engine, List<String> objects, String detail)
    {
        AuditEvent event = new AuditEvent(0, clock.instant(), kind.name(), user, address == null ? "" : address, allowed, engine, String.join(",", objects), detail);
        if (closed) {
            store.insert(List.of(event));
            return;
        }
        try {
            queue.put(event);
            recorded.incrementAndGet();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.insert(List.of(event));
        }
    }

    /** Waits until every event recorded before this call is written (at most 10 seconds). */
    public void flush()
    {
        long target = recorded.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (progress) {
            while (written < target && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The newest events first. */
    public List<AuditEvent> recent(Optional<String> user, int limit)
    {
        flush();
        return store.recent(user, limit);
    }

    private void writeLoop()
    {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            }
            catch (InterruptedException e) {
                if (!closed) {
                    continue;
                }
                queue.drainTo(batch);
                write(batch);
                return;
            }
            finally {
                int count = batch.size();
                batch.clear();
                synchronized (progress) {
                    written += count;
                    progress.notifyAll();
                }
            }
        }
    }

    private void write(List<AuditEvent> batch)
    {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.insert(batch);
        }
        catch (RuntimeException e) {
            log.error("Cannot write {} audit events to the metadata store: {}", batch.size(), e.getMessage());
        }
        if (file.isPresent()) {
            try {
                if (output == null) {
                    Files.createDirectories(file.get().toAbsolutePath().getParent());
                    output = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                for (AuditEvent event : batch) {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("time", event.time().toString());
                    line.put("kind", event.kind());
                    line.put("user", event.user());
                    line.put("address", event.address());
                    line.put("allowed", event.allowed());
                    event.engine().ifPresent(engine -> line.put("engine", engine));
                    line.put("objects", event.objects());
                    line.put("detail", event.detail());
                    output.write(JSON.writeValueAsString(line));
                    output.newLine();
                }
                output.flush();
            }
            catch (IOException e) {
                log.error("Cannot write {} audit events to {}: {}", batch.size(), file.get(), e.getMessage());
            }
        }
    }

    @Override
    public void close()
    {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (output != null) {
            try {
                output.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
