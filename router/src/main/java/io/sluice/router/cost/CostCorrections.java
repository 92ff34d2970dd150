package io.sluice.router.cost;

import java.util.OptionalDouble;

/** Factors by which one statement's estimates are corrected per engine, from what statements of its shape took there. */
@FunctionalInterface
public interface CostCorrections
{
    CostCorrections NONE = engine -> OptionalDouble.empty();

    /** The factor for the engine, when its history has one. */
    OptionalDouble factor(String engine);

    /** Where a statement's corrections come from. */
    interface Source
    {
        CostCorrections forStatement(String fingerprint);
    }
}
