package io.sluice.dialects.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE [OR REPLACE] [EXTERNAL] TABLE [IF NOT EXISTS] name [(col type, ...)] [USING format]
 * [PARTITIONED BY (...)] [[AS] query]}. Clauses Sluice cannot honour yet are kept by name so that
 * they are refused rather than dropped.
 */
public final class SqlCreateTable
        extends SqlCreate
{
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final boolean external;
    private final SqlIdentifier name;
    private SqlNodeList columns;
    private final SqlIdentifier format;
    private final SqlNodeList partitionedBy;
    private SqlNode query;
    private final List<String> unsupportedClauses;
    private final String withProperties;

    public SqlCreateTable(SqlParserPos pos, boolean replace, boolean external, boolean ifNotExists,
            SqlIdentifier name, SqlNodeList columns, SqlIdentifier format, SqlNodeList partitionedBy,
            SqlNode query, List<String> unsupportedClauses)
    {
        this(pos, replace, external, ifNotExists, name, columns, format, partitionedBy, query, unsupportedClauses, null);
    }

    /** @param withProperties table properties as Trino writes them after the columns ({@code WITH (...)}, the text inside the parentheses), or null */
    public SqlCreateTable(SqlParserPos pos, boolean replace, boolean external, boolean ifNotExists,
            SqlIdentifier name, SqlNodeList columns, SqlIdentifier format, SqlNodeList partitionedBy,
            SqlNode query, List<String> unsupportedClauses, String withProperties)
    {
        super(OPERATOR, pos, replace, ifNotExists);
        this.withProperties = withProperties;
        this.external = external;
        this.name = requireNonNull(name, "name is null");
        this.columns = columns;
        this.format = format;
        this.partitionedBy = partitionedBy;
        this.query = query;
        this.unsupportedClauses = List.copyOf(unsupportedClauses);
    }

    public boolean external()
    {
        return external;
    }

    public boolean replace()
    {
        return getReplace();
    }

    public boolean ifNotExists()
    {
        return ifNotExists;
    }

    public SqlIdentifier name()
    {
        return name;
    }

    /** Column names and types, alternating, as declared. */
    public Optional<SqlNodeList> columns()
    {
        return Optional.ofNullable(columns);
    }

    public List<SqlIdentifier> columnNames()
    {
        List<SqlIdentifier> names = new ArrayList<>();
        if (columns != null) {
            for (int i = 0; i < columns.size(); i += 2) {
                names.add((SqlIdentifier) columns.get(i));
            }
        }
        return names;
    }

    public List<SqlDataTypeSpec> columnTypes()
    {
        List<SqlDataTypeSpec> types = new ArrayList<>();
        if (columns != null) {
            for (int i = 1; i < columns.size(); i += 2) {
                types.add((SqlDataTypeSpec) columns.get(i));
            }
        }
        return types;
    }

    public Optional<SqlIdentifier> format()
    {
        return Optional.ofNullable(format);
    }

    public Optional<SqlNodeList> partitionedBy()
    {
        return Optional.ofNullable(partitionedBy);
    }

    public Optional<SqlNode> query()
    {
        return Optional.ofNullable(query);
    }

    public List<String> unsupportedClauses()
    {
        return unsupportedClauses;
    }

    @Override
    public List<SqlNode> getOperandList()
    {
        List<SqlNode> operands = new ArrayList<>(2);
        operands.add(columns);
        operands.add(query);
        return operands;
    }

    @Override
    public void setOperand(int i, SqlNode operand)
    {
        switch (i) {
            case 0 -> columns = (SqlNodeList) operand;
            case 1 -> query = operand;
            default -> throw new IllegalArgumentException("CREATE TABLE has two operands, not " + (i + 1));
        }
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword(getReplace() ? "CREATE OR REPLACE TABLE" : "CREATE TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, 0, 0);
        if (columns != null) {
            SqlLists.columnDefinitions(writer, columns);
        }
        if (format != null) {
            writer.keyword("USING");
            format.unparse(writer, 0, 0);
        }
        if (partitionedBy != null) {
            writer.keyword("PARTITIONED BY");
            SqlLists.parenthesized(writer, partitionedBy);
        }
        if (withProperties != null) {
            writer.keyword("WITH");
            writer.print("(" + withProperties + ")");
            writer.setNeedWhitespace(true);
        }
        if (query != null) {
            writer.keyword("AS");
            query.unparse(writer, 0, 0);
        }
    }
}
