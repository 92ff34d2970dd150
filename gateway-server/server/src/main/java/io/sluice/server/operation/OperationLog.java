package io.sluice.server.operation;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operation tells its client about its progress (routing, engine, row counts), fetched with
 * {@code FetchResults(fetchType=1)} as beeline does. Bounded: the oldest lines go first.
 */
public final class OperationLog
{
    private static final int MAX_LINES = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final List<String> lines = new ArrayList<>();
    private int readPosition;

    public synchronized void add(String message)
    {
        if (lines.size() == MAX_LINES) {
            lines.remove(0);
            readPosition = Math.max(0, readPosition - 1);
        }
        lines.add(LocalTime.now().format(TIME) + " " + message);
    }

    /** Lines not yet read, or all lines when {@code fromStart}; at most {@code maxLines}. */
    public synchronized List<String> read(boolean fromStart, int maxLines)
    {
        if (fromStart) {
            readPosition = 0;
        }
        int end = Math.min(lines.size(), readPosition + maxLines);
        List<String> result = new ArrayList<>(lines.subList(readPosition, end));
        readPosition = end;
        return result;
    }

    public synchronized List<String> lines()
    {
        return List.copyOf(lines);
    }
}
