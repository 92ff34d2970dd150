package io.sluice.spi.metadata;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * What an engine knows of a table's size and contents, for the catalog and the router. Every figure is optional:
 * engines know more or less, and estimates may be missing until the table is analyzed.
 *
 * @param rowCount the number of rows
 * @param dataBytes the bytes of the table's data files
 * @param fileCount the number of data files
 * @param columns per-column figures, in the table's column order
 */
public record TableStatistics(OptionalDouble rowCount, OptionalDouble dataBytes, OptionalDouble fileCount, List<ColumnStatistics> columns)
{
    public TableStatistics
    {
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(dataBytes, "dataBytes is null");
        requireNonNull(fileCount, "fileCount is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /** What engines that count rows but not files know. */
    public TableStatistics(OptionalDouble rowCount, List<ColumnStatistics> columns)
    {
        this(rowCount, OptionalDouble.empty(), OptionalDouble.empty(), columns);
    }

    /**
     * @param name the column
     * @param dataSize bytes of data in the column (text and binary columns)
     * @param distinctValues the number of distinct values
     * @param nullsFraction the fraction of rows where the column is NULL
     * @param low the lowest value, as text
     * @param high the highest value, as text
     */
    public record ColumnStatistics(String name, OptionalDouble dataSize, OptionalDouble distinctValues, OptionalDouble nullsFraction,
            Optional<String> low, Optional<String> high)
    {
        public ColumnStatistics
        {
            requireNonNull(name, "name is null");
            requireNonNull(dataSize, "dataSize is null");
            requireNonNull(distinctValues, "distinctValues is null");
            requireNonNull(nullsFraction, "nullsFraction is null");
            requireNonNull(low, "low is null");
            requireNonNull(high, "high is null");
        }
    }
}
