package io.sluice.dialects.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What Spark answered to one corpus query: the rows, every value as its canonical text ({@link CanonicalValues}),
 * or Spark's error when Spark refused the query.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectedAnswer(String id, String sql, List<String> columns, List<List<String>> rows, String error)
{
    public ExpectedAnswer
    {
        requireNonNull(id, "id is null");
        requireNonNull(sql, "sql is null");
    }

    public Optional<String> sparkError()
    {
        return Optional.ofNullable(error);
    }
}
