package io.sluice.router.cost;

import java.util.Optional;

/**
 * Asks the dialect layer whether an engine supports every construct of the statement: the statement validated and
 * translated for the engine. A refusal makes the engine infeasible rather than failing the statement.
 */
@FunctionalInterface
public interface TranslationCheck
{
    /** Empty when the engine takes the statement; else why not, in words (the reason EXPLAIN ROUTE shows). */
    Optional<String> refusal(String engine);

    static TranslationCheck acceptAll()
    {
        return engine -> Optional.empty();
    }
}
