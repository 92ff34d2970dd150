package io.sluice.dialects.functions;

import org.apache.calcite.sql.SqlNode;

/** How one engine computes a call: the engine's expression, or a refusal naming what cannot be translated. */
@FunctionalInterface
public interface Rewrite
{
    SqlNode apply(CallContext call);
}
