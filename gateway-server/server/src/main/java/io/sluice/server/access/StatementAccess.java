package io.sluice.server.access;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.ast.SqlCreateDatabase;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlCreateView;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlExplainRoute;
import io.sluice.metastore.AccessStore.ColumnMask;
import io.sluice.metastore.AccessStore.RowFilter;
import io.sluice.server.access.AccessControl.Subject;
import io.sluice.server.command.SessionCommand;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * What a statement needs, checked before any engine sees it, and the rewrite that holds row filters and column masks
 * on every engine. Reads need {@code SELECT} on every table the statement names (through joins, subqueries, CTEs,
 * views as named); {@code INSERT} needs {@code INSERT} on its target, {@code UPDATE}, {@code DELETE} and
 * {@code MERGE} theirs; {@code CREATE TABLE|VIEW} needs {@code CREATE}, {@code DROP TABLE|VIEW} {@code DROP}, other
 * DDL on a table ({@code ALTER}, {@code TRUNCATE}) {@code ALL}; {@code CREATE DATABASE} needs {@code CREATE} on the
 * catalog, {@code DROP DATABASE} {@code DROP} on the database; {@code DESCRIBE}, {@code SHOW COLUMNS|CREATE|
 * PARTITIONS|STATS} need {@code SELECT}. A statement Sluice cannot parse is refused while grants are on: its objects
 * are unknown.
 */
public final class StatementAccess
{
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final AccessControl access;

    public StatementAccess(AccessControl access)
    {
        this.access = requireNonNull(access, "access is null");
    }

    /** Whether the subject's statements are checked at all. */
    public boolean applies(Subject subject)
    {
        return access.enabled() && !access.isAdmin(subject);
    }

    /** Checks a parsed statement (not a session command). */
    public void authorize(Subject subject, SqlNode statement, String currentDatabase)
    {
        if (statement instanceof SqlExplainRoute explain) {
            // What the router would do reveals table sizes: as much as reading them needs.
            authorize(subject, explain.statement(), currentDatabase);
            return;
        }
        StatementShape shape = StatementShape.of(statement);
        for (StatementShape.TableName table : shape.tables()) {
            ObjectName name = ObjectName.table(table.names(), currentDatabase);
            if (!table.target()) {
                access.check(subject, "SELECT", name);
                continue;
            }
            for (String privilege : targetPrivileges(statement)) {
                access.check(subject, privilege, name);
            }
        }
        if (statement instanceof SqlCreateDatabase create) {
            access.check(subject, "CREATE", ObjectName.database(create.name().names).parent().orElseThrow());
        }
        if (statement instanceof SqlDropObject drop && drop.kind() == SqlDropObject.Kind.DATABASE) {
            access.check(subject, "DROP", ObjectName.database(drop.name().names));
        }
    }

    private static List<String> targetPrivileges(SqlNode statement)
    {
        if (statement instanceof SqlInsert) {
            return List.of("INSERT");
        }
        if (statement instanceof SqlUpdate) {
            return List.of("UPDATE");
        }
        if (statement instanceof SqlDelete) {
            return List.of("DELETE");
        }
        if (statement instanceof SqlMerge) {
            return List.of("UPDATE", "INSERT", "DELETE");
        }
        if (statement instanceof SqlCreateTable || statement instanceof SqlCreateView) {
            return List.of("CREATE");
        }
        if (statement instanceof SqlDropObject) {
            return List.of("DROP");
        }
        return List.of("ALL");
    }

    /** Checks a session command Sluice answers (listings are filtered where they are made). */
    public void authorize(Subject subject, SessionCommand command, String currentDatabase)
    {
        Optional<ObjectName> table = Optional.empty();
        if (command instanceof SessionCommand.Describe describe) {
            table = Optional.of(ObjectName.table(describe.database().orElse(currentDatabase), describe.table()));
        }
        else if (command instanceof SessionCommand.ShowColumns show) {
            table = Optional.of(ObjectName.table(show.database().orElse(currentDatabase), show.table()));
        }
        else if (command instanceof SessionCommand.ShowCreate show) {
            table = Optional.of(ObjectName.table(show.database().orElse(currentDatabase), show.table()));
        }
        else if (command instanceof SessionCommand.ShowPartitions show) {
            table = Optional.of(ObjectName.table(show.database().orElse(currentDatabase), show.table()));
        }
        else if (command instanceof SessionCommand.ShowStats show) {
            table = Optional.of(ObjectName.table(show.database().orElse(currentDatabase), show.table()));
        }
        table.ifPresent(name -> access.check(subject, "SELECT", name));
        if (command instanceof SessionCommand.CreateDatabase create) {
            access.check(subject, "CREATE", ObjectName.database(create.database()).parent().orElseThrow());
        }
        if (command instanceof SessionCommand.DropDatabase drop) {
            access.check(subject, "DROP", ObjectName.database(drop.database()));
        }
    }

