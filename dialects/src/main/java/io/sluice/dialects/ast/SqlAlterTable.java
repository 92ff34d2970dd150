package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Spark's changes to a table: {@code ALTER TABLE t ADD COLUMNS (name type, ...)}, {@code ALTER TABLE t DROP
 * COLUMNS (name, ...)} (also {@code DROP COLUMN name}), {@code ALTER TABLE t RENAME COLUMN a TO b}, {@code ALTER
 * TABLE t RENAME TO t2}, and {@code TRUNCATE TABLE t}.
 */
public final class SqlAlterTable
        extends SqlCall
{
    /** What is changed. */
    public enum Action
    {
        ADD_COLUMNS(SqlKind.ALTER_TABLE),
        DROP_COLUMNS(SqlKind.ALTER_TABLE),
        RENAME_COLUMN(SqlKind.ALTER_TABLE),
        RENAME_TO(SqlKind.ALTER_TABLE),
        TRUNCATE(SqlKind.OTHER_DDL);

        private final SqlOperator operator;

        Action(SqlKind kind)
        {
            this.operator = new SqlSpecialOperator(name().equals("TRUNCATE") ? "TRUNCATE TABLE" : "ALTER TABLE", kind);
        }
    }

    private final Action action;
    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final SqlIdentifier newName;

    /**
     * @param columns for ADD COLUMNS, names and types alternating; for DROP COLUMNS, names; for RENAME COLUMN, the
     *     column renamed; otherwise empty
     * @param newName the new name of the table (RENAME TO) or of the column (RENAME COLUMN), else null
     */
    public SqlAlterTable(SqlParserPos pos, Action action, SqlIdentifier name, SqlNodeList columns, SqlIdentifier newName)
    {
        super(pos);
        this.action = requireNonNull(action, "action is null");
        this.name = requireNonNull(name, "name is null");
        this.columns = requireNonNull(columns, "columns is null");
        this.newName = newName;
    }

    public Action action()
    {
        return action;
    }

    public SqlIdentifier name()
    {
        return name;
    }

    /** The same change of the table called {@code table}. */
    public SqlAlterTable withName(SqlIdentifier table)
    {
        return new SqlAlterTable(getParserPosition(), action, table, columns, newName);
    }

    public SqlNodeList columns()
    {
        return columns;
    }

    /** ADD COLUMNS' names. */
    public List<SqlIdentifier> columnNames()
    {
        List<SqlIdentifier> names = new ArrayList<>();
        int step = action == Action.ADD_COLUMNS ? 2 : 1;
        for (int i = 0; i < columns.size(); i += step) {
            names.add((SqlIdentifier) columns.get(i));
        }
        return names;
    }

    /** ADD COLUMNS' types. */
    public List<SqlDataTypeSpec> columnTypes()
    {
        List<SqlDataTypeSpec> types = new ArrayList<>();
        if (action == Action.ADD_COLUMNS) {
            for (int i = 1; i < columns.size(); i += 2) {
                types.add((SqlDataTypeSpec) columns.get(i));
            }
        }
        return types;
    }

    public Optional<SqlIdentifier> newName()
    {
        return Optional.ofNullable(newName);
    }

    @Override
    public SqlOperator getOperator()
    {
        return action.operator;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        if (action == Action.TRUNCATE) {
            writer.keyword("TRUNCATE TABLE");
            name.unparse(writer, 0, 0);
            return;
        }
        writer.keyword("ALTER TABLE");
        name.unparse(writer, 0, 0);
        switch (action) {
            case ADD_COLUMNS -> {
                writer.keyword("ADD COLUMNS");
                SqlLists.columnDefinitions(writer, columns);
            }
            case DROP_COLUMNS -> {
                writer.keyword("DROP COLUMNS");
                SqlLists.parenthesized(writer, columns);
            }
            case RENAME_COLUMN -> {
                writer.keyword("RENAME COLUMN");
                columns.get(0).unparse(writer, 0, 0);
                writer.keyword("TO");
                newName.unparse(writer, 0, 0);
            }
            case RENAME_TO -> {
                writer.keyword("RENAME TO");
                newName.unparse(writer, 0, 0);
            }
            default -> throw new IllegalStateException("Unexpected action " + action);
        }
    }
}
