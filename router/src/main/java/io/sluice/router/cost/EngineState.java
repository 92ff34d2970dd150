package io.sluice.router.cost;

import static java.util.Objects.requireNonNull;

/**
 * An engine as last observed: whether it answers, its load, and whether it must start before it can run anything.
 *
 * @param healthy whether its last probe answered
 * @param message why it is unhealthy; empty when healthy
 * @param running statements running on it now
 * @param queued statements waiting on it
 * @param cold whether it is idle long enough that it must start (or scale up) first
 */
public record EngineState(boolean healthy, String message, int running, int queued, boolean cold)
{
    public EngineState
    {
        requireNonNull(message, "message is null");
        if (running < 0 || queued < 0) {
            throw new IllegalArgumentException("running and queued must not be negative");
        }
    }

    public static EngineState idle()
    {
        return new EngineState(true, "", 0, 0, false);
    }

    public static EngineState down(String message)
    {
        return new EngineState(false, message, 0, 0, false);
    }
}
