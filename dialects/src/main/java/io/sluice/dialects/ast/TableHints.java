package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlTableRef;

import java.util.List;
import java.util.Optional;

/** Sluice's own hints on a table reference (time travel, samples): the options of the one with a given name. */
final class TableHints
{
    private TableHints() {}

    static Optional<List<String>> options(SqlNode node, String name)
    {
        if (node == null || node.getKind() != SqlKind.TABLE_REF) {
            return Optional.empty();
        }
        for (SqlNode item : (SqlNodeList) ((SqlTableRef) node).operand(1)) {
            if (item instanceof SqlHint hint && hint.getName().equalsIgnoreCase(name)) {
                return Optional.of(hint.getOptionList());
            }
        }
        return Optional.empty();
    }
}