    /** The columns of a table, for masks. */
    public interface Columns
    {
        Optional<List<String>> of(String database, String table);
    }

    /**
     * The statement with each table read under a row filter or column mask of the subject's replaced by a subquery
     * that applies them ({@code (SELECT c1, mask AS c2 FROM t WHERE (filter)) AS t}); empty when none applies. The
     * text is replaced where the parser found each name, so nothing else of the statement changes.
     */
    public Optional<String> rewrite(Subject subject, SqlNode statement, String sql, Dialect dialect, String currentDatabase, Columns columns)
    {
        if (!applies(subject)) {
            return Optional.empty();
        }
        record Replacement(int start, int end, String text) {}
        List<Replacement> replacements = new ArrayList<>();
        for (StatementShape.ReadSite site : StatementShape.readSites(statement)) {
            ObjectName table = ObjectName.table(site.names(), currentDatabase);
            List<RowFilter> filters = access.filters(subject, table);
            Map<String, ColumnMask> masks = access.masks(subject, table);
            if (filters.isEmpty() && masks.isEmpty()) {
                continue;
            }
            SqlParserPos position = site.position();
            int start = offset(sql, position.getLineNum(), position.getColumnNum());
            int end = offset(sql, position.getEndLineNum(), position.getEndColumnNum()) + 1;
            String written = sql.substring(start, end);
            String projection = "*";
            if (!masks.isEmpty()) {
                String database = site.names().size() == 1 ? currentDatabase : String.join(".", site.names().subList(0, site.names().size() - 1));
                List<String> names = columns.of(database, site.names().get(site.names().size() - 1)).orElseThrow(() -> new SluiceException(ErrorCode.PERMISSION_DENIED,
                        format("Access denied: %s has column masks for user %s, and its columns cannot be read to apply them", table, subject.user())));
                for (String column : masks.keySet()) {
                    if (names.stream().noneMatch(name -> name.equalsIgnoreCase(column))) {
                        throw new SluiceException(ErrorCode.PERMISSION_DENIED, format("Access denied: the column mask %s names column %s, which %s does not have",
                                masks.get(column).name(), column, table));
                    }
                }
                List<String> items = new ArrayList<>();
                for (String name : names) {
                    ColumnMask mask = masks.get(name.toLowerCase(Locale.ROOT));
                    items.add(mask == null ? quote(name, dialect) : "(" + mask.expression() + ") AS " + quote(name, dialect));
                }
                projection = String.join(", ", items);
            }
            StringBuilder text = new StringBuilder("(SELECT ").append(projection).append(" FROM ").append(written);
            if (!filters.isEmpty()) {
                text.append(" WHERE ").append(String.join(" AND ", filters.stream().map(filter -> "(" + filter.predicate() + ")").toList()));
            }
            text.append(")");
            if (!site.aliased()) {
                text.append(" AS ").append(quote(site.names().get(site.names().size() - 1), dialect));
            }
            replacements.add(new Replacement(start, end, text.toString()));
        }
        if (replacements.isEmpty()) {
            return Optional.empty();
        }
        replacements.sort(Comparator.comparingInt(Replacement::start).reversed());
        StringBuilder rewritten = new StringBuilder(sql);
        for (Replacement replacement : replacements) {
            rewritten.replace(replacement.start(), replacement.end(), replacement.text());
        }
        return Optional.of(rewritten.toString());
    }

    private static String quote(String name, Dialect dialect)
    {
        if (PLAIN_NAME.matcher(name).matches()) {
            return name;
        }
        return switch (dialect) {
            case SPARK, HIVE, FLINK -> "`" + name.replace("`", "``") + "`";
            case TRINO, DUCKDB -> "\"" + name.replace("\"", "\"\"") + "\"";
        };
    }

    /** The offset of a 1-based line and column in the text. */
    private static int offset(String sql, int line, int column)
    {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int next = sql.indexOf('\n', offset);
            if (next < 0) {
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "No line " + line + " in the statement");
            }
            offset = next + 1;
        }
        return offset + column - 1;
    }
}
