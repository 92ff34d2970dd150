package io.sluice.dialects.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * What Spark and Hive accept beyond strict SQL: {@code !=}, {@code %}, GROUP BY aliases and ordinals,
 * SELECT without FROM, {@code LIMIT}, and so on; starts from Calcite's lenient BABEL conformance.
 */
final class SluiceConformance
        extends SqlDelegatingConformance
{
    static final SluiceConformance INSTANCE = new SluiceConformance();

    private SluiceConformance()
    {
        super(SqlConformanceEnum.BABEL);
    }

    @Override
    public boolean isGroupByAlias()
    {
        return true;
    }

    /** Spark rejects a selected column that is not grouped, rather than picking any of its values. */
    @Override
    public boolean isNonStrictGroupBy()
    {
        return false;
    }

    @Override
    public boolean allowNiladicParentheses()
    {
        return true;
    }

    @Override
    public boolean isGroupByOrdinal()
    {
        return true;
    }

    @Override
    public boolean isHavingAlias()
    {
        return true;
    }

    @Override
    public boolean isSortByOrdinal()
    {
        return true;
    }

    @Override
    public boolean isSortByAlias()
    {
        return true;
    }

    /** A name in the SELECT list is a column, never an earlier alias: errors then name the unknown column. */
    @Override
    public SelectAliasLookup isSelectAlias()
    {
        return SelectAliasLookup.UNSUPPORTED;
    }

    @Override
    public boolean allowCharLiteralAlias()
    {
        return true;
    }
}
