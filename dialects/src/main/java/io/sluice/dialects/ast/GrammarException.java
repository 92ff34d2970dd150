package io.sluice.dialects.ast;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A construct the grammar read but cannot express (a LATERAL VIEW over something else than a function, time travel
 * after a subquery); reported by the parser front end as a syntax error at its position.
 */
public final class GrammarException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    private final SqlParserPos position;

    public GrammarException(SqlParserPos position, String message)
    {
        super(message);
        this.position = position;
    }

    public SqlParserPos position()
    {
        return position;
    }
}
