package io.sluice.dialects.ast;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import static java.util.Collections.unmodifiableMap;
import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW DATABASES | TABLES | VIEWS | COLUMNS | FUNCTIONS | PARTITIONS | CREATE TABLE | CREATE VIEW} with Spark's
 * optional parts; Sluice's {@code SHOW ENGINES} and {@code SHOW STATS FOR t}.
 */
public final class SqlShow
        extends SqlStatement
{
    /** What is listed. */
    public enum Kind { CATALOGS, DATABASES, TABLES, VIEWS, COLUMNS, FUNCTIONS, ENGINES, QUERIES, STATS, PARTITIONS, CREATE_TABLE, CREATE_VIEW }

    private final Kind kind;
    private final SqlIdentifier database;
    private final SqlIdentifier table;
    private final SqlNode pattern;
    private final Map<String, String> partition;

    public SqlShow(SqlParserPos pos, Kind kind, SqlIdentifier database, SqlIdentifier table, SqlNode pattern)
    {
        this(pos, kind, database, table, pattern, Map.of());
    }

    public SqlShow(SqlParserPos pos, Kind kind, SqlIdentifier database, SqlIdentifier table, SqlNode pattern, Map<String, String> partition)
    {
        super(pos, "SHOW " + kind.name().replace('_', ' '));
        this.kind = requireNonNull(kind, "kind is null");
        this.database = database;
        this.table = table;
        this.pattern = pattern;
        this.partition = unmodifiableMap(new LinkedHashMap<>(requireNonNull(partition, "partition is null")));
    }

    public Kind kind()
    {
        return kind;
    }

    public Optional<SqlIdentifier> database()
    {
        return Optional.ofNullable(database);
    }

    public Optional<SqlIdentifier> table()
    {
        return Optional.ofNullable(table);
    }

    /** The pattern's text, in Spark's syntax ({@code *} any characters, {@code |} alternatives). */
    public Optional<String> pattern()
    {
        return Optional.ofNullable(pattern).map(node -> SqlLiteral.unchain(node).getValueAs(String.class));
    }

    /** SHOW PARTITIONS' {@code PARTITION (key = 'value', ...)}, in the order written; empty for all partitions. */
    public Map<String, String> partition()
    {
        return partition;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("SHOW");
        writer.keyword(kind.name().replace('_', ' '));
        if (table != null) {
            if (kind == Kind.STATS) {
                writer.keyword("FOR");
            }
            else if (kind == Kind.COLUMNS) {
                writer.keyword("IN");
            }
            table.unparse(writer, 0, 0);
        }
        if (!partition.isEmpty()) {
            writer.keyword("PARTITION");
            SqlWriter.Frame frame = writer.startList("(", ")");
            partition.forEach((key, value) -> {
                writer.sep(",");
                writer.identifier(key, true);
                writer.keyword("=");
                writer.literal("'" + value.replace("'", "''") + "'");
            });
            writer.endList(frame);
        }
        if (database != null) {
            writer.keyword("IN");
            database.unparse(writer, 0, 0);
        }
        if (pattern != null) {
            writer.keyword("LIKE");
            pattern.unparse(writer, 0, 0);
        }
    }
}
