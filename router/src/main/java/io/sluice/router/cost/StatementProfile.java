package io.sluice.router.cost;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What the router knows of a statement: its kind, the tables it touches, and the constructs that drive its cost.
 *
 * @param kind what the statement does
 * @param tables every table it reads or writes, each once
 * @param joins the number of joins
 * @param aggregates whether it aggregates
 * @param groups whether it aggregates by groups (GROUP BY), which returns more than one row
 * @param sorts whether it sorts its result (ORDER BY, window functions)
 * @param limit the LIMIT of its result, if any
 */
public record StatementProfile(StatementKind kind, List<TableReference> tables, int joins, boolean aggregates, boolean groups, boolean sorts, OptionalLong limit)
{
    public StatementProfile
    {
        requireNonNull(kind, "kind is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(limit, "limit is null");
    }

    /** Bytes read by every scan, where known; tables without statistics count nothing. */
    public double scannedBytes()
    {
        return tables.stream().filter(table -> !table.target() || kind != StatementKind.WRITE).mapToDouble(table -> table.bytes().orElse(0)).sum();
    }

    /** Rows read by every scan, where known. */
    public double scannedRows()
    {
        return tables.stream().filter(table -> !table.target() || kind != StatementKind.WRITE).mapToDouble(table -> table.rows().orElse(0)).sum();
    }

    /** Whether any table it reads has no statistics: the estimate then counts only what is known. */
    public boolean statisticsUnknown()
    {
        return tables.stream().anyMatch(table -> table.bytes().isEmpty());
    }
}
