package io.sluice.server.operation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an operation and the transitions allowed between them; any other transition is a bug and is
 * rejected. FINISHED means the result is ready to fetch; the other terminal states end the operation's work.
 */
public enum OperationState
{
    INITIALIZED,
    PENDING,
    RUNNING,
    FINISHED,
    CANCELED,
    TIMEDOUT,
    ERROR,
    CLOSED;

    public boolean isTerminal()
    {
        return this != INITIALIZED && this != PENDING && this != RUNNING;
    }

    public boolean canTransitionTo(OperationState next)
    {
        return allowedNext().contains(next);
    }

    private Set<OperationState> allowedNext()
    {
        return switch (this) {
            case INITIALIZED -> EnumSet.of(PENDING, RUNNING, CANCELED, TIMEDOUT, ERROR, CLOSED);
            case PENDING -> EnumSet.of(RUNNING, CANCELED, TIMEDOUT, ERROR, CLOSED);
            case RUNNING -> EnumSet.of(FINISHED, CANCELED, TIMEDOUT, ERROR, CLOSED);
            case FINISHED, CANCELED, TIMEDOUT, ERROR -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(OperationState.class);
        };
    }
}
