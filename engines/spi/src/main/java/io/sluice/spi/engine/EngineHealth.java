package io.sluice.spi.engine;

import static java.util.Objects.requireNonNull;

/**
 * An engine's state as last probed, with its load for the router.
 *
 * @param state whether the engine answers
 * @param message why it is not healthy, empty when it is
 * @param runningQueries statements running now
 * @param queuedQueries statements waiting to run
 */
public record EngineHealth(State state, String message, int runningQueries, int queuedQueries)
{
    public enum State
    {
        UP,
        DOWN,
    }

    public EngineHealth
    {
        requireNonNull(state, "state is null");
        requireNonNull(message, "message is null");
    }

    public static EngineHealth up(int runningQueries, int queuedQueries)
    {
        return new EngineHealth(State.UP, "", runningQueries, queuedQueries);
    }

    public static EngineHealth down(String message)
    {
        return new EngineHealth(State.DOWN, message, 0, 0);
    }
}
