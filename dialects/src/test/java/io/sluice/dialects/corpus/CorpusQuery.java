package io.sluice.dialects.corpus;

import static java.util.Objects.requireNonNull;

/** One corpus query: its file (a family such as {@code functions_string}), its 1-based number there, its Spark SQL. */
public record CorpusQuery(String family, int number, String sql)
{
    public CorpusQuery
    {
        requireNonNull(family, "family is null");
        requireNonNull(sql, "sql is null");
    }

    public String id()
    {
        return family + ":" + number;
    }
}
